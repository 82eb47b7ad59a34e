package io.cacheguard.agent.config;

import io.cacheguard.agent.analysis.Glob;
import io.cacheguard.agent.spec.BoundsSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the agent's options from their three sources and checks every value. Precedence, highest
 * first: the {@code -javaagent:...=key=value,...} argument, {@code -Dcacheguard.<key>=value} system
 * properties, the properties file named by {@code config=PATH}, the defaults. The properties file may
 * also hold per-field bounds: {@code bounds.com.acme.Cache.map=maximumSize=100,expireAfterWrite=1m}.
 *
 * <p>Within one source a key is named once and with a value: an empty value ({@code report=}) or
 * a key named twice ({@code mode=patch,mode=detect}) is a bad option like any other, since either
 * way the agent would have to guess (ignore it, take the default, take the first or the last).
 * Across sources a key may appear in each, and precedence decides. A re-attach's options are
 * merged into the running argument by key before they are parsed (see {@code OptionChange}), so
 * naming a running key again is a change, not a duplicate.
 */
public final class OptionsParser {
    public static final String PROPERTY_PREFIX = "cacheguard.";
    private static final String FIELD_BOUNDS_PREFIX = "bounds.";
    private static final Set<String> KEYS = new TreeSet<>(List.of(
            "mode", "includes", "excludes", "targets", "all", "maximumSize", "expireAfterWrite", "expireAfterAccess",
            "report", "log", "quiet", "failOnRace", "sarif", "stackDepth", "suppress", "detector", "config"));
    /** A config file is a few lines; anything larger is a wrong path, not a configuration. */
    static final int CONFIG_MAX_BYTES = 1 << 20;
    private static final String BOUND_KEYS = "maximumSize expireAfterWrite expireAfterAccess";

    private OptionsParser() {
    }

    /**
     * @param agentArgument the text after {@code =} in {@code -javaagent:jar=...}, or null
     * @param systemProperties the JVM's system properties
     * @throws OptionException naming the first bad key or value
     */
    public static AgentOptions parse(String agentArgument, Properties systemProperties) throws OptionException {
        Map<String, String> fromArgument = parseArgument(agentArgument);
        Map<String, String> fromProperties = new HashMap<>();
        for (String name : systemProperties.stringPropertyNames()) {
            // A deeper name (cacheguard.samples.safe, cacheguard.it.javaHome) belongs to another
            // part of the project, never to the agent: no agent key has a dot.
            if (name.startsWith(PROPERTY_PREFIX) && name.indexOf('.', PROPERTY_PREFIX.length()) < 0) {
                String key = name.substring(PROPERTY_PREFIX.length());
                checkKey(key, "-D" + name);
                String value = systemProperties.getProperty(name);
                checkNotEmpty("-D" + name, value.trim());
                fromProperties.put(key, value);
            }
        }
        String config = fromArgument.getOrDefault("config", fromProperties.get("config"));
        Map<String, String> fieldBounds = new LinkedHashMap<>();
        Map<String, String> fromFile = config == null ? Map.of() : readConfig(config, fieldBounds);

        Map<String, String> merged = new HashMap<>(fromFile);
        merged.putAll(fromProperties);
        merged.putAll(fromArgument);
        return build(merged, fieldBounds);
    }

