package io.cacheguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The source path a SARIF result points at, from the package and the SourceFile attribute. */
class SourcePathTest {

    private static FieldReport report(String className, String sourceFile) {
        return new FieldReport(className, sourceFile, "cache", false, "java.util.Map", Set.of(), Verdict.PATCH,
                List.of());
    }

    @Test
    void thePackageBecomesFoldersBeforeTheSourceFile() {
        assertEquals("com/acme/ExpiringCache.java",
                SourcePath.of(report("com.acme.ExpiringCache", "ExpiringCache.java")));
    }

    @Test
    void aNestedClassPointsAtItsOuterClassFile() {
        assertEquals("com/acme/Outer.java", SourcePath.of(report("com.acme.Outer$Inner", "Outer.java")));
    }

    @Test
    void theSourceFileAttributeWinsOverTheClassName() {
        assertEquals("com/acme/Caches.kt", SourcePath.of(report("com.acme.CachesKt", "Caches.kt")));
    }

    @Test
    void withoutTheAttributeTheTopLevelClassNamesTheFile() {
        assertEquals("com/acme/Outer.java", SourcePath.of(report("com.acme.Outer$Inner$1", null)));
    }

    @Test
    void aClassInTheDefaultPackageHasNoFolder() {
        assertEquals("Memo.java", SourcePath.of(report("Memo", null)));
    }
}
