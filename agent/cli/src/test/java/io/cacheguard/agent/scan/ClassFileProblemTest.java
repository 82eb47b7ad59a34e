package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Why a class file cannot be read, in words a user can act on. */
class ClassFileProblemTest {
    private static final byte[] RACY = Fixtures.only("RacyCache").get("com/acme/RacyCache.class");

    @Test
    void aReadableClassHasNoProblem() {
        assertNull(ClassFileProblem.of(RACY));
    }

    @Test
    void aFewBytesAreATruncatedClassFile() {
        assertEquals("truncated class file (6 bytes)", ClassFileProblem.of(Arrays.copyOf(RACY, 6)));
    }

    @Test
    void aClassFileCutInTheMiddleIsMalformedOrTruncated() {
        String problem = ClassFileProblem.of(Arrays.copyOf(RACY, RACY.length / 2));

        assertTrue(problem.startsWith("malformed or truncated class file ("), problem);
    }

    @Test
    void bytesWithoutTheMagicNumberAreNoClassFile() {
        assertEquals("not a class file (bad magic number)", ClassFileProblem.of("PK\3\4 and more bytes".getBytes()));
    }

    @Test
    void aClassFileFromTheFutureNamesItsVersion() {
        byte[] future = RACY.clone();
        future[6] = 0;
        future[7] = (byte) 200;

        assertEquals("class file version 200 (Java 156) is newer than this cacheguard can read",
                ClassFileProblem.of(future));
    }
}
