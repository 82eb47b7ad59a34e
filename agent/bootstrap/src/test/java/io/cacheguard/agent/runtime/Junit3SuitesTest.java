package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import junit.framework.AssertionFailedError;
import junit.framework.TestCase;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** The adapter must not turn a failing testlib case into a passing dynamic test, or the conformance suites prove nothing. */
class Junit3SuitesTest {
    public static final class Cases extends TestCase {
        public void testPasses() {
        }

        public void testFails() {
            fail("broken");
        }

        public void testThrows() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void everyCaseOfANestedSuiteBecomesOneDynamicTest() {
        TestSuite outer = new TestSuite("outer");
        outer.addTest(new TestSuite(Cases.class));

        List<DynamicNode> nodes = Junit3Suites.dynamicTests(outer).collect(Collectors.toList());

        DynamicContainer inner = (DynamicContainer) nodes.get(0);
        assertEquals(Set.of("testPasses", "testFails", "testThrows"),
                inner.getChildren().map(DynamicNode::getDisplayName).collect(Collectors.toSet()));
    }

    @Test
    void aPassingCasePasses() {
        assertDoesNotThrow(() -> dynamicTest("testPasses").getExecutable().execute());
    }

    @Test
    void aFailingCaseFailsWithItsAssertion() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> dynamicTest("testFails").getExecutable().execute());
        assertEquals("broken", failure.getMessage());
    }

    @Test
    void aCaseThatThrowsFailsWithItsException() {
        assertThrows(IllegalStateException.class, () -> dynamicTest("testThrows").getExecutable().execute());
    }

    private static DynamicTest dynamicTest(String name) {
        return (DynamicTest) Junit3Suites.dynamicTests(new TestSuite(Cases.class))
                .filter(node -> node.getDisplayName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
