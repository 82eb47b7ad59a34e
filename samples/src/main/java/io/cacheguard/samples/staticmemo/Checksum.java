package io.cacheguard.samples.staticmemo;

/**
 * The computation being memoized. Deterministic, so two threads that both miss and both compute
 * store equal values: the get-then-put race is harmless with a correct map, and any wrong or
 * missing value afterwards is the map's fault.
 */
final class Checksum {

    private Checksum() {
    }

    static String of(int block) {
        long mixed = block * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 32;
        return Long.toHexString(mixed);
    }
}
