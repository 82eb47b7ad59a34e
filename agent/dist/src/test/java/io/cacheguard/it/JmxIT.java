package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import io.cacheguard.it.fixtures.BoundedCachesApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the agent's JMX beans, as JConsole and VisualVM reach them through the local attach,
 * and never an MBean server the agent made itself.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class JmxIT {
    @TempDir
    Path work;
    private static final String MEMO = "io.cacheguard.samples.serve.LiveMemo.MEMO";
    private static final String SESSIONS = "io.cacheguard.samples.serve.SessionCache.cache";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void theBeansAppearOnceAToolStartsTheLocalManagementAgentAndShowLiveRaceCounts() throws Exception {
        try (RunningJvm server = RunningJvm.start(line -> line.startsWith("SERVE "), "-javaagent:" + ChildJvm.agentJar() + "=detector=hb",
                "-jar", SamplesWithAgentIT.samplesJar().toString(), "--serve")) {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(server.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent(); // what JConsole does; the agent opened no port
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection jmx = connector.getMBeanServerConnection();
                ObjectName agent = new ObjectName("io.cacheguard:type=Agent");
                ObjectName memo = new ObjectName("io.cacheguard:type=Field,name=" + MEMO);
                long end = System.nanoTime() + DEADLINE.toNanos();
                // registered by the agent's own thread once the server exists; races come in as the server runs
                while (!registered(jmx, memo) || (Long) jmx.getAttribute(memo, "Races") == 0) {
                    assertTrue(System.nanoTime() < end, "no bean with races within " + DEADLINE + ": "
                            + jmx.queryNames(new ObjectName("io.cacheguard:*"), null) + "\n" + server.stderr());
                    Thread.sleep(100); // polling a remote state: nothing in this JVM to wait on
                }
                assertEquals("both", jmx.getAttribute(agent, "Mode"));
                assertEquals("hb", jmx.getAttribute(agent, "Detector"));
                assertEquals("javaagent", jmx.getAttribute(agent, "Start"));
                assertEquals("none", jmx.getAttribute(agent, "Report"));
                assertArrayEquals(new String[] {MEMO, SESSIONS}, (String[]) jmx.getAttribute(agent, "PatchedFields"));
                assertEquals("patched", jmx.getAttribute(memo, "Verdict"));
                assertEquals("load", jmx.getAttribute(memo, "PatchedAt"));
                assertEquals("", jmx.getAttribute(memo, "Bounds"));
                assertEquals(-1L, jmx.getAttribute(memo, "Evictions"), "no bounds: nothing counted");
                long races = (Long) jmx.getAttribute(memo, "Races");
                TabularData counts = (TabularData) jmx.getAttribute(agent, "RaceCounts");
                CompositeData memoCount = counts.get(new Object[] {MEMO});
                assertTrue((Long) memoCount.get("value") >= races, counts::toString);
                assertTrue((Long) jmx.getAttribute(agent, "DistinctRaces") > 0);
                assertTrue(registered(jmx, new ObjectName("io.cacheguard:type=Field,name=" + SESSIONS)));
            }
        }
    }

    @Test
    void aBoundedFieldsBeanShowsWhatItsMapsHoldEvictedAndExpired() throws Exception {
        Path config = work.resolve("cacheguard.properties");
        Files.writeString(config, BoundedCachesApp.boundsConfig());
        try (RunningJvm app = RunningJvm.start(line -> line.startsWith("READY "),
                "-javaagent:" + ChildJvm.agentJar() + "=config=" + config, "-cp", ChildJvm.testClasspath(),
                BoundedCachesApp.class.getName())) {
            assertEquals("READY sized=100 expiring.found=0 perOwner=10", app.seen().get(app.seen().size() - 1));
            VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection jmx = connector.getMBeanServerConnection();
                ObjectName sized = bounded("SIZED");
                ObjectName expiring = bounded("EXPIRING");
                ObjectName perOwner = bounded("perOwner");
                long end = System.nanoTime() + DEADLINE.toNanos();
                while (!registered(jmx, sized) || !registered(jmx, expiring) || !registered(jmx, perOwner)) {
                    assertTrue(System.nanoTime() < end, "no beans of the bounded fields within " + DEADLINE + ": "
                            + jmx.queryNames(new ObjectName("io.cacheguard:*"), null) + "\n" + app.stderr());
                    Thread.sleep(100); // polling a remote state: nothing in this JVM to wait on
                }
                // one thread filled them: 1,000 keys into 100, 50 read after they expired, 3 owners' 20 into 10
                assertEquals("maximumSize=100", jmx.getAttribute(sized, "Bounds"));
                assertEquals(List.of(100L, 900L, 0L), counts(jmx, sized));
                assertEquals("expireAfterWrite=1s", jmx.getAttribute(expiring, "Bounds"));
                assertEquals(List.of(0L, 0L, 50L), counts(jmx, expiring));
                assertEquals(List.of(30L, 30L, 0L), counts(jmx, perOwner), "summed over the owners' maps");
            }
        }
    }

    private static ObjectName bounded(String field) throws Exception {
        return new ObjectName("io.cacheguard:type=Field,name=" + BoundedCachesApp.class.getName() + "." + field);
    }

    /** Size, evictions, expiries. */
    private static List<Long> counts(MBeanServerConnection jmx, ObjectName field) throws Exception {
        return List.of((Long) jmx.getAttribute(field, "Size"), (Long) jmx.getAttribute(field, "Evictions"),
                (Long) jmx.getAttribute(field, "Expiries"));
    }

    @Test
    void theAgentAloneNeverMakesAnMBeanServerNorStartsJavaUtilLogging() throws Exception {
        ChildJvm.Result run = ChildJvm.run("-Xlog:class+load=info", "-javaagent:" + ChildJvm.agentJar(), "-jar",
                SamplesWithAgentIT.samplesJar().toString());

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("io.cacheguard.agent.jmx.PlatformServerWatch"), "the watch was not installed");
        assertFalse(run.stdout.contains("javax.management.MBeanServerBuilder"), "an MBean server was made");
        assertFalse(run.stdout.contains("java.util.logging.LogManager "), "java.util.logging was started");
    }

    private static boolean registered(MBeanServerConnection jmx, ObjectName name) throws Exception {
        try {
            jmx.getMBeanInfo(name);
            return true;
        } catch (InstanceNotFoundException e) {
            return false;
        }
    }
}
