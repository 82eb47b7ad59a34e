package io.cacheguard.agent.transform;

import io.cacheguard.agent.analysis.CacheSelector;
import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * The classes whose cache map fields a class reads or writes, from the Fieldref constants of its
 * constant pool: the owners whose decisions a class must follow (inner classes, lambdas in other
 * classes, other classes of the package touching a non-private field). Only fields the selector
 * takes for caches count, so no other class file is ever read for an ordinary map field.
 */
final class MapFieldRefs {
    private static final int FIELDREF = 9;

    private MapFieldRefs() {
    }

    static Set<String> foreignOwners(ClassReader reader, CacheSelector selector) {
        Set<String> owners = new LinkedHashSet<>();
        char[] buffer = new char[reader.getMaxStringLength()];
        String self = reader.getClassName();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || reader.readByte(offset - 1) != FIELDREF) {
                continue;
            }
            String owner = reader.readClass(offset, buffer);
            if (owner.equals(self) || owner.startsWith("java/") || owner.startsWith("[")) {
                continue;
            }
            int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
            String descriptor = reader.readUTF8(nameAndType + 2, buffer);
            if (descriptor.startsWith("Ljava/util/") && descriptor.endsWith("Map;")
                    && selector.isCacheField(owner.replace('/', '.'), reader.readUTF8(nameAndType, buffer))) {
                owners.add(owner);
            }
        }
        return owners;
    }
}
