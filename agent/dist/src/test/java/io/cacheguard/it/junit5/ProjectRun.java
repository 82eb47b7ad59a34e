package io.cacheguard.it.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cacheguard.it.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run of the test project in a child JVM: the given classes through {@link ProjectRunner}, on a
 * chosen JUnit, with or without the real agent jar, and what each class and test came to.
 */
final class ProjectRun {
    /** The JUnit versions the project runs on: the oldest the extension supports and the newest. */
    enum JUnit {
        FLOOR("cacheguard.junitFloor", "target/junit-floor"),
        CURRENT("cacheguard.junitCurrent", "target/junit-current");

        private final String property;
        private final String fallback;

        JUnit(String property, String fallback) {
            this.property = property;
            this.fallback = fallback;
        }

        List<String> jars() throws IOException {
            Path dir = Paths.get(System.getProperty(property, fallback));
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
            }
        }
    }

    /** How a class or test finished, and the failure's text (exception class, colon, message). */
    record Outcome(String status, String message) {
    }

    final ChildJvm.Result result;
    final Map<String, Outcome> outcomes;

    private ProjectRun(ChildJvm.Result result, Map<String, Outcome> outcomes) {
        this.result = result;
        this.outcomes = outcomes;
    }

    /** Agent options for {@link #run}: none, the defaults (what a user gets). */
    static final String DEFAULTS = "";
    /** For {@link #run}: no agent on the child. */
    static final String NO_AGENT = null;

    /**
     * @param agentOptions the child runs with {@code -javaagent:} the real agent jar and these
     *                     options ({@link #DEFAULTS} for none), or without it ({@link #NO_AGENT})
     * @param properties   system properties for the child, {@code key=value}: JUnit reads its
     *                     configuration parameters from them
     */
    static ProjectRun run(JUnit junit, String agentOptions, List<String> properties, Class<?>... classes)
            throws IOException, InterruptedException {
        List<String> classpath = new ArrayList<>(junit.jars());
        classpath.add(extensionJar().toString());
        classpath.add(ChildJvm.testClasspath());
        List<String> command = new ArrayList<>();
        if (agentOptions != null) {
            command.add("-javaagent:" + ChildJvm.agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(ProjectRunner.class.getName());
        for (Class<?> type : classes) {
            command.add(type.getName());
        }
        ChildJvm.Result result = ChildJvm.run(180, command.toArray(String[]::new));
        assertEquals(0, result.exitCode, result::toString);
        return new ProjectRun(result, parse(result.stdout));
    }

    private static Path extensionJar() {
        Path jar = Paths.get(System.getProperty("cacheguard.junit5Jar", "../junit5/target/cacheguard-junit5.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("extension jar not built: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    private static Map<String, Outcome> parse(String stdout) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        String name = null;
        String status = null;
        StringBuilder message = new StringBuilder();
        for (String line : stdout.split("\n", -1)) {
            if (name == null && line.startsWith("== ")) {
                int space = line.lastIndexOf(' ');
                name = line.substring(3, space);
                status = line.substring(space + 1);
                message.setLength(0);
            } else if (name != null && line.equals("== end")) {
                outcomes.put(name, new Outcome(status, message.toString()));
                name = null;
            } else if (name != null) {
                message.append(message.length() == 0 ? "" : "\n").append(line);
            }
        }
        return outcomes;
    }

    Outcome outcome(String name) {
        Outcome outcome = outcomes.get(name);
        assertNotNull(outcome, () -> name + " did not run:\n" + result);
        return outcome;
    }

    long failures() {
        return outcomes.values().stream().filter(o -> o.status().equals("FAILED")).count();
    }
}
