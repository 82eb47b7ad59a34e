package io.cacheguard.agent.analysis;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Classifies an application's own map class (an anonymous LRU {@code LinkedHashMap}, a named
 * subclass) by reading its class file and its superclasses', without loading any of them.
 */
final class MapSubclasses {
    enum Kind {
        HASH_MAP(" (HashMap subclass)"),
        LINKED_HASH_MAP(" (LinkedHashMap subclass)"),
        LINKED_HASH_MAP_ACCESS_ORDER(" (access-ordered LinkedHashMap subclass)"),
        WEAK_HASH_MAP(" (WeakHashMap subclass)"),
        OTHER(""),
        UNKNOWN(" (class file not found)");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        String suffix() {
            return suffix;
        }
    }

    private static final int MAX_DEPTH = 16;

    private final ClassBytesSource source;
    private final Map<String, Kind> known = new HashMap<>();

    MapSubclasses(ClassBytesSource source) {
        this.source = source;
    }

    Kind classify(String internalName) {
        return known.computeIfAbsent(internalName, this::inspect);
    }

    private Kind inspect(String internalName) {
        boolean accessOrder = false;
        String current = internalName;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            switch (current) {
                case "java/util/HashMap":
                    return Kind.HASH_MAP;
                case "java/util/LinkedHashMap":
                    return accessOrder ? Kind.LINKED_HASH_MAP_ACCESS_ORDER : Kind.LINKED_HASH_MAP;
                case "java/util/WeakHashMap":
                    return Kind.WEAK_HASH_MAP;
                default:
                    break;
            }
            if (MapTypes.isJdkOwner(current)) {
                return Kind.OTHER;
            }
            byte[] bytes = source.bytesOf(current);
            if (bytes == null) {
                return Kind.UNKNOWN;
            }
            ClassNode node = new ClassNode();
            try {
                new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            } catch (RuntimeException malformed) {
                return Kind.UNKNOWN;
            }
            accessOrder |= passesAccessOrder(node);
            if (node.superName == null) {
                return Kind.OTHER;
            }
            current = node.superName;
        }
        return Kind.UNKNOWN;
    }

    /**
     * Whether a constructor may call {@code LinkedHashMap(int, float, boolean)} with anything but a
     * literal false; the flag is the last argument, so it is pushed right before the call.
     */
    private static boolean passesAccessOrder(ClassNode node) {
        for (MethodNode method : node.methods) {
            if (!method.name.equals("<init>")) {
                continue;
            }
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn.getOpcode() == Opcodes.INVOKESPECIAL && insn instanceof MethodInsnNode
                        && ((MethodInsnNode) insn).name.equals("<init>")
                        && ((MethodInsnNode) insn).desc.equals("(IFZ)V")) {
                    AbstractInsnNode flag = insn.getPrevious();
                    if (flag == null || flag.getOpcode() != Opcodes.ICONST_0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
