package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Collections;
import java.util.stream.Stream;
import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestFailure;
import junit.framework.TestResult;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicNode;

/**
 * Runs Guava testlib's generated JUnit 3 suites as Jupiter dynamic tests, so the conformance suites
 * need no second test engine: each suite becomes a container and each test case one dynamic test
 * that fails with the case's own failure or error.
 */
final class Junit3Suites {
    private Junit3Suites() {
    }

    static Stream<DynamicNode> dynamicTests(TestSuite suite) {
        return Collections.list(suite.tests()).stream().map(Junit3Suites::node);
    }

    private static DynamicNode node(Test test) {
        if (test instanceof TestSuite) {
            TestSuite suite = (TestSuite) test;
            return dynamicContainer(String.valueOf(suite.getName()), dynamicTests(suite));
        }
        if (test instanceof TestCase) {
            return dynamicTest(((TestCase) test).getName(), () -> run(test));
        }
        return dynamicTest(test.toString(), () -> run(test));
    }

    private static void run(Test test) throws Throwable {
        TestResult result = new TestResult();
        test.run(result);
        for (TestFailure failure : Collections.list(result.errors())) {
            throw failure.thrownException();
        }
        for (TestFailure failure : Collections.list(result.failures())) {
            throw failure.thrownException();
        }
    }
}
