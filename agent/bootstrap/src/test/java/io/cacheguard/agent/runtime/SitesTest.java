package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cacheguard.agent.runtime.detector.Site;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stack a report shows: the application's frames only, cut at the configured depth. This test
 * lives in cacheguard's own package, so its own frames count as cacheguard's and are left out:
 * what remains starts at the test framework that called it.
 */
class SitesTest {
    @AfterEach
    void restoreDefaultDepth() {
        Sites.configure(16);
    }

    @Test
    void leavesOutCacheguardsOwnFramesAndCutsAtTheConfiguredDepth() {
        Sites.configure(3);
        StackTraceElement[] stack = nested(20);
        assertEquals(3, stack.length, "cut at stackDepth");
        for (StackTraceElement frame : stack) {
            assertFalse(frame.getClassName().startsWith("io.cacheguard.agent.runtime."), frame + " is cacheguard's own");
        }
        assertEquals(outsideCacheguard().subList(0, 3), List.of(stack), "the callers outside cacheguard, nearest first");
    }

    @Test
    void aStackShorterThanTheDepthIsWholeAndDepthZeroIsEmpty() {
        Sites.configure(10_000);
        assertEquals(outsideCacheguard(), List.of(Sites.stack()), "every frame outside cacheguard, no padding");
        Sites.configure(0);
        assertEquals(0, Sites.stack().length);
    }

    @Test
    void equalSitesOfOneThreadAreOneObject() {
        Site first = null;
        for (int i = 0; i < 2; i++) {
            Site site = Sites.capture("get"); // the same line twice
            if (first == null) {
                first = site;
            } else {
                assertSame(first, site, "interned");
            }
        }
    }

    /** The frames a report should show here, as the JDK's stack walker lists them (reflection frames hidden). */
    private static List<StackTraceElement> outsideCacheguard() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().startsWith("io.cacheguard.agent.runtime."))
                .map(StackWalker.StackFrame::toStackTraceElement)
                .collect(Collectors.toList()));
    }

    private static StackTraceElement[] nested(int calls) {
        return calls == 0 ? Sites.stack() : nested(calls - 1);
    }
}
