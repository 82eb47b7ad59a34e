package io.cacheguard.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test when the cacheguard agent reports a race while it runs (see {@link CacheguardExtension}),
 * with its options. On a class it covers every test of it; on a method it overrides the class's.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CacheguardExtension.class)
public @interface CacheguardTest {
    /** The kinds of race that fail a test; others are left to the agent's log and report. */
    RaceKind[] failOn() default {RaceKind.WRITE_WRITE, RaceKind.READ_WRITE};

    /** Fields whose races never fail a test, as the agent names them: {@code com.acme.Cache.map}. */
    String[] suppress() default {};

    /**
     * Whether a JVM without the agent (or with it not detecting: {@code mode=patch}, {@code detector=off}) fails the test
     * class, rather than letting it pass without ever seeing a race.
     */
    boolean requireAgent() default true;
}
