package io.cacheguard.agent.scan;

import io.cacheguard.agent.analysis.ClassBytesSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every class file of every input, by internal name. The analysis of one class reads its nest
 * members and map subclasses from here, so all inputs are read before any class is analysed.
 */
final class ClassFiles {
    private final Map<String, ClassFile> byName = new HashMap<>();
    private final Map<String, byte[]> bytesByName = new HashMap<>();

    /**
     * The first class file of a name wins, as on a class path; a multi-release variant gives way to
     * the base class file, which every JDK can load.
     */
    void add(ClassFile file) {
        ClassFile present = byName.get(file.internalName);
        if (present == null || present.versioned && !file.versioned) {
            byName.put(file.internalName, file);
            bytesByName.put(file.internalName, file.bytes);
        }
    }

    ClassBytesSource source() {
        return ClassBytesSource.of(bytesByName);
    }

    /** In name order, so that reports of the same inputs are the same, whatever the file system's order. */
    List<ClassFile> sorted() {
        List<ClassFile> files = new ArrayList<>(byName.values());
        files.sort(Comparator.comparing(f -> f.internalName));
        return files;
    }

    int size() {
        return byName.size();
    }
}
