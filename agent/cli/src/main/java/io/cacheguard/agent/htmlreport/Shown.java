package io.cacheguard.agent.htmlreport;

import io.cacheguard.agent.report.AgentLog;

/**
 * Values from the report as the page and the text show them. Thread names, class, field, method
 * and file names and messages come from the program the agent watched (a class file may name a
 * field {@code <script>}), so every value is escaped before it is written: markup characters
 * become entities (on the page), and control characters,
 * line separators and bidirectional overrides are shown as Java escapes, as the log shows them,
 * so a name cannot hide or reorder the text around it.
 */
final class Shown {
    private Shown() {
    }

    /**
     * As the agent's log shows a value, and a surrogate without its pair (a JSON {@code \\ud800}
     * is legal, and a thread name may hold one) escaped too: no encoder can write it, and the
     * page's UTF-8 writer would refuse the whole page for it.
     */
    static String plain(String value) {
        String shown = AgentLog.escape(value);
        StringBuilder out = null;
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(shown.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(shown.length() + 16).append(shown, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? shown : out.toString();
    }

    /** Safe as element text and as a quoted attribute value. */
    static String html(String value) {
        String shown = plain(value);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
