package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import java.time.Duration;
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

/**
 * Issue 16: the agent's JMX beans, as JConsole and VisualVM reach them through the local attach,
 * and never an MBean server the agent made itself.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class JmxIT {
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
