package io.cacheguard.transform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

class SyncPreFilterTest {
    static final class Plain {
        int total;

        int add(int x) {
            total += x;
            return total;
        }
    }

    static final class BlockOnly {
        private final Object guard = new Object();
        private int count;

        void bump() {
            synchronized (guard) {
                count++;
            }
        }
    }

    static final class SynchronizedMethod {
        private int count;

        synchronized void bump() {
            count++;
        }
    }

    static final class VolatileFlag {
        volatile boolean ready;
    }

    static final class Concurrent {
        final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();
    }

    @Test
    void aClassWithoutSynchronizationIsSkipped() throws IOException {
        assertFalse(SyncPreFilter.mayNeedHooks(reader(Plain.class)));
    }

    @Test
    void monitorsFlagsAndModelledTypesAreSeen() throws IOException {
        assertTrue(SyncPreFilter.mayNeedHooks(reader(BlockOnly.class)), "a synchronized block");
        assertTrue(SyncPreFilter.mayNeedHooks(reader(SynchronizedMethod.class)), "a synchronized method");
        assertTrue(SyncPreFilter.mayNeedHooks(reader(VolatileFlag.class)), "a volatile field");
        assertTrue(SyncPreFilter.mayNeedHooks(reader(Concurrent.class)), "a java.util.concurrent type");
    }

    private static ClassReader reader(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                + ".class")) {
            return new ClassReader(in.readAllBytes());
        }
    }
}
