package io.cacheguard.bench.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The floor of the start-up benchmark: an agent whose transformer changes nothing. What the JVM
 * spends because some transformer is registered (every class's bytes handed to Java, and with
 * {@code canRetransform} a copy of them kept for later retransformation) is paid by any agent that
 * transforms at class load, cacheguard included. Argument {@code retransform} registers the
 * transformer as retransformation-capable, as cacheguard's is.
 */
public final class NoopTransformerAgent {
    private NoopTransformerAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                    byte[] bytes) {
                return null;
            }
        }, "retransform".equals(arguments));
    }

    /** A jar holding this agent alone, in a fresh temporary directory. */
    static Path writeJar() throws IOException {
        Path jar = Files.createTempDirectory("cacheguard-noop-agent").resolve("noop-agent.jar");
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(new Attributes.Name("Premain-Class"), NoopTransformerAgent.class.getName());
        attributes.put(new Attributes.Name("Can-Retransform-Classes"), "true");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : new Class<?>[] {NoopTransformerAgent.class, anonymousTransformer()}) {
                String resource = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(resource));
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Class<?> anonymousTransformer() {
        try {
            return Class.forName(NoopTransformerAgent.class.getName() + "$1");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the transformer class is missing from the benchmarks jar", e);
        }
    }
}
