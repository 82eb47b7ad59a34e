package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class files older than Java 5 (45 to 48) as released jars still ship them, rewritten by the real
 * agent and verified by the JVM. Regression: maven-core 2.0.9's {@code ExpressionDocumenter} (class
 * file 48) lazily initialises a static {@code HashMap}; the rewrite gave that store a class constant,
 * illegal before 49, and the host died with {@code VerifyError} on the class's first use.
 */
class OldClassFilesIT {
    private static final String EXPRESSION_DOCUMENTER = "org.apache.maven.usability.plugin.ExpressionDocumenter";

    @TempDir
    Path reports;

    @Test
    void mavenCore209LazyStaticMapIsPatchedAndTheClassStillVerifies() throws Exception {
        Path report = reports.resolve("report.jsonl");
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=all=true,report=" + report,
                "-cp", String.join(File.pathSeparator, ChildJvm.testClasspath(), jarOf(EXPRESSION_DOCUMENTER),
                        jarOf("org.apache.maven.usability.plugin.io.xpp3.ParamdocXpp3Reader"),
                        jarOf("org.codehaus.plexus.util.IOUtil")),
                "io.cacheguard.it.fixtures.LoadClassesApp", EXPRESSION_DOCUMENTER + "#load");
        assertEquals(0, result.exitCode, result::toString);
        assertFalse(result.stderr.contains("VerifyError"), result::toString);
        // load() ran its lazy initialisation, now a compare-and-set, and filled the map from its XML
        assertTrue(result.stdout.matches("(?s).*#load\\(\\) answered [1-9][0-9]* entries.*"), result::toString);
        assertTrue(ReportFile.read(report).patchedFields().contains(EXPRESSION_DOCUMENTER + ".expressionDocumentation"),
                result::toString);
    }

    /** The jar on the test's class path that holds a class, without loading the class here. */
    private static String jarOf(String className) throws Exception {
        String resource = className.replace('.', '/') + ".class";
        String url = OldClassFilesIT.class.getClassLoader().getResource(resource).toString();
        return Paths.get(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/")))).toString();
    }
}
