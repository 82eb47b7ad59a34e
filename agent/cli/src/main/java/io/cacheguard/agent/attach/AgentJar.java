package io.cacheguard.agent.attach;

import io.cacheguard.agent.CacheguardAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The jar this command runs from, which is also the agent it loads into the target. */
final class AgentJar {
    private AgentJar() {
    }

    static String path() throws AttachFailure {
        try {
            Path location = Paths.get(CacheguardAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.toAbsolutePath().toString();
            }
        } catch (Exception e) {
            // fall through to the message
        }
        throw new AttachFailure(ExitCodes.USAGE, "attach needs the agent jar: run it as java -jar cacheguard-agent.jar attach <pid>");
    }
}
