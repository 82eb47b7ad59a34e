package io.cacheguard.agent.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue as compiled into test-classes: its classes, found by listing the package's
 * directory so that a new entry needs no registration, and the expectations their fields declare.
 */
final class Catalogue {
    static final String PACKAGE = "io.cacheguard.agent.analysis.catalogue";
    static final ClassLoader LOADER = Catalogue.class.getClassLoader();
    /** Where the analysis reads nest members and map subclasses of catalogue classes from. */
    static final ClassBytesSource CLASS_FILES = ClassBytesSource.of(LOADER);

    private Catalogue() {
    }

    /** Every class compiled from the catalogue package, nested, anonymous and local ones included, by name. */
    static List<Class<?>> allClasses() {
        try (Stream<Path> files = Files.list(packageDirectory())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".class") && !file.equals("package-info.class"))
                    .sorted()
                    .<Class<?>>map(file -> load(PACKAGE + "." + file.substring(0, file.length() - ".class".length())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Class<?>> topLevelClasses() {
        return allClasses().stream().filter(type -> type.getEnclosingClass() == null).toList();
    }

    /** The classes the harness analyzes: those declaring at least one expectation. */
    static List<Class<?>> expectingClasses() {
        return allClasses().stream().filter(type -> !expectationsOf(type).isEmpty()).toList();
    }

    /** The expectations of the fields the class itself declares, in declaration order. */
    static List<Expectation> expectationsOf(Class<?> type) {
        List<Expectation> expectations = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            Expect expect = field.getAnnotation(Expect.class);
            if (expect != null) {
                expectations.add(new Expectation(field.getName(), expect.value(), expect.reason()));
            }
        }
        return expectations;
    }

    static byte[] classFileOf(Class<?> type) {
        byte[] classFile = CLASS_FILES.bytesOf(type.getName().replace('.', '/'));
        if (classFile == null) {
            throw new IllegalStateException("no class file for " + type.getName());
        }
        return classFile;
    }

    /** The catalogue's classes as the analysis sees them, each with the class path for its related classes. */
    static List<Subject> subjects() {
        return expectingClasses().stream()
                .map(type -> new Subject(displayName(type), classFileOf(type), CLASS_FILES, expectationsOf(type)))
                .toList();
    }

    /** The binary name without the package: {@code ExpiringCache}, {@code SegmentedCache$Segment}. */
    static String displayName(Class<?> type) {
        return type.getName().substring(PACKAGE.length() + 1);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, LOADER);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Surefire runs the tests from target/test-classes, a directory; a jar would need a different listing. */
    private static Path packageDirectory() {
        URL url = LOADER.getResource(PACKAGE.replace('.', '/'));
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("the catalogue must be a directory on the test class path, found " + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
