package io.cacheguard.agent.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The list table: columns as wide as their widest cell, whatever the values. */
class TableTest {
    @Test
    void aLongValueWidensItsColumnOnEveryRow() {
        Table table = new Table("PID", "CACHEGUARD", "MAIN");
        table.row("41870", "no", "app.jar");
        table.row("7", "version=0.1.0-SNAPSHOT mode=both start=attach (-XX:-EnableDynamicAgentLoading: cannot attach)",
                "com.acme.Server");

        List<String> lines = table.render().lines().toList();

        int main = lines.get(0).indexOf("MAIN");
        assertEquals(main, lines.get(1).indexOf("app.jar"));
        assertEquals(main, lines.get(2).indexOf("com.acme.Server"));
        assertEquals(lines.get(0).indexOf("CACHEGUARD"), lines.get(1).indexOf("no"));
    }

    @Test
    void theLastColumnIsNotPadded() {
        Table table = new Table("A", "B");
        table.row("1", "a long last value");

        assertEquals(List.of("A  B", "1  a long last value"), table.render().lines().toList());
    }
}
