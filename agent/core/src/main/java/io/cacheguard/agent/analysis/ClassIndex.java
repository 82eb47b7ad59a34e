package io.cacheguard.agent.analysis;

import io.cacheguard.agent.classfile.ClassFileWalker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scan's whole input says about who can use a non-private member: the classes of each
 * package, the subclasses of each class, and the classes that name a member in a string constant
 * (reflection, or a dynamic language such as compiled Groovy, which reaches a field by its name
 * and ignores its access modifier). Only a source that holds every class can answer: a class loader
 * at run time finds a class by name but cannot list a package, and has none.
 *
 * <p>Built on the first question, in one walk over the constant pools, so a scan without
 * non-private map fields pays nothing.
 */
public final class ClassIndex {
    private static final int CONSTANT_STRING = 8;

    private final Map<String, List<String>> byPackage = new HashMap<>();
    private final Map<String, List<String>> directSubclasses = new HashMap<>();
    /** Identifier-like string constants → the classes holding them. */
    private final Map<String, List<String>> namedIn = new HashMap<>();

    ClassIndex(Map<String, byte[]> classes) {
        classes.forEach((name, bytes) -> {
            byPackage.computeIfAbsent(packageOf(name), k -> new ArrayList<>()).add(name);
            try {
                ClassFileWalker walker = new ClassFileWalker(bytes);
                String superName = walker.superName();
                if (superName != null) {
                    directSubclasses.computeIfAbsent(superName, k -> new ArrayList<>()).add(name);
                }
                walker.anyConstant((tag, offset) -> {
                    if (tag == CONSTANT_STRING) {
                        String text = walker.utf8(walker.constantAt(offset));
                        if (isIdentifier(text)) {
                            namedIn.computeIfAbsent(text, k -> new ArrayList<>(2)).add(name);
                        }
                    }
                    return false;
                });
            } catch (RuntimeException malformed) {
                // reported by the class's own analysis; here it only names nothing
            }
        });
    }

    /** The classes of a package ({@code a/b}), nested ones included. */
    List<String> classesIn(String packageName) {
        return byPackage.getOrDefault(packageName, List.of());
    }

    /** Every class that extends {@code internalName}, directly or not. */
    Set<String> subclassesOf(String internalName) {
        Set<String> found = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(directSubclasses.getOrDefault(internalName, List.of()));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (found.add(next)) {
                pending.addAll(directSubclasses.getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    /** The classes with a string constant equal to {@code name}. */
    List<String> classesNaming(String name) {
        return namedIn.getOrDefault(name, List.of());
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static boolean isIdentifier(String text) {
        if (text.isEmpty() || text.length() > 64 || !Character.isJavaIdentifierStart(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (!Character.isJavaIdentifierPart(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
