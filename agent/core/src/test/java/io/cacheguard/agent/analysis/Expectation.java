package io.cacheguard.agent.analysis;

import java.util.Locale;

/** The verdict one field must get, and text one of its reasons must contain (empty: any wording). */
record Expectation(String field, Verdict verdict, String reason) {

    static Expectation of(String field, Verdict verdict) {
        return new Expectation(field, verdict, "");
    }

    boolean isMetBy(FieldReport report) {
        return report.verdict() == verdict && (reason.isEmpty() || report.reasons().stream()
                .anyMatch(r -> r.message().toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT))));
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? verdict.name() : verdict.name() + " with a reason containing \"" + reason + "\"";
    }
}
