package io.cacheguard.samples;

/**
 * One legacy racy-cache program. It returns its verdict instead of exiting so that tests can run it
 * in-process and the launcher alone decides how a verdict becomes an exit code.
 */
public interface Sample {

    /** The name users pass on the command line; it also appears in the {@code RESULT} line. */
    String name();

    /** One line for {@code --list}: the idiom and what goes wrong with it. */
    String description();

    /**
     * Plays rounds until an invariant that a correct map guarantees is violated or the budget is
     * spent. Never throws for a broken map: exceptions from the map are part of the verdict.
     */
    Result run(RunOptions options);
}
