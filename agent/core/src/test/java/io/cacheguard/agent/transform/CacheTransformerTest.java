package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.OptionsParser;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The transformer never throws into the class loader: a class it cannot read is loaded unchanged and reported. */
class CacheTransformerTest {
    private final List<String> failures = new ArrayList<>();

    private final CacheTransformer.Events events = new CacheTransformer.Events() {
        @Override
        public void transformed(String className) {
        }

        @Override
        public void transformFailed(String className, Throwable error) {
            failures.add(className + ": " + error);
        }

        @Override
        public void decided(ClassLoader loader, String className, List<FieldReport> reports) {
        }
    };

    private CacheTransformer transformer() throws Exception {
        AgentOptions options = OptionsParser.parse("mode=patch", new Properties());
        return new CacheTransformer(options, options.selector(), events);
    }

    private CacheTransformer transformer(String arguments, OtherAgentJars otherAgents) throws Exception {
        AgentOptions options = OptionsParser.parse(arguments, new Properties());
        return new CacheTransformer(options, options.selector(), events, new SubclassGuards(className -> false),
                otherAgents);
    }

    @Test
    void garbageBytesOfACacheClassAreLeftAloneAndReported() throws Exception {
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 5, 1, 2, 3};
        assertNull(transformer().transform(getClass().getClassLoader(), "com/acme/BrokenCache", null, null, garbage));
        assertEquals(1, failures.size(), failures::toString);
        assertTrue(failures.get(0).startsWith("com.acme.BrokenCache: "), failures::toString);
    }

    @Test
    void classesOfTheJdkAndTheAgentAreNeverTouched() throws Exception {
        byte[] garbage = {1, 2, 3};
        ClassLoader application = getClass().getClassLoader();
        assertNull(transformer().transform(application, "java/util/Cache", null, null, garbage));
        assertNull(transformer().transform(application, "io/cacheguard/agent/runtime/GuardedHashMap", null, null,
                garbage));
        // the JDK's own loaders: whatever the package, nothing is read (garbage would be reported)
        assertNull(transformer().transform(null, "javax/management/LegacyCache", null, null, garbage));
        assertNull(transformer().transform(ClassLoader.getPlatformClassLoader(), "com/sun/rowset/LegacyCache", null,
                null, garbage));
        assertEquals(List.of(), failures);
    }

    /**
     * A JDK class is offered to the transformer while some thread links the JVM's first VarHandle
     * operation (it loads {@code VarHandle$AccessDescriptor}): any VarHandle operation in the
     * transformer then fails with a ClassCircularityError that the JVM keeps for every later VarHandle
     * use, the host's included (seen with the watch's warm-up thread). A LongAdder is such an
     * operation, so the JDK's classes leave before the LongAdder counters and are counted apart.
     */
    @Test
    void classesOfTheJdkLeaveBeforeAnyCounterThatUsesAVarHandle() throws Exception {
        CacheTransformer transformer = transformer();
        assertNull(transformer.transform(null, "java/lang/invoke/VarHandle$AccessDescriptor", null, null,
                new byte[] {1, 2, 3}));
        TransformStats stats = transformer.stats();
        assertEquals(0, stats.classesSeen.sum(), "no LongAdder touched");
        assertEquals(0, stats.transformNanos.sum(), "no LongAdder touched");
        assertEquals(1, stats.classesSeen(), "still counted as seen");
    }

    /** Issue 18: a class defined from a jar named by another {@code -javaagent} is that agent's business. */
    @Test
    void classesOfAnotherAgentsJarAreNotReadUnlessIncludesNamesThem() throws Exception {
        Path otherAgent = Paths.get("/opt/otel/opentelemetry-javaagent.jar");
        OtherAgentJars agents = OtherAgentJars.of(List.of("-javaagent:" + otherAgent), Paths.get("/"), null);
        ProtectionDomain fromTheAgent = new ProtectionDomain(
                new CodeSource(otherAgent.toUri().toURL(), (Certificate[]) null), null);
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 5, 1, 2, 3};
        ClassLoader loader = getClass().getClassLoader();
        String name = "net/bytebuddy/implementation/Implementation$Context$Default";

        assertNull(transformer("mode=patch", agents).transform(loader, name, null, fromTheAgent, garbage));
        assertEquals(List.of(), failures, "nothing of the other agent's class is read");

        assertNull(transformer("mode=patch,includes=net.bytebuddy.*", agents)
                .transform(loader, name, null, fromTheAgent, garbage));
        assertEquals(1, failures.size(), "named by includes, it is read (and its garbage reported)");
    }

    @Test
    void aClassWithoutMapFieldsIsNotRewritten() throws Exception {
        byte[] plain;
        try (var in = CacheTransformerTest.class.getResourceAsStream("CacheTransformerTest.class")) {
            plain = in.readAllBytes();
        }
        assertNull(transformer().transform(getClass().getClassLoader(), "com/acme/PlainCache", null, null, plain));
        assertEquals(List.of(), failures);
    }
}
