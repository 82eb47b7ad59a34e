package io.cacheguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.cacheguard.agent.report.AgentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: whatever the option parser and the config reader are given (random bytes, random
 * UTF-16 with lone surrogates, NUL and control characters, megabyte values, thousands of keys),
 * the outcome is a valid configuration or one {@link OptionException} whose message is one line:
 * never another exception, never a hang. Each case has its own seed, printed when it fails; run
 * other seeds with {@code -Dfuzz.seed=N}.
 */
class OptionsParserFuzzTest {
    private static final long BASE_SEED = Long.getLong("fuzz.seed", 17L);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final List<String> KEYS = List.of("mode", "includes", "excludes", "targets", "all", "maximumSize",
            "expireAfterWrite", "expireAfterAccess", "report", "log", "quiet", "failOnRace", "sarif", "stackDepth",
            "suppress", "config", "bounds.com.acme.Cache.map");
    private static final List<String> GOOD_VALUES = List.of("patch", "detect", "both", "off", "true", "false", "10",
            "-3", "0", "10m", "PT1M30S", "stderr", "com.acme.*:org.?x", "com.acme.Cache.map", "maximumSize=5",
            "maximumSize=5,expireAfterWrite=1m", "99999999999999999999", "P999999999999D", "9223372036854775807d");
    private static final String SEPARATORS = "=,:.\\ \t\n\r\f#!\u0000*?";

    @TempDir
    Path temp;

    @Test
    void randomAgentArgumentsGiveOptionsOrOneErrorLine() {
        cases(3000, (seed, random) -> check(seed, text(random), new Properties()));
    }

    @Test
    void randomSystemPropertiesGiveOptionsOrOneErrorLine() {
        cases(2000, (seed, random) -> {
            Properties properties = new Properties();
            for (int i = random.nextInt(6); i > 0; i--) {
                String key = random.nextInt(4) == 0 ? value(random) : pick(random, KEYS);
                properties.setProperty(OptionsParser.PROPERTY_PREFIX + key, value(random));
            }
            check(seed, random.nextBoolean() ? null : text(random), properties);
        });
    }

    @Test
    void randomConfigFileBytesGiveOptionsOrOneErrorLine() {
        Path config = temp.resolve("random.properties");
        cases(1500, (seed, random) -> {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            Files.write(config, bytes);
            check(seed, "config=" + config, new Properties());
        });
    }

    @Test
    void randomConfigFileTextGivesOptionsOrOneErrorLine() {
        Path config = temp.resolve("random.properties");
        cases(1500, (seed, random) -> {
            StringBuilder file = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                String key = random.nextInt(5) == 0 ? value(random) : pick(random, KEYS);
                file.append(key).append(random.nextBoolean() ? "=" : random.nextBoolean() ? ":" : " ")
                        .append(value(random)).append(random.nextInt(6) == 0 ? "\\\n" : "\n");
                if (random.nextInt(8) == 0) {
                    file.append(random.nextBoolean() ? "\\u00" : "\\u12g4"); // a malformed escape
                }
            }
            Files.write(config, file.toString().getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes ?
            check(seed, random.nextBoolean() ? "config=" + config : null, properties("config", config.toString()));
        });
    }

    @Test
    void megabyteValuesGiveOptionsOrOneErrorLine() {
        Path config = temp.resolve("long.properties");
        cases(KEYS.size() * 3, (seed, random) -> {
            String key = KEYS.get((int) Math.floorMod(seed, (long) KEYS.size()));
            String value = random.nextBoolean() ? "a".repeat(1 << 20) : longRandom(random, 1 << 20);
            switch (random.nextInt(3)) {
                case 0 -> check(seed, key + "=" + value, new Properties());
                case 1 -> check(seed, null, properties(OptionsParser.PROPERTY_PREFIX + key, value));
                default -> {
                    Properties file = properties(key, value);
                    try (var out = Files.newBufferedWriter(config)) {
                        file.store(out, null);
                    }
                    check(seed, "config=" + config, new Properties());
                }
            }
        });
    }

