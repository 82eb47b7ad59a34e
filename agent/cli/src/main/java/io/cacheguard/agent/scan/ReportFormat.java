package io.cacheguard.agent.scan;

import java.util.Locale;
import java.util.function.Function;

/** The report formats of {@code --format}. */
enum ReportFormat {
    TEXT(TextReport::render),
    JSON(JsonReport::render),
    SARIF(SarifReport::render);

    private final Function<ScanResult, String> renderer;

    ReportFormat(Function<ScanResult, String> renderer) {
        this.renderer = renderer;
    }

    String render(ScanResult result) {
        return renderer.apply(result);
    }

    /** The format named on the command line, or null for a name that is none of them. */
    static ReportFormat named(String name) {
        for (ReportFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
                return format;
            }
        }
        return null;
    }
}
