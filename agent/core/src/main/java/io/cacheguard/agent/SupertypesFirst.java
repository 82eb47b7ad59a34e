package io.cacheguard.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * Orders class files so that each comes after its superclass and interfaces from the same set: a
 * class loader resolves supertypes while it defines a class, and the bootstrap loader would not
 * find one that is not defined yet.
 */
final class SupertypesFirst {
    private SupertypesFirst() {
    }

    /** @param classes jar entry name ({@code a/b/C.class}) → class file */
    static List<String> order(Map<String, byte[]> classes) {
        List<String> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String entry : classes.keySet()) {
            visit(entry, classes, done, ordered);
        }
        return ordered;
    }

    private static void visit(String entry, Map<String, byte[]> classes, Set<String> done, List<String> ordered) {
        if (!done.add(entry)) {
            return;
        }
        ClassReader reader = new ClassReader(classes.get(entry));
        List<String> supertypes = new ArrayList<>();
        if (reader.getSuperName() != null) {
            supertypes.add(reader.getSuperName());
        }
        supertypes.addAll(List.of(reader.getInterfaces()));
        for (String supertype : supertypes) {
            String supertypeEntry = supertype + ".class";
            if (classes.containsKey(supertypeEntry)) {
                visit(supertypeEntry, classes, done, ordered);
            }
        }
        ordered.add(entry);
    }
}
