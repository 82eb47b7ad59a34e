package io.cacheguard.agent.analysis;

import java.util.List;

/**
 * Who besides its own class can use a package-private or protected field, as far as the whole
 * program of a scan shows: the classes that name it in a field reference (analysed with the owner,
 * their locks counted like its own), and those that name it in a string constant, whose use the
 * analysis cannot follow.
 */
final class FieldReach {
    /** {@code its package} or {@code its package and its subclasses}, in words for reasons. */
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

    /** {@code 2 classes (AbstractClassGenerator, ...)} or {@code no other class}. */
    String describeUsers() {
        if (users.isEmpty()) {
            return "no other class";
        }
        StringBuilder text = new StringBuilder(users.size() == 1 ? "1 other class (" : users.size() + " other classes (");
        for (int i = 0; i < Math.min(3, users.size()); i++) {
            String user = users.get(i);
            text.append(i == 0 ? "" : ", ").append(user.substring(user.lastIndexOf('/') + 1));
        }
        return text.append(users.size() > 3 ? ", ...)" : ")").toString();
    }
}
