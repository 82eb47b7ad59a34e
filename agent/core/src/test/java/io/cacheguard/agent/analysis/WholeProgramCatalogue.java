package io.cacheguard.agent.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The idioms whose verdict needs the whole program, as {@code scan} sees it: the classes of one
 * package, analysed with a source that can list them ({@link ClassBytesSource#index()}), as if that
 * package were a scanned jar. At run time (a class loader) the same fields stay conservative.
 */
final class WholeProgramCatalogue {
    static final String PACKAGE = Catalogue.PACKAGE + ".wholeprogram";

    private WholeProgramCatalogue() {
    }

    static List<Subject> subjects() {
        Map<String, byte[]> classes = classFiles();
        ClassBytesSource program = ClassBytesSource.of(classes);
        List<Subject> subjects = new ArrayList<>();
        for (String internalName : classes.keySet().stream().sorted().toList()) {
            Class<?> type = load(internalName.replace('/', '.'));
            List<Expectation> expectations = Catalogue.expectationsOf(type);
            if (!expectations.isEmpty()) {
                subjects.add(new Subject("whole program: " + type.getName().substring(PACKAGE.length() + 1),
                        classes.get(internalName), program, expectations));
            }
        }
        return subjects;
    }

    /** Every class file of the package, by internal name: the whole program the analysis sees. */
    private static Map<String, byte[]> classFiles() {
        String directory = PACKAGE.replace('.', '/');
        URL url = Catalogue.LOADER.getResource(directory);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("the whole-program catalogue must be a directory, found " + url);
        }
        Map<String, byte[]> classes = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class")) {
                    classes.put(directory + "/" + name.substring(0, name.length() - ".class".length()),
                            Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Catalogue.LOADER);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
