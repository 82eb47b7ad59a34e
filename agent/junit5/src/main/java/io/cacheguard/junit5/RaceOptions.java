package io.cacheguard.junit5;

import java.lang.reflect.AnnotatedElement;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What fails a test, from the nearest {@link CacheguardTest}: on the test method, else its class,
 * else an enclosing class (a {@code @Nested} test's); the defaults when there is none, as with
 * {@code @ExtendWith} alone or auto-detection.
 */
record RaceOptions(Set<RaceKind> failOn, Set<String> suppress, boolean requireAgent) {
    static final RaceOptions DEFAULT = new RaceOptions(EnumSet.allOf(RaceKind.class), Set.of(), true);

    static RaceOptions of(ExtensionContext context) {
        Optional<CacheguardTest> annotation = context.getTestMethod().flatMap(RaceOptions::find);
        for (Class<?> type = context.getTestClass().orElse(null); annotation.isEmpty() && type != null;
                type = type.getEnclosingClass()) {
            annotation = find(type);
        }
        return annotation.map(RaceOptions::of).orElse(DEFAULT);
    }

    private static Optional<CacheguardTest> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, CacheguardTest.class);
    }

    static RaceOptions of(CacheguardTest annotation) {
        Set<RaceKind> kinds = EnumSet.noneOf(RaceKind.class);
        kinds.addAll(List.of(annotation.failOn()));
        return new RaceOptions(kinds, Set.copyOf(List.of(annotation.suppress())), annotation.requireAgent());
    }

    /** Whether a race of this kind (an agent label) on this field fails the test. */
    boolean fails(String field, String kind) {
        if (suppress.contains(field)) {
            return false;
        }
        for (RaceKind k : failOn) {
            if (k.label().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a race counted without its accesses fails the test: its kind is unknown, so only when
     * every kind does.
     */
    boolean failsUnattributed(String field) {
        return !suppress.contains(field) && failOn.containsAll(EnumSet.allOf(RaceKind.class));
    }
}
