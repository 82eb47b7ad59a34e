package io.cacheguard.agent.analysis;

import java.util.regex.Pattern;

/**
 * A class-name pattern in JaCoCo's syntax: {@code *} matches any run of characters (dots
 * included), {@code ?} exactly one; names are dotted ({@code com.acme.*Cache}).
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    public Glob(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
