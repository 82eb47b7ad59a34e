package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.analysis.catalogue.FibonacciMemo;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ClassPreFilterTest {

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aClassWithAMapFieldAndACacheWordPasses() throws IOException {
        ClassPreFilter.Summary summary = ClassPreFilter.summarize(classFile(FibonacciMemo.class));
        assertTrue(summary.mapDescriptor);
        assertTrue(summary.cacheWord);
    }

    @Test
    void aClassWithoutAnyMapIsRejected() throws IOException {
        assertFalse(ClassPreFilter.mayDeclareMapField(classFile(Glob.class)));
    }

    @Test
    void bytesThatAreNoClassFileAreLeftToTheAnalysis() {
        assertTrue(ClassPreFilter.mayDeclareMapField(new byte[] {1, 2, 3}));
        assertTrue(ClassPreFilter.summarize(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 0, 0, 0, 61, 0, 3, 99})
                .mapDescriptor);
    }
}
