package io.cacheguard.it.junit5;

import static io.cacheguard.it.junit5.ProjectRun.DEFAULTS;
import static io.cacheguard.it.junit5.ProjectRun.NO_AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.it.junit5.ProjectRun.JUnit;
import io.cacheguard.it.junit5.ProjectRun.Outcome;
import io.cacheguard.it.junit5.project.AgentOptionalCases;
import io.cacheguard.it.junit5.project.AnnotatedCases;
import io.cacheguard.it.junit5.project.BeforeEachRaceCases;
import io.cacheguard.it.junit5.project.ExtendWithCases;
import io.cacheguard.it.junit5.project.ParallelCases;
import io.cacheguard.it.junit5.project.PlainCases;
import io.cacheguard.it.junit5.project.RacyCache;
import io.cacheguard.it.junit5.project.SuppressedCases;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JUnit extension in a user's test project ({@code project}), run in child JVMs with the real
 * agent jar on the oldest JUnit the extension supports (5.10) and on the newest: the test that
 * hammers a racy cache fails with the race report, both stacks in it, and the one with a correctly
 * synchronized cache passes, however the extension is added; without the agent the class fails once
 * with how to add it.
 */
class JUnitExtensionIT {
    private static final String AUTODETECT = "junit.jupiter.extensions.autodetection.enabled=true";
    private static final String RACY_FIELD = RacyCache.class.getName() + ".CACHE";

    @Test
    void cacheguardTestFailsTheRacyTestWithBothStacksAndPassesTheSynchronizedOne() throws Exception {
        ProjectRun run = ProjectRun.run(JUnit.FLOOR, DEFAULTS, List.of(), AnnotatedCases.class);
        assertFailsWithTheRace(run, "AnnotatedCases.racyCache");
        assertPasses(run, "AnnotatedCases.synchronizedCache");
    }

    @Test
    void extendWithDoesTheSameOnTheNewestJUnit() throws Exception {
        ProjectRun run = ProjectRun.run(JUnit.CURRENT, DEFAULTS, List.of(), ExtendWithCases.class);
        assertFailsWithTheRace(run, "ExtendWithCases.racyCache");
        assertPasses(run, "ExtendWithCases.synchronizedCache");
    }

    @Test
    void autoDetectionDoesTheSameWithNoAnnotation() throws Exception {
        ProjectRun run = ProjectRun.run(JUnit.FLOOR, DEFAULTS, List.of(AUTODETECT), PlainCases.class);
        assertFailsWithTheRace(run, "PlainCases.racyCache");
        assertPasses(run, "PlainCases.synchronizedCache");
    }

    /** The control for the one above: the same tests, the agent on, the extension not: nothing fails. */
    @Test
    void withoutTheExtensionTheRacyTestPasses() throws Exception {
        ProjectRun run = ProjectRun.run(JUnit.FLOOR, DEFAULTS, List.of(), PlainCases.class);
        assertPasses(run, "PlainCases.racyCache");
        assertPasses(run, "PlainCases.synchronizedCache");
        assertTrue(run.result.stderr.contains("[cacheguard] RACE "), "the agent saw the race all the same\n" + run.result);
    }

    /**
     * Both racy tests race on the same field. The default detector samples a field less once it
     * has found races there, so the second test might catch none; the happens-before detector
     * reports every unordered pair, so the verdict here is about the options, never about luck.
     */
    @Test
    void suppressKeepsAFieldFromFailingATestAndAMethodsAnnotationOverridesItsClasss() throws Exception {
        ProjectRun run = ProjectRun.run(JUnit.FLOOR, "detector=hb", List.of(), SuppressedCases.class);
        assertPasses(run, "SuppressedCases.racyCache");
        assertPasses(run, "SuppressedCases.synchronizedCache");
        Outcome unsuppressed = run.outcome("SuppressedCases.racyCacheUnsuppressed");
        assertEquals("FAILED", unsuppressed.status(), run.result::toString);
        assertTrue(unsuppressed.message().startsWith("java.lang.AssertionError: cacheguard: "), unsuppressed.message());
        assertTrue(unsuppressed.message().contains(RACY_FIELD), unsuppressed.message());
    }

    @Test
    void aRaceInBeforeEachFailsTheTest() throws Exception {
        ProjectRun run = ProjectRun.run(JUnit.FLOOR, DEFAULTS, List.of(), BeforeEachRaceCases.class);
        assertFailsWithTheRace(run, "BeforeEachRaceCases.emptyTest");
    }

    @Test
    void inParallelTheRaceLandsOnTheRacyTestOnly() throws Exception {
        ProjectRun run = ProjectRun.run(JUnit.FLOOR, DEFAULTS, List.of(AUTODETECT,
                "junit.jupiter.execution.parallel.enabled=true",
                "junit.jupiter.execution.parallel.mode.default=concurrent",
                "junit.jupiter.execution.parallel.config.strategy=fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism=2"), ParallelCases.class);
        assertFailsWithTheRace(run, "ParallelCases.racyCache");
        assertPasses(run, "ParallelCases.synchronizedCache");
    }

    @Test
    void withoutTheAgentTheClassFailsOnceWithHowToAddItUnlessTheAgentIsOptional() throws Exception {
        ProjectRun run = ProjectRun.run(JUnit.FLOOR, NO_AGENT, List.of(AUTODETECT), PlainCases.class,
                AgentOptionalCases.class);
        Outcome plain = run.outcome("PlainCases");
        assertEquals("FAILED", plain.status(), run.result::toString);
        assertTrue(plain.message().contains("the cacheguard agent is not on this JVM"), plain.message());
        assertTrue(plain.message().contains("<argLine>-javaagent:"), plain.message());
        assertTrue(plain.message().contains("requireAgent = false"), plain.message());
        assertFalse(run.outcomes.containsKey("PlainCases.racyCache"), "no test of the class runs");
        assertEquals(1, run.failures(), run.result::toString);
        assertPasses(run, "AgentOptionalCases.racyCache");
        assertPasses(run, "AgentOptionalCases.synchronizedCache");
    }

    private static void assertPasses(ProjectRun run, String test) {
        assertEquals("SUCCESSFUL", run.outcome(test).status(), () -> test + "\n" + run.result);
    }

    /**
     * Failed with an AssertionError whose message is the race as the log shows it: the field, its
     * kind, and two accesses each with its thread and its stack down into the test's code.
     */
    private static void assertFailsWithTheRace(ProjectRun run, String test) {
        Outcome outcome = run.outcome(test);
        String message = outcome.message();
        assertEquals("FAILED", outcome.status(), () -> test + "\n" + run.result);
        assertTrue(message.startsWith("java.lang.AssertionError: cacheguard: "), message);
        Matcher headline = Pattern.compile("RACE (write-write|read-write) on " + Pattern.quote(RACY_FIELD) + " .*")
                .matcher(message);
        assertTrue(headline.find(), message);
        assertTrue(run.result.stderr.contains("[cacheguard] " + headline.group()),
                "the headline is the log's:\n" + headline.group() + "\n" + run.result.stderr);
        assertTrue(count(message, "\n  races with earlier ") >= 1, message);
        assertTrue(count(message, " in thread \"hammer-") >= 2, message);
        assertTrue(count(message, "at " + RacyCache.class.getName() + ".lookup(RacyCache.java:") >= 2,
                "both stacks reach the cache: " + message);
        assertTrue(count(message, "at io.cacheguard.it.junit5.project.Hammer.") >= 2, "and the test's code: " + message);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
