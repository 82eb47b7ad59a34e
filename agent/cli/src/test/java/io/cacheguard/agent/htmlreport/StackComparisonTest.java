package io.cacheguard.agent.htmlreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackComparisonTest {

    @Test
    void theCallersBothStacksEndWithAreSharedAndTheRestComparedRowByRow() {
        StackComparison stacks = StackComparison.of(
                List.of("Cache.get:47", "Sample.validate:136", "Sample.run:94", "Thread.run"),
                List.of("Cache.get:41", "Sample.expect:145", "Sample.validate:133", "Sample.run:94", "Thread.run"));
        assertEquals(List.of("Sample.run:94", "Thread.run"), stacks.sharedCallers());
        assertEquals(List.of(
                new StackComparison.Row("Cache.get:47", "Cache.get:41"),
                new StackComparison.Row("Sample.validate:136", "Sample.expect:145"),
                new StackComparison.Row(null, "Sample.validate:133")), stacks.rows());
        assertTrue(stacks.rows().get(2).differs(), "a frame only one side has differs");
    }

    @Test
    void identicalStacksStillShowTheirAccessFrame() {
        List<String> same = List.of("Cache.get:47", "Sample.validate:136", "Thread.run");
        StackComparison stacks = StackComparison.of(same, same);
        assertEquals(List.of(new StackComparison.Row("Cache.get:47", "Cache.get:47")), stacks.rows());
        assertFalse(stacks.rows().get(0).differs());
        assertEquals(List.of("Sample.validate:136", "Thread.run"), stacks.sharedCallers());
    }

    @Test
    void aSameFrameInTheMiddleIsNotMarked() {
        StackComparison stacks = StackComparison.of(List.of("a", "m", "x", "root"), List.of("b", "m", "y", "root"));
        assertEquals(List.of(true, false, true), stacks.rows().stream().map(StackComparison.Row::differs).toList());
    }

    @Test
    void aFrameBothStacksHoldAtDifferentDepthsStandsOnOneRowUnmarked() {
        // stacks cut at stackDepth=4: they end on different callers, and one has a call more above the shared frame
        StackComparison stacks = StackComparison.of(
                List.of("Cache.get:47", "Sample.validate:136", "Sample.runAll:94", "Sample.stage:110"),
                List.of("Cache.get:41", "Sample.expect:145", "Sample.validate:133", "Sample.runAll:94"));
        assertEquals(List.of(), stacks.sharedCallers());
        assertEquals(List.of(
                new StackComparison.Row("Cache.get:47", "Cache.get:41"),
                new StackComparison.Row("Sample.validate:136", "Sample.expect:145"),
                new StackComparison.Row(null, "Sample.validate:133"),
                new StackComparison.Row("Sample.runAll:94", "Sample.runAll:94"),
                new StackComparison.Row("Sample.stage:110", null)), stacks.rows());
        assertEquals(List.of(true, true, true, false, true), stacks.rows().stream().map(StackComparison.Row::differs).toList());
    }

    @Test
    void anEmptyStackSharesNothing() {
        StackComparison stacks = StackComparison.of(List.of(), List.of("Cache.get:41"));
        assertEquals(List.of(), stacks.sharedCallers());
        assertEquals(List.of(new StackComparison.Row(null, "Cache.get:41")), stacks.rows());
    }
}
