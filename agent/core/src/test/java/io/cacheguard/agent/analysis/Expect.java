package io.cacheguard.agent.analysis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The verdict the analysis must reach for one map field of the catalogue. The catalogue is the
 * analysis' specification: {@link CatalogueTest} fails on every field where the two disagree, and
 * on every report for a field that carries no expectation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Expect {

    Verdict value();

    /**
     * Text that one of the verdict's reasons must contain, ignoring case; empty when the wording is
     * free. Set only where the reason is the point of the entry (a write under a read lock is a
     * patch for that reason and no other).
     */
    String reason() default "";
}
