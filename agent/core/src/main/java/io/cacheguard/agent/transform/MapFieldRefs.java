package io.cacheguard.agent.transform;

import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.classfile.ClassFileWalker;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The classes whose cache map fields a class reads or writes, from the Fieldref constants of its
 * constant pool: the owners whose decisions a class must follow (inner classes, lambdas in other
 * classes, other classes of the package touching a non-private field). Only fields the selector
 * takes for caches count, so no other class file is ever read for an ordinary map field.
 */
final class MapFieldRefs {
    private MapFieldRefs() {
    }

    static Set<String> foreignOwners(byte[] classFile, CacheSelector selector) {
        Set<String> owners = new LinkedHashSet<>();
        ClassFileWalker walker = new ClassFileWalker(classFile);
        String self = walker.className();
        walker.anyConstant((tag, offset) -> {
            if (tag != ClassFileWalker.FIELDREF) {
                return false;
            }
            String owner = walker.refOwner(offset);
            if (owner.equals(self) || owner.startsWith("java/") || owner.startsWith("[")) {
                return false;
            }
            String descriptor = walker.refDescriptor(offset);
            if (descriptor.startsWith("Ljava/util/") && descriptor.endsWith("Map;")
                    && selector.isCacheField(owner.replace('/', '.'), walker.refName(offset))) {
                owners.add(owner);
            }
            return false;
        });
        return owners;
    }
}
