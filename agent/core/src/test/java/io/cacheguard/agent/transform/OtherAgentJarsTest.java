package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jars are other agents', as the JVM's {@code -javaagent} options name them, and which classes come from one. */
class OtherAgentJarsTest {
    private static final Path WORKING_DIR = Paths.get("/srv/app");

    @Test
    void theJarEndsAtTheFirstEqualsSignAndARelativePathIsTheWorkingDirectorys() {
        OtherAgentJars agents = OtherAgentJars.of(List.of("-Xmx1g", "-javaagent:lib/../agents/otel.jar=a=b,c",
                "-javaagent:/opt/jacoco/jacocoagent.jar", "-agentpath:/opt/native.so", "-Dx=-javaagent:/not/this.jar"),
                WORKING_DIR, null);
        assertEquals(Set.of(Paths.get("/srv/app/agents/otel.jar"), Paths.get("/opt/jacoco/jacocoagent.jar")),
                agents.jars());
    }

    @Test
    void noOtherAgentIsNone() {
        assertSame(OtherAgentJars.NONE, OtherAgentJars.of(List.of("-Xmx1g"), WORKING_DIR, null));
        assertFalse(OtherAgentJars.NONE.defines(domain("file:/srv/app/agents/otel.jar")));
    }

    @Test
    void ourOwnJarIsNotAnotherAgents() {
        OtherAgentJars agents = OtherAgentJars.of(List.of("-javaagent:cacheguard-agent.jar=mode=both"), WORKING_DIR,
                Paths.get("/srv/app/cacheguard-agent.jar"));
        assertSame(OtherAgentJars.NONE, agents);
    }

    @Test
    void aClassIsAnotherAgentsByItsCodeSource() {
        OtherAgentJars agents = OtherAgentJars.of(List.of("-javaagent:agents/otel agent.jar"), WORKING_DIR, null);
        assertTrue(agents.defines(domain("file:/srv/app/agents/otel%20agent.jar")));
        assertTrue(agents.defines(domain("file:/srv/app/agents/otel agent.jar")), "a URL built from a raw path");
        assertTrue(agents.defines(domain("jar:file:/srv/app/agents/otel%20agent.jar!/inst/")));
        assertTrue(agents.defines(domain("file:/srv/app/lib/../agents/otel%20agent.jar")));
        assertFalse(agents.defines(domain("file:/srv/app/app.jar")));
        assertFalse(agents.defines(domain("http://example.invalid/agents/otel%20agent.jar")));
        assertFalse(agents.defines(new ProtectionDomain(null, null)));
        assertFalse(agents.defines(null));
    }

    @Test
    void aLinkToTheAgentJarIsTheAgentJar(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("otel.jar"));
        Path link = Files.createSymbolicLink(dir.resolve("current.jar"), jar);
        OtherAgentJars agents = OtherAgentJars.of(List.of("-javaagent:" + link), WORKING_DIR, null);
        assertTrue(agents.defines(domain(jar.toUri().toString())));
        assertTrue(agents.defines(domain(link.toUri().toString())));
    }

    @Test
    void theAnswerIsKeptPerProtectionDomain() {
        OtherAgentJars agents = OtherAgentJars.of(List.of("-javaagent:/opt/otel.jar"), WORKING_DIR, null);
        ProtectionDomain domain = domain("file:/opt/otel.jar");
        assertTrue(agents.defines(domain));
        assertTrue(agents.defines(domain));
    }

    private static ProtectionDomain domain(String location) {
        try {
            return new ProtectionDomain(new CodeSource(new URL(location), (Certificate[]) null), null);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
