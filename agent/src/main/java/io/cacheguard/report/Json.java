package io.cacheguard.report;

import java.util.Collection;
import java.util.Map;

/**
 * A minimal JSON writer for reports: objects built in insertion order, strings escaped per RFC 8259.
 * The agent ships no JSON library, so that it never meets the host's own copy.
 */
public final class Json {
    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    private Json() {
    }

    /** An object being built; {@link #toString()} closes it. */
    public static Json object() {
        Json json = new Json();
        json.out.append('{');
        return json;
    }

    public Json put(String key, Object value) {
        if (!first) {
            out.append(',');
        }
        first = false;
        appendString(out, key);
        out.append(':');
        appendValue(out, value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString() + '}';
    }

    private static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Json) {
            out.append(value);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? String.valueOf(d) : "null");
        } else if (value instanceof Map) {
            Json nested = object();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                nested.put(String.valueOf(e.getKey()), e.getValue());
            }
            out.append(nested);
        } else if (value instanceof Collection) {
            out.append('[');
            boolean firstItem = true;
            for (Object item : (Collection<?>) value) {
                if (!firstItem) {
                    out.append(',');
                }
                firstItem = false;
                appendValue(out, item);
            }
            out.append(']');
        } else {
            appendString(out, String.valueOf(value));
        }
    }

    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
