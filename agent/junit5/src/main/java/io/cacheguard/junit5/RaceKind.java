package io.cacheguard.junit5;

/** The kinds of race the agent reports, by the labels of its log and report. */
public enum RaceKind {
    WRITE_WRITE("write-write"), READ_WRITE("read-write");

    private final String label;

    RaceKind(String label) {
        this.label = label;
    }

    /** As the agent writes it: {@code write-write}, {@code read-write}. */
    public String label() {
        return label;
    }
}
