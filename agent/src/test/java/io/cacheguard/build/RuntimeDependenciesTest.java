package io.cacheguard.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cacheguard.detector.RaceDetector;
import io.cacheguard.it.ConstantPoolTypes;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The runtime package is loaded by the bootstrap class loader, which sees java.base and nothing
 * else: a single reference to another module or to the agent's other packages would fail there
 * with NoClassDefFoundError inside the host application.
 */
class RuntimeDependenciesTest {
    private static final String RUNTIME = "io/cacheguard/runtime/";
    private static final String DETECTOR = "io/cacheguard/detector/";

    @Test
    void runtimePackageReferencesOnlyJavaBaseItselfAndTheDetector() throws Exception {
        assertOnlyJavaBaseAnd(classesIn(Paths.get("target", "classes"), RUNTIME), RUNTIME, DETECTOR);
    }

    /** The detector goes to the bootstrap loader with the runtime. */
    @Test
    void detectorReferencesOnlyJavaBaseAndItself() throws Exception {
        Path detector = Paths.get(RaceDetector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(detector)) {
            assertOnlyJavaBaseAnd(classesIn(detector, DETECTOR), DETECTOR);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(detector)) {
                assertOnlyJavaBaseAnd(classesIn(jar.getPath("/"), DETECTOR), DETECTOR);
            }
        }
    }

    private static void assertOnlyJavaBaseAnd(List<Path> classes, String... ownPackages) {
        Set<String> javaBasePackages = ModuleLayer.boot().findModule("java.base").orElseThrow().getPackages();
        assertFalse(classes.isEmpty(), "no compiled classes found");
        List<String> offenders = classes.stream()
                .flatMap(RuntimeDependenciesTest::referencesOf)
                .filter(ref -> Stream.of(ownPackages).noneMatch(ref.type::startsWith))
                .filter(ref -> !javaBasePackages.contains(packageOf(ref.type)))
                .map(Object::toString)
                .distinct()
                .collect(Collectors.toList());
        assertEquals(List.of(), offenders);
    }

    private static List<Path> classesIn(Path root, String packageFolder) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(packageFolder))) {
            return files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
    }

    private static Stream<Reference> referencesOf(Path classFile) {
        try {
            ClassReader reader = new ClassReader(Files.readAllBytes(classFile));
            return ConstantPoolTypes.referencedTypes(reader).stream()
                    .map(type -> new Reference(reader.getClassName(), type));
        } catch (IOException e) {
            throw new IllegalStateException(classFile.toString(), e);
        }
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    private static final class Reference {
        final String from;
        final String type;

        Reference(String from, String type) {
            this.from = from;
            this.type = type;
        }

        @Override
        public String toString() {
            return from + " -> " + type;
        }
    }
}
