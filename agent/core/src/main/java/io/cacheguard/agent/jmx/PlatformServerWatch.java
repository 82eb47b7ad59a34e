package io.cacheguard.agent.jmx;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * Watches class loading for the JDK's MBean server builder, which is loaded only to make a server,
 * and then has the beans registered; it removes itself, so until then it costs one string
 * comparison per class loaded and nothing afterwards. It never changes a class.
 */
final class PlatformServerWatch implements ClassFileTransformer {
    private static final String BUILDER_INTERNAL = AgentBeans.BUILDER.replace('.', '/');

    private final AgentBeans beans;
    private final Instrumentation instrumentation;

    PlatformServerWatch(AgentBeans beans, Instrumentation instrumentation) {
        this.beans = beans;
        this.instrumentation = instrumentation;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null && BUILDER_INTERNAL.equals(className)) {
            try {
                instrumentation.removeTransformer(this);
                beans.registerSoon();
            } catch (RuntimeException | Error e) {
                // never into the class loading that called us; the beans are then simply missing
            }
        }
        return null;
    }
}
