package io.cacheguard.agent.htmlreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.report.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Test
    void readsBackWhatTheAgentsWriterWrites() throws Exception {
        String line = Json.object()
                .put("event", "race")
                .put("count", 39829L)
                .put("patched", true)
                .put("lock", null)
                .put("name", "tab\there \"quoted\" back\\slash \u001b[31m \u00e9 \ud83d\ude00 \u2028")
                .put("stack", List.of("a.B.c(B.java:1)", "d.E.f(E.java:2)"))
                .put("nested", Map.of("k", List.of()))
                .toString();
        Map<?, ?> event = (Map<?, ?>) JsonReader.parse(line);
        assertEquals("race", event.get("event"));
        assertEquals(39829L, event.get("count"));
        assertEquals(true, event.get("patched"));
        assertTrue(event.containsKey("lock"));
        assertEquals(null, event.get("lock"));
        assertEquals("tab\there \"quoted\" back\\slash \u001b[31m \u00e9 \ud83d\ude00 \u2028", event.get("name"));
        assertEquals(List.of("a.B.c(B.java:1)", "d.E.f(E.java:2)"), event.get("stack"));
        assertEquals(Map.of("k", List.of()), event.get("nested"));
        assertEquals(Arrays.asList("event", "count", "patched", "lock", "name", "stack", "nested"),
                new ArrayList<>(event.keySet()), "keys in the order of the line");
    }

    @Test
    void readsNumbersAsJsonDefinesThem() throws Exception {
        assertEquals(0L, JsonReader.parse("0"));
        assertEquals(-12L, JsonReader.parse("-12"));
        assertEquals(1.5, JsonReader.parse("1.5"));
        assertEquals(-2.5e3, JsonReader.parse("-2.5E+3"));
        assertEquals(1e-2, JsonReader.parse("1e-2"));
        assertEquals(" x", JsonReader.parse(" \t\r\n\" x\" \n"));
        assertEquals("\u00e9/", JsonReader.parse("\"\\u00E9\\/\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "{", "}", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1}{}", "{\"a\":1} x",
            "01", "-", "+1", "1.", ".5", "1e", "1e+", "NaN", "Infinity", "-Infinity", "0x10",
            "tru", "nul", "True", "'a'", "\"a", "\"a\\\"", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"",
            "\"tab\there\"", "\"new\nline\"", "{\"a\":1,\"a\":2}", "[1 2]", "\u00a0{}"})
    void refusesWhatIsNotExactlyOneJsonValue(String text) {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(text));
        assertTrue(e.getMessage().contains("at column "), e::getMessage);
    }

    @Test
    void everyPrefixOfAnEventIsRefused() throws Exception {
        // what a JVM killed in the middle of a write leaves: the head of a line, cut anywhere
        String line = Json.object().put("event", "race").put("kind", "read-write").put("patched", false)
                .put("earlier", Map.of("threadId", 17L, "stack", List.of("a.B.c(B.java:1)")))
                .toString().replaceFirst("}$", ",\"n\":-1.25e2}");
        JsonReader.parse(line);
        for (int cut = 0; cut < line.length(); cut++) {
            String head = line.substring(0, cut);
            assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(head), head);
        }
    }

    @Test
    void namesTheColumnWhereTheLineWentWrong() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("{\"a\":tru}"));
        assertEquals("unexpected 't' at column 6", e.getMessage());
    }

    @Test
    void refusesNestingDeeperThanTheCapWithoutOverflowingTheStack() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper than 64"), e::getMessage);
        String atTheCap = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        JsonReader.parse(atTheCap);
    }
}
