package io.cacheguard.agent.analysis;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The classes of the program an analysis follows a map into (a factory that makes it, a method it is
 * passed to), each read once from the class bytes source: the scan's inputs, or the class loader at
 * run time. A class that cannot be read is remembered as such, so it is not asked for again.
 */
final class OtherClasses {
    private final ClassBytesSource source;
    private final Map<String, ClassNode> read = new HashMap<>();

    OtherClasses(ClassBytesSource source) {
        this.source = source;
    }

    /** Class {@code internalName}, or null when the source does not have it. */
    ClassNode classOf(String internalName) {
        if (read.containsKey(internalName)) {
            return read.get(internalName);
        }
        byte[] bytes = source.bytesOf(internalName);
        ClassNode node = bytes == null ? null : ClassAnalyzer.read(bytes);
        read.put(internalName, node);
        return node;
    }

    /** The method of {@code owner} with this name and descriptor that has a body, or null. */
    static MethodNode bodyOf(ClassNode owner, String name, String desc) {
        for (MethodNode method : owner.methods) {
            if (method.name.equals(name) && method.desc.equals(desc)
                    && (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
                return method;
            }
        }
        return null;
    }
}
