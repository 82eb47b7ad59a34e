package io.cacheguard.agent.attach;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns are as wide as their widest cell. Fixed widths looked aligned
 * until a value was longer than its column (a cacheguard status with a JVM flag after it), and then
 * shifted every column after it on that row only.
 */
final class Table {
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header.clone());
    }

    void row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException(cells.length + " cells for " + rows.get(0).length + " columns");
        }
        rows.add(cells.clone());
    }

    /** Every row on its own line; the last column is not padded, so no line ends in spaces. */
    String render() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                text.append(row[i]).append(" ".repeat(widths[i] - row[i].length())).append(GAP);
            }
            text.append(row[columns - 1]).append(System.lineSeparator());
        }
        return text.toString();
    }
}
