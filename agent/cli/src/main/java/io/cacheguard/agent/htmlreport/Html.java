package io.cacheguard.agent.htmlreport;

import io.cacheguard.agent.report.AgentLog;

/**
 * Text for the page. Thread names, class, field, method and file names and messages come from the
 * program the agent watched (a class file may name a field {@code <script>}), so every value is
 * escaped before it is written: markup characters become entities, and control characters,
 * line separators and bidirectional overrides are shown as Java escapes, as the log shows them,
 * so a name cannot hide or reorder the text around it.
 */
final class Html {
    private Html() {
    }

    /** Safe as element text and as a quoted attribute value. */
    static String text(String value) {
        String shown = AgentLog.escape(value);
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
