package io.cacheguard.agent.jmx;

import io.cacheguard.agent.status.AgentState;
import io.cacheguard.agent.status.FieldState;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The agent's JMX beans in the platform MBean server, registered lazily: only once the host (or
 * a tool through the attach API: JConsole, VisualVM, {@code jcmd ManagementAgent.start_local}) has
 * created that server. Creating it ourselves at start-up would initialise {@code java.util.logging}
 * before an application server installs its own LogManager (WildFly, JBoss) and let a server that
 * wants its own MBeanServerBuilder (WebLogic) find the platform one already made. No port is
 * opened: the beans are reachable only the ways the JVM already offers.
 */
public final class AgentBeans {
    /** Loaded by the JDK only to build an MBean server: the sign that one is being made. */
    static final String BUILDER = "javax.management.MBeanServerBuilder";
    public static final String AGENT_NAME = "io.cacheguard:type=Agent";
    public static final String FIELD_NAME_PREFIX = "io.cacheguard:type=Field,name=";

    private final Supplier<AgentState> state;
    private final Consumer<String> errors;
    private final Set<String> registeredFields = ConcurrentHashMap.newKeySet();
    private volatile MBeanServer server;
    private volatile boolean requested;

    /**
     * @param state  the agent's state at the moment a bean is read
     * @param errors where a failed registration is told (the log's error line)
     */
    public AgentBeans(Supplier<AgentState> state, Consumer<String> errors) {
        this.state = state;
        this.errors = errors;
    }

    /** Registers the beans now if an MBean server was made before the agent started, else once one is. */
    public void registerWhenServerExists(Instrumentation instrumentation) {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getName().equals(BUILDER)) {
                registerSoon();
                return;
            }
        }
        instrumentation.addTransformer(new PlatformServerWatch(this, instrumentation));
    }

    /**
     * On a thread of our own: the thread that loads the builder is inside
     * {@code ManagementFactory.getPlatformMBeanServer()}, holding its lock; ours waits there for it.
     */
    void registerSoon() {
        if (requested) {
            return;
        }
        requested = true;
        Thread registrar = new Thread(this::register, "cacheguard-jmx");
        registrar.setDaemon(true);
        registrar.start();
    }

    private void register() {
        try {
            MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
            platform.registerMBean(new StandardMBean(new AgentBean(state), AgentMXBean.class, true),
                    new ObjectName(AGENT_NAME));
            server = platform;
            refresh(state.get());
        } catch (JMException | RuntimeException | Error e) {
            errors.accept("cannot register the JMX beans (" + e + "); status, the report and JFR still work");
        }
    }

    /** Adds a bean for each patched or tracked field that has none yet; nothing before registration. */
    public void refresh(AgentState now) {
        MBeanServer platform = server;
        if (platform == null) {
            return;
        }
        for (FieldState field : now.fields()) {
            if ((field.verdict().equals("patched") || field.verdict().equals("tracked"))
                    && registeredFields.add(field.field())) {
                try {
                    platform.registerMBean(new StandardMBean(new FieldBean(field.field(), state), FieldMXBean.class,
                            true), fieldName(field.field()));
                } catch (JMException | RuntimeException e) {
                    errors.accept("cannot register the JMX bean of " + field.field() + " (" + e + ")");
                }
            }
        }
    }

    /** A field name quoted only if JMX needs it: Java names never do, other JVM languages' may. */
    static ObjectName fieldName(String field) throws JMException {
        boolean plain = field.chars().noneMatch(c -> ",=:\"*?\\\n".indexOf(c) >= 0);
        return new ObjectName(FIELD_NAME_PREFIX + (plain ? field : ObjectName.quote(field)));
    }
}
