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
 * {@link Instrumentation#redefineModule}, to a module of the agent's own holding two classes (the
 * {@code BootDefiner} and {@code JvmArguments}, the reader of the JVM's options) and to nothing else.
 * If that fails, the runtime goes on the boot path the documented way, which costs a JVM
 * warning and class-data sharing.
 *
 * <p>This must happen before any agent code touches {@code io.cacheguard.agent.runtime}: a runtime class
 * loaded earlier through the application loader would be a second copy with its own static state.
 */
final class BootstrapRuntime {
    private static final String INJECTOR_MODULE = "io.cacheguard.agent.injector";
    private static final String INJECTOR_CLASS = "io/cacheguard/agent/injector/BootDefiner.class";
    private static final String ARGUMENTS_CLASS = "io/cacheguard/agent/injector/JvmArguments.class";

    /** The injector's module once {@code jdk.internal.misc} is exported to it; null before, or if that failed. */
    private static volatile Module injector;

    private BootstrapRuntime() {
    }

    /** How the runtime got on the boot path, for the log; null when the agent runs from a directory. */
    static String install(Instrumentation instrumentation) throws IOException {
        Path agentJar = RuntimeJar.agentJar();
        if (agentJar == null) {
            return null;
        }
        Map<String, byte[]> runtime = new LinkedHashMap<>();
        Map<String, byte[]> injectorClasses = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (RuntimeJar.isRuntimeEntry(entry.getName()) && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        runtime.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
            for (String entry : List.of(INJECTOR_CLASS, ARGUMENTS_CLASS)) {
                try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
                    injectorClasses.put(entry, in.readAllBytes());
                }
            }
        }
        try {
            defineInBootLoader(instrumentation, runtime, injectorClasses);
            return "defined in the bootstrap loader";
        } catch (Throwable t) {
            RuntimeJar.appendToBootstrap(instrumentation);
            return "appended to the boot class path (" + t + ")";
        }
    }

    private static void defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> runtime,
                                           Map<String, byte[]> injectorClasses) throws ReflectiveOperationException {
        Module module = injectorModule(injectorClasses);
        instrumentation.redefineModule(Object.class.getModule(), Set.of(),
                Map.of("jdk.internal.misc", Set.of(module)), Map.of(), Set.of(), Map.of());
        injector = module;
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

    /**
     * The JVM's options, for telling other agents' jars apart. Through the injector's module when
     * there is one; otherwise (the agent runs from a directory, or the module could not be set up)
     * through the management API, which loads {@code java.util.logging.LogManager} but does not
     * initialise it. Empty if neither can say.
     */
    static List<String> jvmArguments() {
        try {
            Module module = injector;
            if (module != null) {
                Class<?> reader = module.getClassLoader().loadClass("io.cacheguard.agent.injector.JvmArguments");
                return List.of((String[]) reader.getMethod("read").invoke(null));
            }
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (Throwable t) { // a JDK without java.management, or one that changed its internals
            return List.of();
        }
    }

    /** A module holding only the injector's classes, in a layer of its own. */
    private static Module injectorModule(Map<String, byte[]> injectorClasses) {
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
                        byte[] classFile = injectorClasses.get(name);
                        return classFile != null
                                ? Optional.of(new java.io.ByteArrayInputStream(classFile)) : Optional.empty();
                    }

                    @Override
                    public Stream<String> list() {
                        return injectorClasses.keySet().stream();
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
