package io.cacheguard.agent.analysis;

import java.util.List;

/**
 * Who besides its own class can use a package-private or protected field, as far as the whole
 * program of a scan shows: the classes that name it in a field reference (analysed with the owner,
 * their locks counted like its own), and those that name it in a string constant, whose use the
 * analysis cannot follow.
 */
final class FieldReach {
    /** {@code its package} or {@code its package or its subclasses}, in words for reasons. */
    final String scope;
    final List<String> users;
    final List<String> namedBy;

    FieldReach(String scope, List<String> users, List<String> namedBy) {
        this.scope = scope;
        this.users = users;
        this.namedBy = namedBy;
    }

    /** Every use is in code the analysis has read: no class names the field in a string. */
    boolean seesEveryUse() {
        return namedBy.isEmpty();
    }

    /**
     * Why the field's visibility does not matter here, as {@code the field is package-private; the
     * classes of its package in the scanned inputs that use it (AbstractClassGenerator) were judged
     * with this class}.
     */
    String reason(String visibility) {
        if (users.isEmpty()) {
            return "the field is " + visibility + ", but no other class of " + scope + " in the scanned inputs uses it";
        }
        StringBuilder text = new StringBuilder("the field is " + visibility + "; the classes of " + scope
                + " in the scanned inputs that use it (");
        for (int i = 0; i < Math.min(3, users.size()); i++) {
            String user = users.get(i);
            text.append(i == 0 ? "" : ", ").append(user.substring(user.lastIndexOf('/') + 1));
        }
        return text.append(users.size() > 3 ? ", and " + (users.size() - 3) + " more" : "")
                .append(") were judged with this class").toString();
    }
}
