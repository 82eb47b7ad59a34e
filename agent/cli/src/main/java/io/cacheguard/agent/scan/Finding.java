package io.cacheguard.agent.scan;

import io.cacheguard.agent.analysis.FieldReport;

/** One selected field's report and the class file it was read from. */
final class Finding {
    final FieldReport report;
    final String origin;

    Finding(FieldReport report, String origin) {
        this.report = report;
        this.origin = origin;
    }
}
