package io.cacheguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsParserTest {
    @TempDir
    Path temp;

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsAreBothModeWithoutBoundsOrReport() throws OptionException {
        AgentOptions options = OptionsParser.parse(null, new Properties());
        assertEquals(Mode.BOTH, options.mode());
        assertEquals("", options.defaultBounds());
        assertEquals(null, options.report());
        assertEquals(16, options.stackDepth());
        assertFalse(options.quiet());
    }

    /** The watch where the agent may stay on (both), the happens-before detector where CI pays for it (detect). */
    @Test
    void theDetectorDefaultsToTheWatchInBothAndToHappensBeforeInDetect() throws OptionException {
        assertEquals(Detector.WATCH, OptionsParser.parse(null, new Properties()).detector());
        assertEquals(Detector.HB, OptionsParser.parse("mode=detect", new Properties()).detector());
        assertEquals(Detector.OFF, OptionsParser.parse("mode=patch", new Properties()).detector());
        assertEquals(Detector.HB, OptionsParser.parse("detector=hb", new Properties()).detector());
        assertEquals(Detector.WATCH, OptionsParser.parse("mode=detect,detector=watch", new Properties()).detector());
        AgentOptions off = OptionsParser.parse("detector=off", new Properties());
        assertEquals(Detector.OFF, off.detector());
        assertFalse(off.detects());
        assertTrue(off.mode().patches());
        // a fleet-wide -Dcacheguard.detector does not break a JVM that only patches
        assertEquals(Detector.OFF, OptionsParser.parse("mode=patch", properties("cacheguard.detector", "hb")).detector());
        assertTrue(OptionsParser.parse("detector=hb", new Properties()).observesSynchronization());
        assertFalse(OptionsParser.parse(null, new Properties()).observesSynchronization());
        assertEquals("mode=both detector=watch", OptionsParser.parse(null, new Properties()).describe());
    }

    @Test
    void aDetectorThatIsNoneOrWouldDoNothingIsRefused() {
        assertMessage("detector=tsan", "detector='tsan' is not a detector; accepted: watch, hb, off");
        assertMessage("mode=detect,detector=off", "detector=off with mode=detect would do nothing");
    }

    @Test
    void agentArgumentListsKeyValuePairsWithColonSeparatedLists() throws OptionException {
        AgentOptions options = OptionsParser.parse(
                "mode=patch,includes=com.acme.*:org.example.Cache,excludes=com.acme.internal.*,quiet=true", new Properties());
        assertEquals(Mode.PATCH, options.mode());
        assertTrue(options.isIncluded("com.acme.Cache"));
        assertTrue(options.isIncluded("org.example.Cache"));
        assertFalse(options.isIncluded("com.acme.internal.Cache"));
        assertFalse(options.isIncluded("net.other.Cache"));
        assertTrue(options.quiet());
    }

    @Test
    void theJdkAndTheAgentAreNeverIncluded() throws OptionException {
        AgentOptions options = OptionsParser.parse("includes=*", new Properties());
        assertFalse(options.isIncluded("java.util.HashMap"));
        assertFalse(options.isIncluded("io.cacheguard.agent.runtime.Guards"));
        assertTrue(options.isIncluded("io.cacheguard.samples.expiring.ExpiringCache"));
    }

    @Test
    void boundsAreSeparateKeysJoinedIntoOneSpec() throws OptionException {
        AgentOptions options = OptionsParser.parse("maximumSize=100,expireAfterWrite=10m", new Properties());
        assertEquals("maximumSize=100,expireAfterWrite=10m", options.defaultBounds());
    }

    @Test
    void argumentBeatsSystemPropertyWhichBeatsConfigFile() throws IOException, OptionException {
        Path config = temp.resolve("cacheguard.properties");
        Files.writeString(config, "mode=off\nstackDepth=4\nquiet=true\n");
        AgentOptions options = OptionsParser.parse("config=" + config + ",mode=patch",
                properties("cacheguard.mode", "detect", "cacheguard.stackDepth", "8"));
        assertEquals(Mode.PATCH, options.mode());
        assertEquals(8, options.stackDepth());
        assertTrue(options.quiet());
    }

    @Test
    void propertiesOfOtherPartsOfTheProjectAreNotAgentOptions() throws OptionException {
        AgentOptions options = OptionsParser.parse(null,
                properties("cacheguard.samples.safe", "true", "cacheguard.it.javaHome", "/opt/jdk", "cacheguard.mode", "detect"));
        assertEquals(Mode.DETECT, options.mode());
    }

    @Test
    void configFileMayBeNamedBySystemProperty() throws IOException, OptionException {
        Path config = temp.resolve("cacheguard.properties");
        Files.writeString(config, "mode=patch\n");
        AgentOptions options = OptionsParser.parse(null, properties("cacheguard.config", config.toString()));
        assertEquals(Mode.PATCH, options.mode());
    }

    @Test
    void configFileCarriesPerFieldBounds() throws IOException, OptionException {
        Path config = temp.resolve("cacheguard.properties");
        Files.writeString(config, "maximumSize=1000\nbounds.com.acme.Cache.map=maximumSize=10,expireAfterAccess=5m\n");
        AgentOptions options = OptionsParser.parse("config=" + config, new Properties());
        assertEquals(Map.of("com.acme.Cache.map", "maximumSize=10,expireAfterAccess=5m"), options.fieldBounds());
        assertEquals("maximumSize=1000", options.defaultBounds()); // what com.acme.Cache.other gets
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() {
        OptionException e = assertThrows(OptionException.class, () -> OptionsParser.parse("colour=red", new Properties()));
        assertTrue(e.getMessage().startsWith("unknown option 'colour'"), e.getMessage());
        assertTrue(e.getMessage().contains("mode"), e.getMessage());
    }

    @Test
    void badValuesNameKeyValueAndWhatIsAccepted() {
        assertMessage("mode=fast", "mode='fast' is not a mode; accepted: patch, detect, both, off");
        assertMessage("all=yes", "all='yes' is not a boolean; accepted: true, false");
        assertMessage("stackDepth=0", "stackDepth='0' is not a positive integer");
        assertMessage("maximumSize=many", "maximumSize='many'");
        assertMessage("expireAfterWrite=5 min", "expireAfterWrite='5 min'");
    }

    @Test
    void anEmptyValueIsRefusedInEverySource() throws IOException {
        assertMessage("report=", "report has an empty value; give it a value, or leave it out for the default");
        assertMessage("mode=patch,targets= ", "targets has an empty value");
        OptionException property = assertThrows(OptionException.class,
                () -> OptionsParser.parse(null, properties("cacheguard.suppress", "")));
        assertTrue(property.getMessage().startsWith("-Dcacheguard.suppress has an empty value"), property.getMessage());
        Path config = temp.resolve("empty-value.properties");
        Files.writeString(config, "mode=patch\nreport=\n");
        OptionException file = assertThrows(OptionException.class,
                () -> OptionsParser.parse("config=" + config, new Properties()));
        assertTrue(file.getMessage().startsWith("report in " + config + " has an empty value"), file.getMessage());
    }

    @Test
    void aKeyNamedTwiceInOneSourceIsRefused() throws IOException {
        assertMessage("mode=patch,quiet=true,mode=detect",
                "mode is given twice (mode=patch and mode=detect); name each option once");
        Path config = temp.resolve("twice.properties");
        Files.writeString(config, "stackDepth=4\nmode=patch\nstackDepth=8\n");
        OptionException file = assertThrows(OptionException.class,
                () -> OptionsParser.parse("config=" + config, new Properties()));
        assertEquals("stackDepth in " + config + " is given twice; name each key once", file.getMessage());
    }

    @Test
    void badPerFieldBoundsInConfigFileNameTheFileKey() throws IOException {
        Path config = temp.resolve("c.properties");
        Files.writeString(config, "bounds.com.acme.Cache.map=maximumSize=lots\n");
        OptionException e = assertThrows(OptionException.class,
                () -> OptionsParser.parse("config=" + config, new Properties()));
        assertTrue(e.getMessage().contains("bounds.com.acme.Cache.map"), e.getMessage());
        assertTrue(e.getMessage().contains("maximumSize='lots'"), e.getMessage());
    }

    @Test
    void unknownSystemPropertyUnderOurPrefixIsAnError() {
        OptionException e = assertThrows(OptionException.class,
                () -> OptionsParser.parse(null, properties("cacheguard.moed", "patch")));
        assertTrue(e.getMessage().contains("'-Dcacheguard.moed'"), e.getMessage());
    }

    /** Regression (issue 17): a config naming a FIFO with no writer blocked premain for ever. */
    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aConfigThatIsNoRegularFileIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = temp.resolve("fifo.properties");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        OptionException refused = assertThrows(OptionException.class,
                () -> OptionsParser.parse("config=" + fifo, new Properties()));
        assertTrue(refused.getMessage().startsWith("config='" + fifo + "' cannot be read (not a regular file"),
                refused.getMessage());
        OptionException directory = assertThrows(OptionException.class,
                () -> OptionsParser.parse("config=" + temp, new Properties()));
        assertTrue(directory.getMessage().contains("(a directory)"), directory.getMessage());
    }

    @Test
    void aConfigOverOneMegabyteIsRefused() throws IOException {
        Path config = temp.resolve("huge.properties");
        Files.writeString(config, "mode=patch\n" + "#".repeat(OptionsParser.CONFIG_MAX_BYTES) + "\n");
        OptionException refused = assertThrows(OptionException.class,
                () -> OptionsParser.parse("config=" + config, new Properties()));
        assertTrue(refused.getMessage().contains("over the 1048576 a config file may have"), refused.getMessage());
    }

    @Test
    void aConfigReachedThroughALinkIsRead() throws Exception {
        Path config = Files.writeString(temp.resolve("real.properties"), "mode=patch\n");
        Path link = Files.createSymbolicLink(temp.resolve("mounted.properties"), config);
        assertEquals(Mode.PATCH, OptionsParser.parse("config=" + link, new Properties()).mode());
    }

    private static void assertMessage(String argument, String expected) {
        OptionException e = assertThrows(OptionException.class, () -> OptionsParser.parse(argument, new Properties()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
