package io.cacheguard.agent.analysis;

import java.util.List;

/**
 * One class file for the analysis, where the class files it refers to (nest members, map
 * subclasses) are read from, and the verdicts its fields must get.
 */
record Subject(String name, byte[] classFile, ClassBytesSource related, List<Expectation> expectations) {
}
