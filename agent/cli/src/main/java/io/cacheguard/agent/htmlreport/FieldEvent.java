package io.cacheguard.agent.htmlreport;

import java.util.List;

/**
 * A decision about a field ({@code patched}, {@code tracked}, {@code skipped}, {@code safe}) or an
 * {@code error}, with its reasons, the deciding one first. {@code loaders} counts the events that
 * said the same of the same field: a class defined by several class loaders is decided once each.
 */
record FieldEvent(int line, String event, String subject, String declaredType, List<String> reasons, int loaders) {

    FieldEvent withOneMoreLoader() {
        return new FieldEvent(line, event, subject, declaredType, reasons, loaders + 1);
    }
}
