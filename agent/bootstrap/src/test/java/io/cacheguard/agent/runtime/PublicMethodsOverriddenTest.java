package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A wrapper extends the class it replaces but keeps its data elsewhere: any public method it
 * inherits from the JDK would run on the empty inherited table and silently answer wrong (on JDK 21+
 * {@code putFirst} or {@code firstEntry} of a LinkedHashMap, for example). So every public instance
 * method of the class that {@link GuardedMaps} returns on the running JDK must be declared by our own
 * code; only Object's final methods may come from the JDK.
 */
class PublicMethodsOverriddenTest {
    @Test
    void guardedHashMapOverridesEveryInheritedPublicMethod() {
        assertNoInheritedJdkMethods(GuardedMaps.hashMap(new HashMap<>(), CacheBounds.NONE).getClass());
    }

    @Test
    void boundedGuardedHashMapOverridesEveryInheritedPublicMethod() {
        assertNoInheritedJdkMethods(GuardedMaps.hashMap(new HashMap<>(), UserBounds.parse("maximumSize=1")).getClass());
    }

    @Test
    void guardedLinkedHashMapOverridesEveryInheritedPublicMethodOfThisJdk() {
        assertNoInheritedJdkMethods(GuardedMaps.linkedHashMap(new LinkedHashMap<>()).getClass());
    }

    @Test
    void liveHashMapGuardOverridesEveryInheritedPublicMethod() {
        assertNoInheritedJdkMethods(GuardedLiveHashMap.class);
    }

    @Test
    void guardedWeakHashMapOverridesEveryInheritedPublicMethod() {
        assertNoInheritedJdkMethods(GuardedMaps.weakHashMap(new WeakHashMap<>()).getClass());
    }

    @Test
    void trackedHashMapOverridesEveryInheritedPublicMethod() {
        assertNoInheritedJdkMethods(TrackedHashMap.class);
    }

    /** On JDK 21+ the tracked LinkedHashMap Tracking makes must forward the SequencedMap methods too. */
    @Test
    void trackedLinkedHashMapOverridesEveryInheritedPublicMethod() {
        assertNoInheritedJdkMethods(Tracking.tracked(new LinkedHashMap<>(), new LinkedHashMap<>(), "Test.map", false)
                .getClass());
    }

    @Test
    void trackedWeakHashMapOverridesEveryInheritedPublicMethod() {
        assertNoInheritedJdkMethods(TrackedWeakHashMap.class);
    }

    @Test
    void onJdk21AndLaterTheGuardedLinkedHashMapIsASequencedMap() throws ClassNotFoundException {
        Class<?> sequencedMap = Runtime.version().feature() >= 21 ? Class.forName("java.util.SequencedMap") : null;
        Class<?> type = GuardedMaps.linkedHashMap(new LinkedHashMap<>()).getClass();
        if (sequencedMap == null) {
            assertEquals(GuardedLinkedHashMap.class, type);
        } else {
            assertTrue(sequencedMap.isAssignableFrom(type), type + " is no SequencedMap");
            assertTrue(Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals("putFirst")));
        }
    }

    private static void assertNoInheritedJdkMethods(Class<?> type) {
        List<String> inherited = Arrays.stream(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !isOurs(m.getDeclaringClass()))
                .filter(m -> !(m.getDeclaringClass() == Object.class && Modifier.isFinal(m.getModifiers())))
                .map(m -> m.getDeclaringClass().getName() + "." + m.getName()
                        + Arrays.toString(m.getParameterTypes()))
                .sorted()
                .collect(Collectors.toList());
        assertEquals(List.of(), inherited, "public methods of " + type.getName() + " that reach the JDK's empty table");
    }

    private static boolean isOurs(Class<?> declaring) {
        return declaring.getName().startsWith("io.cacheguard.agent.runtime.");
    }
}
