package io.cacheguard.junit5;

/** What a test class without the agent fails with: how to add it, in the build the user has. */
final class MissingAgent {
    private MissingAgent() {
    }

    static String message(AgentProbe.State state) {
        String what = state == AgentProbe.State.NOT_DETECTING
                ? "the cacheguard agent runs on this JVM but does not detect races (mode=patch or detector=off):"
                  + " use mode=both (the default) or mode=detect, with a detector."
                : "the cacheguard agent is not on this JVM, so no race can fail a test.";
        return "cacheguard: " + what + " Add it to the test JVM, Maven Surefire/Failsafe:\n"
                + "  <configuration>\n"
                + "    <argLine>-javaagent:${project.basedir}/tools/cacheguard-agent.jar</argLine>\n"
                + "  </configuration>\n"
                + "Gradle:\n"
                + "  tasks.withType(Test).configureEach { jvmArgs \"-javaagent:${rootDir}/tools/cacheguard-agent.jar\" }\n"
                + "(the agent jar is agent/target/cacheguard-agent.jar of a cacheguard build). "
                + "To run these tests without it, use @CacheguardTest(requireAgent = false).";
    }
}
