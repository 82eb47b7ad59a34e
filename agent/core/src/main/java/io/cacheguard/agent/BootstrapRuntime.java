package io.cacheguard.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Defines the runtime package (wrappers, guards) in the bootstrap class loader, so that one copy of
 * it serves classes of every loader: a servlet container's isolated web-app loader as much as the
 * application loader. Only the runtime package goes there; the rest of the agent (and its shaded
 * Byte Buddy and ASM) stays in the application loader.
 *
 * <p>The classes are defined through {@code jdk.internal.misc.Unsafe}, which java.base exports, by
 * {@link Instrumentation#redefineModule}, to a one-class module of the agent's own and to nothing
 * else. If that fails, the runtime goes on the boot path the documented way, which costs a JVM
 * warning and class-data sharing.
 *
 * <p>This must happen before any agent code touches {@code io.cacheguard.agent.runtime}: a runtime class
 * loaded earlier through the application loader would be a second copy with its own static state.
 */
final class BootstrapRuntime {
    private static final String INJECTOR_MODULE = "io.cacheguard.agent.injector";
    private static final String INJECTOR_CLASS = "io/cacheguard/agent/injector/BootDefiner.class";

    private BootstrapRuntime() {
    }

    /** How the runtime got on the boot path, for the log; null when the agent runs from a directory. */
    static String install(Instrumentation instrumentation) throws IOException {
        Path agentJar = RuntimeJar.agentJar();
        if (agentJar == null) {
            return null;
        }
        Map<String, byte[]> runtime = new LinkedHashMap<>();
        byte[] injector;
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (RuntimeJar.isRuntimeEntry(entry.getName()) && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        runtime.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
            try (InputStream in = jar.getInputStream(jar.getEntry(INJECTOR_CLASS))) {
                injector = in.readAllBytes();
            }
        }
        try {
            defineInBootLoader(instrumentation, runtime, injector);
            return "defined in the bootstrap loader";
        } catch (Throwable t) {
            RuntimeJar.appendToBootstrap(instrumentation);
            return "appended to the boot class path (" + t + ")";
        }
    }

    private static void defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> runtime,
                                           byte[] injector) throws ReflectiveOperationException {
        Module module = injectorModule(injector);
        instrumentation.redefineModule(Object.class.getModule(), Set.of(),
                Map.of("jdk.internal.misc", Set.of(module)), Map.of(), Set.of(), Map.of());
        List<String> order = SupertypesFirst.order(runtime);
        String[] names = new String[order.size()];
        byte[][] classFiles = new byte[order.size()][];
        for (int i = 0; i < names.length; i++) {
            String entry = order.get(i);
            names[i] = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
            classFiles[i] = runtime.get(entry);
        }
        Class<?> definer = module.getClassLoader().loadClass("io.cacheguard.agent.injector.BootDefiner");
        String[] failures = (String[]) definer.getMethod("define", String[].class, byte[][].class)
                .invoke(null, names, classFiles);
        for (int i = 0; i < failures.length; i++) {
            // The JDK 21+ SequencedMap overrides cannot be defined on older JDKs, and are never used there.
            if (failures[i] != null && !(Runtime.version().feature() < 21 && names[i].contains("Sequenced"))) {
                throw new IllegalStateException("cannot define " + names[i] + ": " + failures[i]);
            }
        }
    }

    /** A module holding only the injector class, in a layer of its own. */
    private static Module injectorModule(byte[] injector) {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule(INJECTOR_MODULE)
                .packages(Set.of(INJECTOR_MODULE))
                .exports(INJECTOR_MODULE)
                .build();
        ModuleReference reference = new ModuleReference(descriptor, null) {
            @Override
            public ModuleReader open() {
                return new ModuleReader() {
                    @Override
                    public Optional<URI> find(String name) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<InputStream> open(String name) {
                        return INJECTOR_CLASS.equals(name)
                                ? Optional.of(new java.io.ByteArrayInputStream(injector)) : Optional.empty();
                    }

                    @Override
                    public Stream<String> list() {
                        return Stream.of(INJECTOR_CLASS);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return INJECTOR_MODULE.equals(name) ? Optional.of(reference) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(reference);
            }
        };
        ModuleLayer parent = ModuleLayer.boot();
        Configuration configuration = parent.configuration().resolve(finder, ModuleFinder.of(), Set.of(INJECTOR_MODULE));
        ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        return layer.findModule(INJECTOR_MODULE).orElseThrow();
    }
}
