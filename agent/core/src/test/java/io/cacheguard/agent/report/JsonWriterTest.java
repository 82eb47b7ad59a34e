package io.cacheguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON writer: every string survives a strict parser, and the output is pure ASCII. */
class JsonWriterTest {

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        JsonWriter.quote(text, out);
        return out.toString();
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertEquals("\"say \\\"hi\\\" to C:\\\\temp\"", quoted("say \"hi\" to C:\\temp"));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\"", quoted("\n\r\t\b\f\u0000\u001f\u007f"));
    }

    @Test
    void nonAsciiIsEscapedAndSupplementaryCharactersAsSurrogatePairs() {
        assertEquals("\"caf\\u00e9 \\u2028 \\ud83d\\ude00\"", quoted("café \u2028 \uD83D\uDE00"));
    }

    @Test
    void everyCharacterRoundTripsThroughAStrictParser() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00\uD800"); // a pair and a lone surrogate: Java strings hold both
        String text = all.toString();

        assertEquals(text, JsonParser.parse(quoted(text)));
        assertTrue(quoted(text).chars().allMatch(c -> c >= 0x20 && c < 0x7f));
    }

    @Test
    void nestedValuesWriteAndParseBackEqual() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("line", 57L);
        inner.put("lock", null);
        inner.put("static", true);
        inner.put("empty", List.of());
        inner.put("none", Map.of());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "com.acme.Cache$Inner");
        root.put("reasons", new ArrayList<>(Arrays.asList(inner, "text", null, false, -1L)));

        assertEquals(root, JsonParser.parse(JsonWriter.write(root)));
    }

    @Test
    void onlyJsonValuesAreWritten() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Map.of("when", new Object())));
    }
}
