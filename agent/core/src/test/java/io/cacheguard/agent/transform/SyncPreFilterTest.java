package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

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

    /** Switches have padding and tables: the instruction walk must step over them, not into them. */
    static final class Switches {
        int dense(int x) {
            switch (x) {
                case 1: return 10;
                case 2: return 20;
                case 3: return 30;
                case 4: return 40;
                default: return 0;
            }
        }

        int sparse(int x) {
            switch (x) {
                case 1: return 10;
                case 1000: return 20;
                case 194: return 30;
                case 0xC2C2: return 40;
                default: return 0;
            }
        }

        long wide(long a) {
            long[] values = new long[300];
            values[299] = a;
            return values[299];
        }
    }

    static final class SwitchThenMonitor {
        private final Object guard = new Object();
        private int count;

        int step(int x) {
            switch (x) {
                case 1: x = 5; break;
                case 1000: x = 7; break;
                default: break;
            }
            synchronized (guard) {
                count += x;
            }
            return count;
        }
    }

    @Test
    void aClassWithoutSynchronizationIsSkipped() throws IOException {
        assertFalse(SyncPreFilter.mayNeedHooks(classFile(Plain.class)));
        assertFalse(SyncPreFilter.mayNeedHooks(classFile(Switches.class)), "0xC2 as a switch key is no monitorenter");
    }

    @Test
    void aMonitorAfterSwitchTablesIsFound() throws IOException {
        assertTrue(SyncPreFilter.mayNeedHooks(classFile(SwitchThenMonitor.class)));
    }

    @Test
    void monitorsFlagsAndModelledTypesAreSeen() throws IOException {
        assertTrue(SyncPreFilter.mayNeedHooks(classFile(BlockOnly.class)), "a synchronized block");
        assertTrue(SyncPreFilter.mayNeedHooks(classFile(SynchronizedMethod.class)), "a synchronized method");
        assertTrue(SyncPreFilter.mayNeedHooks(classFile(VolatileFlag.class)), "a volatile field");
        assertTrue(SyncPreFilter.mayNeedHooks(classFile(Concurrent.class)), "a java.util.concurrent type");
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                + ".class")) {
            return in.readAllBytes();
        }
    }
}
