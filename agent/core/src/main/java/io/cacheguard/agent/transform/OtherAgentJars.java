package io.cacheguard.agent.transform;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The jars other Java agents run from, named by the JVM's {@code -javaagent:} options, and whether a
 * class is defined from one of them. Another agent's classes (OpenTelemetry's, defined from its jar
 * by its own class loader; JaCoCo's) are its business: rewriting them changes code that runs inside
 * every instrumented method of the host, and their maps are not the host's caches.
 *
 * <p>A class is told by its protection domain's code source, which a loader gives every class of
 * one jar; the answer is kept per protection domain (weakly: a domain holds its loader), so the
 * question costs one lookup per class, and nothing when no other agent runs.
 */
public final class OtherAgentJars {
    /** No other agent: no class is another agent's. */
    public static final OtherAgentJars NONE = new OtherAgentJars(Set.of());

    private static final String JAVAAGENT = "-javaagent:";

    /** Absolute, normalized paths, and the real path of each when it differs (a symbolic link). */
    private final Set<Path> jars;
    /** Answers per protection domain; guarded by itself. */
    private final Map<ProtectionDomain, Boolean> answers = new WeakHashMap<>();

    private OtherAgentJars(Set<Path> jars) {
        this.jars = Set.copyOf(jars);
    }

    /**
     * @param jvmArguments the JVM's options (as {@code RuntimeMXBean.getInputArguments()} lists them)
     * @param workingDir   what a relative {@code -javaagent} path is relative to
     * @param ownJar       the jar this agent runs from, or null: not another agent's
     */
    public static OtherAgentJars of(List<String> jvmArguments, Path workingDir, Path ownJar) {
        Set<Path> jars = new HashSet<>();
        Set<Path> own = ownJar == null ? Set.of() : variants(ownJar.toAbsolutePath().normalize());
        for (String argument : jvmArguments) {
            if (!argument.startsWith(JAVAAGENT)) {
                continue;
            }
            String value = argument.substring(JAVAAGENT.length());
            int options = value.indexOf('='); // -javaagent:<jar>[=<options>]: the jar ends at the first '='
            String jar = options >= 0 ? value.substring(0, options) : value;
            try {
                Set<Path> named = variants(workingDir.resolve(jar).toAbsolutePath().normalize());
                if (named.stream().noneMatch(own::contains)) {
                    jars.addAll(named);
                }
            } catch (InvalidPathException ignored) {
                // not a path this file system can name: the JVM could not have started that agent either
            }
        }
        return jars.isEmpty() ? NONE : new OtherAgentJars(jars);
    }

    /** The jars whose classes are left alone (for tests). */
    public Set<Path> jars() {
        return jars;
    }

    /** Whether a class with this protection domain was defined from another agent's jar. */
    public boolean defines(ProtectionDomain domain) {
        if (jars.isEmpty() || domain == null) {
            return false;
        }
        synchronized (answers) {
            Boolean known = answers.get(domain);
            if (known != null) {
                return known;
            }
        }
        boolean answer = isAgentJar(domain.getCodeSource());
        synchronized (answers) {
            answers.put(domain, answer);
        }
        return answer;
    }

    private boolean isAgentJar(CodeSource source) {
        Path path = source == null ? null : path(source.getLocation());
        if (path == null) {
            return false;
        }
        if (jars.contains(path)) {
            return true;
        }
        for (Path variant : variants(path)) {
            if (jars.contains(variant)) {
                return true;
            }
        }
        return false;
    }

    /** The path and, when it exists and differs, its real path (links resolved). */
    private static Set<Path> variants(Path path) {
        Set<Path> variants = new HashSet<>();
        variants.add(path);
        try {
            variants.add(path.toRealPath());
        } catch (IOException | RuntimeException ignored) {
            // a path that does not exist (yet) is only compared as it is written
        }
        return variants;
    }

    /** The local file a code source names ({@code file:…}, or the jar of a {@code jar:file:…!/…}); else null. */
    static Path path(URL location) {
        if (location == null) {
            return null;
        }
        String text = location.toString();
        if (text.startsWith("jar:")) {
            int separator = text.indexOf("!/");
            text = text.substring("jar:".length(), separator >= 0 ? separator : text.length());
        }
        if (!text.startsWith("file:")) {
            return null;
        }
        try {
            return Paths.get(new java.net.URI(text)).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            // a loader that built its URL from a raw path (spaces not escaped)
            try {
                return Paths.get(text.substring("file:".length())).toAbsolutePath().normalize();
            } catch (InvalidPathException unreadable) {
                return null;
            }
        }
    }
}
