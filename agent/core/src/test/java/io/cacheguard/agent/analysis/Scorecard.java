package io.cacheguard.agent.analysis;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The catalogue's confusion matrix with PATCH as the positive class. A false positive wraps a map
 * that needed no wrapper and costs speed; a false negative leaves a racy map alone and can cost a
 * hang. Rows are expected verdicts plus fields reported without an expectation; columns are
 * reported verdicts plus "none" for a field without exactly one report.
 */
final class Scorecard {
    private static final int NONE = Verdict.values().length;

    private final int[][] counts = new int[NONE + 1][NONE + 1];
    private final int fields;
    private final long classFiles;
    private final List<FieldOutcome> mismatches;

    private Scorecard(List<FieldOutcome> outcomes) {
        for (FieldOutcome outcome : outcomes) {
            int row = outcome.expected() == null ? NONE : outcome.expected().verdict().ordinal();
            int column = outcome.failure() != null || outcome.reported() == null ? NONE : outcome.reported().ordinal();
            counts[row][column]++;
        }
        this.fields = outcomes.size();
        this.classFiles = outcomes.stream().map(FieldOutcome::subject).distinct().count();
        this.mismatches = outcomes.stream().filter(outcome -> !outcome.matches()).toList();
    }

    static Scorecard of(List<FieldOutcome> outcomes) {
        return new Scorecard(outcomes);
    }

    int truePositives() {
        return counts[Verdict.PATCH.ordinal()][Verdict.PATCH.ordinal()];
    }

    int falsePositives() {
        int sum = 0;
        for (int row = 0; row <= NONE; row++) {
            sum += row == Verdict.PATCH.ordinal() ? 0 : counts[row][Verdict.PATCH.ordinal()];
        }
        return sum;
    }

    int falseNegatives() {
        int sum = 0;
        for (int column = 0; column <= NONE; column++) {
            sum += column == Verdict.PATCH.ordinal() ? 0 : counts[Verdict.PATCH.ordinal()][column];
        }
        return sum;
    }

    /** TP / (TP + FP); NaN when nothing was patched. */
    double precision() {
        return (double) truePositives() / (truePositives() + falsePositives());
    }

    /** TP / (TP + FN); NaN when nothing should be patched. */
    double recall() {
        return (double) truePositives() / (truePositives() + falseNegatives());
    }

    List<FieldOutcome> mismatches() {
        return mismatches;
    }

    /** Every field whose verdict or reason differs from the catalogue, with the analysis' reasons. */
    String mismatchListing() {
        return mismatches.stream().map(FieldOutcome::explain).collect(Collectors.joining("\n"));
    }

    String render() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Analysis catalogue: %d fields in %d class files, %d mismatched%n",
                fields, classFiles, mismatches.size()));
        text.append(String.format(Locale.ROOT, "%-16s%8s%8s%8s%8s%n", "expected \\ got", "PATCH", "SAFE", "SKIP", "none"));
        for (int row = 0; row <= NONE; row++) {
            text.append(String.format(Locale.ROOT, "%-16s", row == NONE ? "no @Expect" : Verdict.values()[row].name()));
            for (int column = 0; column <= NONE; column++) {
                text.append(String.format(Locale.ROOT, "%8s", row == NONE && column == NONE ? "-" : counts[row][column]));
            }
            text.append(System.lineSeparator());
        }
        text.append(String.format(Locale.ROOT, "precision %.3f = %d true positives / (%d + %d false positives)%n",
                precision(), truePositives(), truePositives(), falsePositives()));
        text.append(String.format(Locale.ROOT, "recall    %.3f = %d true positives / (%d + %d false negatives)",
                recall(), truePositives(), truePositives(), falseNegatives()));
        return text.toString();
    }
}
