package io.cacheguard.agent;

import io.cacheguard.agent.report.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;

/**
 * Puts the runtime package (wrappers, guards) on the bootstrap class path, so that one copy of it
 * serves classes of every loader: a servlet container's isolated web-app loader as much as the
 * application loader. Only the runtime package goes there, as a small jar extracted from the agent
 * jar; the rest of the agent (and its shaded Byte Buddy and ASM) stays in the application loader.
 *
 * <p>This must happen before any agent code touches {@code io.cacheguard.agent.runtime}: a runtime class
 * loaded earlier through the application loader would be a second copy with its own static state.
 */
final class RuntimeJar {
    /**
     * What goes to the bootstrap loader: everything under the agent's {@code runtime} package, which
     * agent/bootstrap and detector alone define, compiled against java.base only.
     */
    private static final String BOOTSTRAP_PACKAGE = RuntimeJar.class.getPackageName().replace('.', '/') + "/runtime/";

    private RuntimeJar() {
    }

    /** Whether a jar entry belongs to the packages defined in the bootstrap loader. */
    static boolean isRuntimeEntry(String name) {
        return name.startsWith(BOOTSTRAP_PACKAGE);
    }

    /** The jar the agent runs from, or null when it runs from a class directory (tests, IDEs). */
    static Path agentJar() {
        try {
            Path location = Paths.get(CacheguardAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** @return the jar appended, or null when there is no agent jar (the runtime is then on the class path) */
    static Path appendToBootstrap(Instrumentation instrumentation) throws IOException {
        Path agentJar = agentJar();
        if (agentJar == null) {
            return null;
        }
        Path runtimeJar = extract(agentJar);
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(runtimeJar.toFile()));
        return runtimeJar;
    }

    /**
     * Writes the runtime classes to a jar in the temporary directory, named by their checksum so
     * JVMs that start together share one file and a new agent version never reuses an old one. A
     * file of that name is reused only if it is a private file of this user's (not a link, not
     * writable by others): it will be on the bootstrap class path of a JVM that may run as root.
     */
    private static Path extract(Path agentJar) throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            CRC32 checksum = new CRC32();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (isRuntimeEntry(entry.getName())) {
                    checksum.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    checksum.update(Long.toString(entry.getCrc()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            Path target = Paths.get(System.getProperty("java.io.tmpdir"),
                    "cacheguard-runtime-" + Long.toHexString(checksum.getValue()) + ".jar");
            // The jar goes onto the bootstrap class path, so only a file this user wrote may be
            // reused: in a shared /tmp anyone can create a file of that name first.
            if (OutputFile.isPrivateFileOfOurOwn(target)) {
                return target;
            }
            Path partial = Files.createTempFile(target.getParent(), "cacheguard-runtime-", ".partial");
            try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file)) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (isRuntimeEntry(entry.getName()) && !entry.isDirectory()) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        try (InputStream in = jar.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!OutputFile.isPrivateFileOfOurOwn(target)) {
                    return partial; // someone else's file holds the name: use our own copy, under its own name
                }
                Files.deleteIfExists(partial); // another JVM of ours wrote the same file first
            }
            return OutputFile.isPrivateFileOfOurOwn(target) ? target : partial;
        }
    }
}