    @Test
    void thousandsOfKeysGiveOptionsOrOneErrorLine() {
        Path config = temp.resolve("many.properties");
        cases(20, (seed, random) -> {
            StringBuilder argument = new StringBuilder();
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                String key = random.nextInt(3) == 0 ? "bounds.com.acme.C" + i + ".map" : pick(random, KEYS) + i;
                file.append(key).append("=maximumSize=").append(i).append('\n');
                argument.append(argument.length() == 0 ? "" : ",").append(pick(random, KEYS)).append('=')
                        .append(pick(random, GOOD_VALUES));
            }
            Files.writeString(config, file);
            check(seed, "config=" + config, new Properties());
            check(seed, argument.toString(), new Properties());
        });
    }

    /** One case: a valid configuration, or an OptionException with a non-empty one-line message. */
    private static void check(long seed, String argument, Properties properties) {
        try {
            AgentOptions options = OptionsParser.parse(argument, properties);
            assertNotNull(options.mode(), () -> "seed " + seed);
            assertNotNull(options.describe(), () -> "seed " + seed);
        } catch (OptionException e) {
            String message = e.getMessage();
            assertNotNull(message, () -> "seed " + seed);
            assertFalse(message.isEmpty(), () -> "seed " + seed);
            assertEquals(AgentLog.escape(message), message, () -> "seed " + seed + ": not one line: " + shown(message));
        } catch (Throwable t) {
            fail("seed " + seed + " (rerun with -Dfuzz.seed=" + BASE_SEED + "): " + t + " for the argument "
                    + shown(argument) + " and the properties " + shown(String.valueOf(properties)), t);
        }
    }

    private interface Case {
        void run(long seed, Random random) throws IOException;
    }

    /** {@code count} cases, each from its own seed, all within the deadline. */
    private static void cases(int count, Case test) {
        assertTimeoutPreemptively(DEADLINE, () -> {
            for (int i = 0; i < count; i++) {
                long seed = BASE_SEED * 1_000_003L + i;
                test.run(seed, new Random(seed));
            }
        }, () -> "over " + DEADLINE.toSeconds() + " s (base seed " + BASE_SEED + ")");
    }

    /** An agent argument: key=value pairs, good and bad, broken by stray separators. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(value(random));
                case 1 -> text.append(pick(random, KEYS)).append('=').append(pick(random, GOOD_VALUES));
                default -> text.append(pick(random, KEYS)).append('=').append(value(random));
            }
            text.append(random.nextInt(5) == 0 ? SEPARATORS.charAt(random.nextInt(SEPARATORS.length())) : ',');
        }
        return text.toString();
    }

    /** A value: a good one, separators, raw bytes as characters, or any UTF-16 code units. */
    private static String value(Random random) {
        int length = random.nextInt(24);
        StringBuilder value = new StringBuilder();
        switch (random.nextInt(5)) {
            case 0 -> value.append(pick(random, GOOD_VALUES));
            case 1 -> {
                for (int i = 0; i < length; i++) {
                    value.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
                }
            }
            case 2 -> {
                for (int i = 0; i < length; i++) {
                    value.append((char) random.nextInt(256));
                }
            }
            case 3 -> {
                for (int i = 0; i < length; i++) {
                    value.append(random.nextInt(4) == 0 ? (char) (0xd800 + random.nextInt(0x800)) : (char) random.nextInt(0x10000));
                }
            }
            default -> {
                value.append(pick(random, GOOD_VALUES));
                value.insert(random.nextInt(value.length() + 1), (char) random.nextInt(0x20));
            }
        }
        return value.toString();
    }

    private static String longRandom(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) random.nextInt(0x10000);
        }
        return new String(chars);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    private static String shown(String text) {
        if (text == null) {
            return "null";
        }
        String escaped = AgentLog.escape(text);
        return escaped.length() > 300 ? escaped.substring(0, 300) + "… (" + text.length() + " chars)" : escaped;
    }
}
