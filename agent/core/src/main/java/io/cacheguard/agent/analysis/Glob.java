package io.cacheguard.agent.analysis;

/**
 * A class-name pattern in JaCoCo's syntax: {@code *} matches any run of characters (dots
 * included), {@code ?} exactly one; names are dotted ({@code com.acme.*Cache}).
 *
 * <p>Matched by hand, not through a regular expression: a glob comes from the user and is matched
 * against every class the JVM loads, and a regex would cost time to compile that grows with the
 * square of a long literal (a megabyte {@code includes=} value took minutes in
 * {@code Pattern.compile}) and backtrack without bound on a glob such as {@code *a*a*a*a*b}. Here
 * a match costs at most the glob's length times the name's.
 */
public final class Glob {
    private final String text;
    /** Whether any name has matched: an {@code includes} entry that never did is reported at exit. */
    private volatile boolean matched;

    public Glob(String text) {
        this.text = text;
    }

    /**
     * The classic wildcard walk: on a mismatch, go back to the last {@code *} and let it take one
     * character more; an earlier {@code *} never needs revisiting, since the later one can take
     * anything the earlier one could have.
     */
    public boolean matches(String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            char c = p < text.length() ? text.charAt(p) : 0;
            if (p < text.length() && c == '*') {
                star = p++;
                resume = n;
            } else if (p < text.length() && (c == '?' || c == name.charAt(n))) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < text.length() && text.charAt(p) == '*') {
            p++;
        }
        boolean match = p == text.length();
        if (match && !matched) {
            matched = true; // written once: later matches only read the flag
        }
        return match;
    }

    /** Whether this glob has matched any name so far. */
    public boolean matchedAny() {
        return matched;
    }

    @Override
    public String toString() {
        return text;
    }
}
