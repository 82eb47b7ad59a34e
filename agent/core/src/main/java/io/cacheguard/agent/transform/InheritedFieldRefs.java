package io.cacheguard.agent.transform;

import io.cacheguard.agent.analysis.ClassBytesSource;
import io.cacheguard.agent.classfile.ClassFileWalker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;

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

    /** The class's references to map fields that their named owner only inherits. */
    static List<Ref> of(ClassReader reader, ClassBytesSource classes) {
        ClassFileWalker walker = new ClassFileWalker(reader);
        List<String[]> candidates = new ArrayList<>();
        walker.anyConstant((tag, offset) -> {
            if (tag == ClassFileWalker.FIELDREF) {
                String owner = walker.refOwner(offset);
                String descriptor = walker.refDescriptor(offset);
                if (!owner.startsWith("java/") && !owner.startsWith("[") && descriptor.startsWith("Ljava/util/")
                        && descriptor.endsWith("Map;")) {
                    candidates.add(new String[] {owner, walker.refName(offset)});
                }
            }
            return false;
        });
        List<Ref> refs = new ArrayList<>();
        for (String[] candidate : candidates) {
            byte[] ownerFile = candidate[0].equals(reader.getClassName()) ? null : classes.bytesOf(candidate[0]);
            ClassReader owner = ownerFile == null ? reader : read(ownerFile);
            if (owner == null || !owner.getClassName().equals(candidate[0])) {
                continue;
            }
            String declaring = declaringSuperclass(owner, candidate[1], classes);
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
    private static String declaringSuperclass(ClassReader owner, String field, ClassBytesSource classes) {
        if (declares(owner, field)) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        String name = owner.getSuperName();
        while (name != null && !name.startsWith("java/") && seen.add(name)) {
            byte[] file = classes.bytesOf(name);
            ClassReader superclass = file == null ? null : read(file);
            if (superclass == null) {
                return null;
            }
            if (declares(superclass, field)) {
                return name;
            }
            name = superclass.getSuperName();
        }
        return null;
    }

    private static boolean declares(ClassReader type, String field) {
        ClassFileWalker walker = new ClassFileWalker(type);
        return walker.anyMember(new ClassFileWalker.MemberVisitor() {
            @Override
            public boolean field(int access, int member) {
                return walker.memberName(member).equals(field);
            }

            @Override
            public boolean method(int access, int member, int codeStart, int codeLength) {
                return false;
            }
        });
    }

    private static ClassReader read(byte[] classFile) {
        try {
            return new ClassReader(classFile);
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
