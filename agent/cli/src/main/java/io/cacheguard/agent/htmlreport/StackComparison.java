package io.cacheguard.agent.htmlreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The two stacks of a race set against each other. Stacks are innermost frame first; the frames
 * both end with (the callers they share: the thread's run loop, the executor, the common entry
 * point) say nothing about the race and are kept apart, to be folded away. What is left is compared
 * row by row from the map access down, and a row whose two frames differ is marked: that is where
 * the two code paths part.
 */
record StackComparison(List<Row> rows, List<String> sharedCallers) {

    /** One row of the two stacks side by side; a side is null where its stack is shorter. */
    record Row(String earlier, String later) {
        boolean differs() {
            return !Objects.equals(earlier, later);
        }
    }

    static StackComparison of(List<String> earlier, List<String> later) {
        // the access frames are always shown, even when two threads ran the very same code
        int limit = Math.max(0, Math.min(earlier.size(), later.size()) - 1);
        int shared = 0;
        while (shared < limit && earlier.get(earlier.size() - 1 - shared).equals(later.get(later.size() - 1 - shared))) {
            shared++;
        }
        List<Row> rows = new ArrayList<>();
        int earlierOwn = earlier.size() - shared;
        int laterOwn = later.size() - shared;
        for (int i = 0; i < Math.max(earlierOwn, laterOwn); i++) {
            rows.add(new Row(i < earlierOwn ? earlier.get(i) : null, i < laterOwn ? later.get(i) : null));
        }
        return new StackComparison(rows, List.copyOf(earlier.subList(earlierOwn, earlier.size())));
    }
}
