package io.cacheguard.agent.htmlreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The two stacks of a race set against each other. Stacks are innermost frame first; the frames
 * both end with (the callers they share: the thread's run loop, the executor, the common entry
 * point) say nothing about the race and are kept apart, to be folded away. What is left is lined
 * up as a diff lines up two files: frames both stacks hold, in the same order, stand on one row
 * unmarked (a longest common subsequence), and between them the frames of each side that the other
 * lacks are paired row by row and marked: that is where the two code paths part. Aligning by
 * position alone would mark a shared frame as different whenever one side has one more call
 * above it, and stacks cut at {@code stackDepth} rarely end on the same caller.
 */
record StackComparison(List<Row> rows, List<String> sharedCallers) {

    /** One row of the two stacks side by side; a side is null where it has no frame for the row. */
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
        List<String> earlierOwn = earlier.subList(0, earlier.size() - shared);
        List<String> laterOwn = later.subList(0, later.size() - shared);
        return new StackComparison(align(earlierOwn, laterOwn),
                List.copyOf(earlier.subList(earlierOwn.size(), earlier.size())));
    }

    private static List<Row> align(List<String> earlier, List<String> later) {
        int n = earlier.size();
        int m = later.size();
        // common[i][j]: the longest common subsequence of earlier[i..] and later[j..]
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = earlier.get(i).equals(later.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> earlierOnly = new ArrayList<>();
        List<String> laterOnly = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && earlier.get(i).equals(later.get(j)) && common[i][j] == common[i + 1][j + 1] + 1) {
                pair(earlierOnly, laterOnly, rows);
                rows.add(new Row(earlier.get(i++), later.get(j++)));
            } else if (j == m || i < n && common[i + 1][j] >= common[i][j + 1]) {
                earlierOnly.add(earlier.get(i++));
            } else {
                laterOnly.add(later.get(j++));
            }
        }
        pair(earlierOnly, laterOnly, rows);
        return rows;
    }

    /** The frames each side has and the other lacks, between two shared ones, side by side. */
    private static void pair(List<String> earlierOnly, List<String> laterOnly, List<Row> rows) {
        for (int k = 0; k < Math.max(earlierOnly.size(), laterOnly.size()); k++) {
            rows.add(new Row(k < earlierOnly.size() ? earlierOnly.get(k) : null, k < laterOnly.size() ? laterOnly.get(k) : null));
        }
        earlierOnly.clear();
        laterOnly.clear();
    }
}
