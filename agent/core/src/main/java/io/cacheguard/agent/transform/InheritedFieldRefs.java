package io.cacheguard.agent.transform;

import io.cacheguard.agent.analysis.ClassBytesSource;
import io.cacheguard.agent.classfile.ClassFileWalker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The map fields a class reaches through a class that does not declare them: {@code map = new
 * HashMap<>()} in a subclass constructor compiles to {@code putfield Sub.map}, though {@code map}
 * is {@code Base}'s. The rewrite follows the declaring class's decision for such a reference, as
 * the JVM's field resolution does (JVMS 5.4.3.2: the class, then its superclasses), so a store
 * into an inherited field is routed exactly as one into an own field, in every mode.
 */
final class InheritedFieldRefs {
    /** A reference {@code owner.field} to a map field that {@code declaring}, a superclass of {@code owner}, declares. */
    record Ref(String owner, String field, String declaring) {
    }

    private InheritedFieldRefs() {
    }

    /**
     * The class's references to map fields that their named owner only inherits.
     *
     * @param known references already planned from their owner's own decision: not resolved again,
     *              so no class file is read for them
     */
    static List<Ref> of(byte[] classFile, ClassBytesSource classes, BiPredicate<String, String> known) {
        ClassFileWalker walker = new ClassFileWalker(classFile);
        String self = walker.className();
        List<String[]> candidates = new ArrayList<>();
        walker.anyConstant((tag, offset) -> {
            if (tag == ClassFileWalker.FIELDREF) {
                String owner = walker.refOwner(offset);
                String descriptor = walker.refDescriptor(offset);
                String field = walker.refName(offset);
                if (!owner.startsWith("java/") && !owner.startsWith("[") && descriptor.startsWith("Ljava/util/")
                        && descriptor.endsWith("Map;") && !known.test(owner, field)) {
                    candidates.add(new String[] {owner, field});
                }
            }
            return false;
        });
        List<Ref> refs = new ArrayList<>();
        for (String[] candidate : candidates) {
            ClassFileWalker owner = candidate[0].equals(self) ? walker : read(classes.bytesOf(candidate[0]));
            if (owner == null || !owner.className().equals(candidate[0])) {
                continue;
            }
            String declaring;
            try {
                declaring = declaringSuperclass(owner, candidate[1], classes);
            } catch (RuntimeException malformed) {
                continue; // a class file of the chain that cannot be read: the reference stays as it is
            }
            if (declaring != null) {
                refs.add(new Ref(candidate[0], candidate[1], declaring));
            }
        }
        return refs;
    }

    /**
     * The superclass that declares {@code field}, or null when {@code owner} declares it itself or
     * no class file of the chain can be read (the JDK's, which hold no cache of ours, are not read).
     */
    private static String declaringSuperclass(ClassFileWalker owner, String field, ClassBytesSource classes) {
        if (declares(owner, field)) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        String name = owner.superName();
        while (name != null && !name.startsWith("java/") && seen.add(name)) {
            ClassFileWalker superclass = read(classes.bytesOf(name));
            if (superclass == null) {
                return null;
            }
            if (declares(superclass, field)) {
                return name;
            }
            name = superclass.superName();
        }
        return null;
    }

    private static boolean declares(ClassFileWalker type, String field) {
        boolean[] found = {false};
        type.anyMember(new ClassFileWalker.MemberVisitor() {
            @Override
            public boolean field(int access, int member) {
                found[0] = type.memberName(member).equals(field);
                return found[0];
            }

            @Override
            public boolean method(int access, int member, int codeStart, int codeLength) {
                return true; // fields come first: none is left
            }
        });
        return found[0];
    }

    private static ClassFileWalker read(byte[] classFile) {
        try {
            return classFile == null ? null : new ClassFileWalker(classFile);
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