    private static Map<String, String> parseArgument(String argument) throws OptionException {
        Map<String, String> values = new LinkedHashMap<>();
        if (argument == null || argument.isBlank()) {
            return values;
        }
        // Bounds contain commas inside one option (maximumSize=10,expireAfterWrite=1m), so a
        // fragment without '=' is not allowed, and every fragment is its own key=value pair.
        for (String part : argument.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new OptionException("option '" + item + "' has no value; write key=value, e.g. mode=patch"
                        + "; known keys: " + String.join(", ", KEYS));
            }
            String key = item.substring(0, eq).trim();
            checkKey(key, key);
            String value = item.substring(eq + 1).trim();
            checkNotEmpty(key, value);
            String earlier = values.put(key, value);
            if (earlier != null) {
                throw new OptionException(key + " is given twice (" + key + "=" + earlier + " and " + key + "=" + value
                        + "); name each option once");
            }
        }
        return values;
    }

    /** An empty value is refused rather than read as the default: {@code report=} may mean either. */
    private static void checkNotEmpty(String shownAs, String value) throws OptionException {
        if (value.isEmpty()) {
            throw new OptionException(shownAs + " has an empty value; give it a value, or leave it out for the default");
        }
    }

    private static void checkKey(String key, String shownAs) throws OptionException {
        if (!KEYS.contains(key)) {
            throw new OptionException("unknown option '" + shownAs + "'; known keys: " + String.join(", ", KEYS));
        }
    }

    private static Map<String, String> readConfig(String file, Map<String, String> fieldBounds) throws OptionException {
        OnceEachProperties properties = new OnceEachProperties();
        try (Reader in = new StringReader(readSmallRegularFile(path("config", file)))) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new OptionException("config='" + file + "' cannot be read (" + e.getMessage()
                    + "); give the path of a readable properties file");
        }
        if (properties.twice != null) {
            throw new OptionException(properties.twice + " in " + file + " is given twice; name each key once");
        }
        Map<String, String> values = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            checkNotEmpty(key + " in " + file, value);
            if (key.startsWith(FIELD_BOUNDS_PREFIX)) {
                String field = key.substring(FIELD_BOUNDS_PREFIX.length());
                checkBounds(key + " in " + file, value);
                fieldBounds.put(field, value);
            } else {
                checkKey(key, key + " in " + file);
                if (key.equals("config")) {
                    throw new OptionException("config in " + file + ": a config file cannot name another one");
                }
                values.put(key, value);
            }
        }
        return values;
    }

    /**
     * The text of a config file, which must be a regular file of at most {@link #CONFIG_MAX_BYTES}.
     * The type is checked before the file is opened: opening a FIFO blocks until someone writes
     * it, and this runs in premain, before the application. A link to a regular file is read (a
     * config mounted from a Kubernetes ConfigMap is one); reading harms nothing.
     */
    private static String readSmallRegularFile(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException((attributes.isDirectory() ? "a directory" : "not a regular file (a FIFO, socket or device)"));
        }
        if (attributes.size() > CONFIG_MAX_BYTES) {
            throw new IOException(attributes.size() + " bytes, over the " + CONFIG_MAX_BYTES + " a config file may have");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(CONFIG_MAX_BYTES + 1); // it may have grown since
        }
        if (bytes.length > CONFIG_MAX_BYTES) {
            throw new IOException("over the " + CONFIG_MAX_BYTES + " bytes a config file may have");
        }
        // strict: a file in another encoding is refused, not read with replacement characters
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * Properties that note the first key the file names twice, which {@link Properties#load}
     * would otherwise settle silently by keeping the last (it stores each line through
     * {@link #put}).
     */
    private static final class OnceEachProperties extends Properties {
        private static final long serialVersionUID = 1L;
        private String twice;

        @Override
        public synchronized Object put(Object key, Object value) {
            Object earlier = super.put(key, value);
            if (earlier != null && twice == null) {
                twice = String.valueOf(key);
            }
            return earlier;
        }
    }

    private static AgentOptions build(Map<String, String> values, Map<String, String> fieldBounds)
            throws OptionException {
        Mode mode = mode(values.getOrDefault("mode", "both"));
        StringBuilder bounds = new StringBuilder();
        for (String key : BOUND_KEYS.split(" ")) {
            String value = values.get(key);
            if (value != null && !value.isEmpty()) {
                if (bounds.length() > 0) {
                    bounds.append(',');
                }
                bounds.append(key).append('=').append(value);
            }
        }
        checkBounds("bounds", bounds.toString());
        return new AgentOptions(
                mode,
                detector(mode, values.get("detector")),
                globs(values.get("includes")),
                globs(values.get("excludes")),
                values.getOrDefault("targets", ""),
                bool("all", values.getOrDefault("all", "false")),
                bounds.toString(),
                fieldBounds,
                optionalFile(values.get("report")),
                logFile(values.getOrDefault("log", "stderr")),
                bool("quiet", values.getOrDefault("quiet", "false")),
                bool("failOnRace", values.getOrDefault("failOnRace", "false")),
                optionalFile(values.get("sarif")),
                positive("stackDepth", values.getOrDefault("stackDepth", "16")),
                list(values.get("suppress")));
    }

    private static Mode mode(String value) throws OptionException {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OptionException("mode='" + value + "' is not a mode; accepted: patch, detect, both, off");
        }
    }

    /**
     * The detector: the mode's default unless named. A mode that detects nothing ignores it, so a
     * {@code -Dcacheguard.detector=hb} set for a whole fleet does not break {@code mode=patch}; but
     * {@code detect} with no detector would do nothing at all, which no one means.
     */
    private static Detector detector(Mode mode, String value) throws OptionException {
        if (value == null) {
            return Detector.defaultFor(mode);
        }
        Detector named;
        try {
            named = Detector.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OptionException("detector='" + value + "' is not a detector; accepted: watch, hb, off");
        }
        if (mode == Mode.DETECT && named == Detector.OFF) {
            throw new OptionException("detector=off with mode=detect would do nothing; use mode=patch to patch"
                    + " without detecting, or detector=watch|hb");
        }
        return mode.detects() ? named : Detector.OFF;
    }

    private static void checkBounds(String key, String spec) throws OptionException {
        try {
            BoundsSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new OptionException(key + ": " + e.getMessage());
        }
    }

    private static boolean bool(String key, String value) throws OptionException {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new OptionException(key + "='" + value + "' is not a boolean; accepted: true, false");
        }
    }

    private static int positive(String key, String value) throws OptionException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is accepted
        }
        throw new OptionException(key + "='" + value + "' is not a positive integer");
    }

    private static List<Glob> globs(String value) {
        List<Glob> globs = new ArrayList<>();
        for (String item : list(value)) {
            globs.add(new Glob(item));
        }
        return globs;
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(":")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    /**
     * A file the agent writes, kept as text: it becomes a path when it is opened, where a path
     * this JVM cannot name (non-ASCII under {@code LANG=C}) costs that file, not the whole agent.
     */
    private static String optionalFile(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String logFile(String value) {
        return value.equals("stderr") ? null : value.trim();
    }

    private static Path path(String key, String value) throws OptionException {
        try {
            return Paths.get(value.trim());
        } catch (InvalidPathException e) {
            throw new OptionException(key + "='" + value + "' is not a valid path (" + e.getReason() + ")");
        }
    }
}
