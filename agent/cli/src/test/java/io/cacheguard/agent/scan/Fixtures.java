package io.cacheguard.agent.scan;

import io.cacheguard.agent.scan.fixtures.RacyCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The compiled fixture classes, renamed from {@code io.cacheguard.agent.scan.fixtures} to {@code com.acme}
 * (cacheguard never analyses its own packages), as jar entries: {@code com/acme/RacyCache.class}.
 */
final class Fixtures {
    static final String PACKAGE = "com/acme/";
    private static final String COMPILED = "io/cacheguard/agent/scan/fixtures/";

    private Fixtures() {
    }

    /**
     * Entry name to class file bytes, for every fixture class: from the test classes folder, or from
     * this module's test jar when another module's test (ScanCommandIT, in dist) uses them.
     */
    static Map<String, byte[]> all() {
        Path location = testClasses();
        try {
            if (Files.isDirectory(location)) {
                return fixturesIn(location.resolve(COMPILED));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return fixturesIn(jar.getPath(COMPILED));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> fixturesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> classes = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.class"))
                    .collect(Collectors.toList());
            Map<String, byte[]> entries = new TreeMap<>();
            for (Path file : classes) {
                String name = file.getFileName().toString();
                entries.put(PACKAGE + name, renamed(Files.readAllBytes(file), PACKAGE));
            }
            return entries;
        }
    }

    /** The fixtures of these simple names, with their nested classes. */
    static Map<String, byte[]> only(String... simpleNames) {
        Map<String, byte[]> chosen = new TreeMap<>();
        all().forEach((entry, bytes) -> {
            String simple = entry.substring(PACKAGE.length());
            for (String name : simpleNames) {
                if (simple.equals(name + ".class") || simple.startsWith(name + "$")) {
                    chosen.put(entry, bytes);
                }
            }
        });
        return chosen;
    }

    /** One fixture's class file bytes, renamed into another package (internal form, ending in '/'). */
    static byte[] renamedInto(String simpleName, String targetPackage) {
        try {
            return renamed(Files.readAllBytes(testClasses().resolve(COMPILED + simpleName + ".class")), targetPackage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source line that holds this text in a fixture's source, 1-based. */
    static int lineOf(String simpleName, String text) {
        Path source = Paths.get("src/test/java", COMPILED, simpleName + ".java");
        try {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("'" + text + "' not in " + source);
    }

    /**
     * A fixture as {@link #all} holds it, with one field and its source file renamed: names a
     * compiler cannot write (a newline, an ESC) but a class file can hold.
     */
    static byte[] renamedFields(String simpleName, String field, String newName, String sourceFile) {
        byte[] classFile = renamedInto(simpleName, PACKAGE);
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassRemapper(new org.objectweb.asm.ClassVisitor(
                org.objectweb.asm.Opcodes.ASM9, writer) {
            @Override
            public void visitSource(String source, String debug) {
                super.visitSource(sourceFile, debug);
            }
        }, new Remapper() {
            @Override
            public String mapFieldName(String owner, String name, String descriptor) {
                return name.equals(field) ? newName : name;
            }
        }), 0);
        return writer.toByteArray();
    }

    private static byte[] renamed(byte[] classFile, String targetPackage) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, new Remapper() {
            @Override
            public String map(String internalName) {
                return internalName.startsWith(COMPILED)
                        ? targetPackage + internalName.substring(COMPILED.length()) : internalName;
            }
        }), 0);
        return writer.toByteArray();
    }

    private static Path testClasses() {
        try {
            return Paths.get(RacyCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
