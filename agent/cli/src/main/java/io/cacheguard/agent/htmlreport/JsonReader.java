package io.cacheguard.agent.htmlreport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) for one line of the agent's report: objects become ordered maps,
 * arrays lists, integers {@code Long}, other numbers {@code Double}. The agent ships no JSON
 * library (it must never meet the host's copy), and its writer ({@code JsonWriter}) has no reader.
 *
 * <p>Strict, because a report line is either what the agent wrote or damage (a JVM killed in the
 * middle of a write, a file edited by hand): anything that is not exactly one JSON value is
 * refused with the column where it went wrong, so the damage is named rather than half-read.
 * Nesting is capped, so a hostile line of a million {@code [} cannot overflow the stack.
 */
final class JsonReader {
    /** Deeper than anything the agent writes (an event nests four levels). */
    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The one JSON value {@code text} holds, whitespace around it allowed. */
    static Object parse(String text) throws JsonSyntaxException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("text after the JSON value");
        }
        return value;
    }

    private Object value() throws JsonSyntaxException {
        if (pos >= text.length()) {
            throw error("the line ends where a value should be");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || isDigit(c)) {
                    return number();
                }
                throw error("unexpected " + describe(c));
        }
    }

    private Map<String, Object> object() throws JsonSyntaxException {
        enter();
        Map<String, Object> object = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("the line ends where a key should be");
            }
            if (peek() != '"') {
                throw error("a key (a string) expected");
            }
            String key = string();
            if (object.containsKey(key)) {
                throw error("the key \"" + key + "\" twice");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(key, value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                depth--;
                return object;
            }
        }
    }

    private List<Object> array() throws JsonSyntaxException {
        enter();
        List<Object> array = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                depth--;
                return array;
            }
        }
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() throws JsonSyntaxException {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("the line ends inside a string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("a control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("the line ends inside a string");
            }
            char escape = text.charAt(pos++);
            switch (escape) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u': out.append(hexChar()); break;
                default:
                    pos--;
                    throw error("the escape \\" + describe(escape) + " is not JSON");
            }
        }
    }

    private char hexChar() throws JsonSyntaxException {
        if (pos + 4 > text.length()) {
            throw error("the line ends inside a \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0) {
                throw error("a \\u escape needs four hex digits");
            }
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    /** RFC 8259's number grammar exactly: no leading zeros, no bare '.', no '+' sign, no NaN. */
    private Object number() throws JsonSyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("a digit expected");
        }
        boolean integer = true;
        if (peek() == '.') {
            integer = false;
            pos++;
            requireDigit();
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigit();
            digits();
        }
        String number = text.substring(start, pos);
        if (integer) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException tooLong) {
                return Double.parseDouble(number); // past a long: JSON allows it, a count this large is approximate anyway
            }
        }
        return Double.parseDouble(number);
    }

    private void requireDigit() throws JsonSyntaxException {
        if (!isDigit(peek())) {
            throw error("a digit expected");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe(text.charAt(pos)));
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws JsonSyntaxException {
        if (pos >= text.length()) {
            throw error("the line ends where '" + c + "' should be");
        }
        if (peek() != c) {
            throw error("'" + c + "' expected, found " + describe(peek()));
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private JsonSyntaxException error(String what) {
        return new JsonSyntaxException(what, pos + 1);
    }
}
