package io.cacheguard.agent.attach;

import java.io.File;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Attach without {@code jdk.attach} (a JRE or a jlink image without it), through byte-buddy-agent's
 * attachment providers. On HotSpot those need either jdk.attach or JNA, which the agent does not
 * ship, so the usual answer is a message naming a Java that can attach.
 */
final class ByteBuddyAttacher implements Attacher {
    @Override
    public String cacheguardStatus(TargetJvm target, String agentJar) {
        return null; // no way to read the target's properties; the agent itself checks the version
    }

    @Override
    public java.util.Map<String, String> properties(TargetJvm target, String agentJar, String... names) {
        return null; // as for the status: no way to read the target's properties
    }

    @Override
    public void loadAgent(TargetJvm target, String agentJar, String argument, StatusCheck beforeLoading)
            throws AttachFailure {
        beforeLoading.check(null); // unknown here; the agent itself refuses a command of another version
        try {
            ByteBuddyAgent.attach(new File(agentJar), Long.toString(target.pid), argument,
                    ByteBuddyAgent.AttachmentProvider.DEFAULT);
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).contains("No compatible attachment provider")) {
                throw new AttachFailure(ExitCodes.ATTACH_REFUSED, "JVM " + target.pid + " did not load the agent ("
                        + e.getMessage() + ")");
            }
            String home = target.javaHome();
            throw new AttachFailure(ExitCodes.NO_ATTACH_SUPPORT, "this Java (" + System.getProperty("java.home")
                    + ") has no jdk.attach module and cannot attach (" + e.getMessage() + "); run the command with a"
                    + " full JDK's java" + (home == null ? "" : ", e.g. the target's own: " + home + "/bin/java -jar "
                    + agentJar + " attach " + target.pid));
        } catch (RuntimeException e) {
            throw new AttachFailure(ExitCodes.ATTACH_REFUSED, "JVM " + target.pid + " did not load the agent (" + e + ")");
        }
    }
}
