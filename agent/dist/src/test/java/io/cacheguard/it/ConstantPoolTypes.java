package io.cacheguard.it;

import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;

/**
 * The internal names of all types a class file refers to: in its constant pool, descriptors,
 * signatures and annotations. A remapping pass sees every one of them, which is why it is used here.
 */
public final class ConstantPoolTypes {
    private ConstantPoolTypes() {
    }

    public static Set<String> referencedTypes(ClassReader reader) {
        Set<String> types = new TreeSet<>();
        Remapper recorder = new Remapper() {
            @Override
            public String map(String internalName) {
                types.add(internalName);
                return internalName;
            }
        };
        reader.accept(new ClassRemapper(new ClassNode(Opcodes.ASM9), recorder), 0);
        return types;
    }
}
