package io.cacheguard.agent.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as JSON: indented for reports
 * a person may read, or on one line for JSON Lines. Everything outside printable ASCII is escaped,
 * so the output is the same bytes in any console encoding. The agent ships no JSON library, so that
 * it never meets the host's own copy.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String INDENT = "  ";

    private JsonWriter() {
    }

    /** Indented, ending with a newline. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    /** On one line, without a newline: one JSON Lines record. */
    public static String writeLine(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, -1);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            quote((String) value, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map) {
            writeObject((Map<?, ?>) value, out, depth);
        } else if (value instanceof List) {
            writeArray((List<?>) value, out, depth);
        } else if (value instanceof Json) {
            write(((Json) value).fields(), out, depth);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void writeObject(Map<?, ?> object, StringBuilder out, int depth) {
        if (object.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = object.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newLine(out, inner(depth));
            quote((String) entry.getKey(), out);
            out.append(depth < 0 ? ":" : ": ");
            write(entry.getValue(), out, inner(depth));
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        newLine(out, depth);
        out.append('}');
    }

    private static void writeArray(List<?> array, StringBuilder out, int depth) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            newLine(out, inner(depth));
            write(array.get(i), out, inner(depth));
            if (i < array.size() - 1) {
                out.append(',');
            }
        }
        newLine(out, depth);
        out.append(']');
    }

    /** The depth of a nested value; writing on one line is depth -1 all the way down. */
    private static int inner(int depth) {
        return depth < 0 ? depth : depth + 1;
    }

    /** A new line at {@code depth}; none at all when writing one line (negative depth). */
    private static void newLine(StringBuilder out, int depth) {
        if (depth < 0) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append(INDENT);
        }
    }

    /**
     * A JSON string literal. Characters outside printable ASCII become {@code \}{@code uXXXX}; a
     * supplementary character is already two UTF-16 units, which is exactly JSON's escape for it.
     */
    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
