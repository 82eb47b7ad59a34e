package io.cacheguard.agent.runtime;

/**
 * ConcurrentHashMap rejects null keys and values while the maps it replaces accept them; a null is
 * stored as this sentinel and turned back into null on the way out.
 */
final class NullMask {
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private NullMask() {
    }

    static Object mask(Object o) {
        return o == null ? NULL : o;
    }

    @SuppressWarnings("unchecked")
    static <T> T unmask(Object o) {
        return o == NULL ? null : (T) o;
    }
}
