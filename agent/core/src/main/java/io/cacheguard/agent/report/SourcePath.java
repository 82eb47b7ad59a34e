package io.cacheguard.agent.report;

import io.cacheguard.agent.analysis.FieldReport;

/**
 * Where a class's source file most likely is, relative to a source root: the package as folders
 * plus the SourceFile attribute ({@code com/acme/ExpiringCache.java}). Class files do not record
 * the build's layout ({@code src/main/java}), so code scanning resolves this against its source root.
 */
public final class SourcePath {
    private SourcePath() {
    }

    public static String of(FieldReport report) {
        return of(report.className(), report.sourceFile());
    }

    /** For a class (dotted binary name) and its source file name, which may be null. */
    public static String of(String className, String sourceFile) {
        int dot = className.lastIndexOf('.');
        String folder = dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
        String file = sourceFile;
        if (file == null || file.isBlank()) {
            // Compiled without the attribute: javac's rule is that the top-level class names the file.
            String simple = className.substring(dot + 1);
            int nested = simple.indexOf('$');
            file = (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
        }
        return folder + file;
    }
}
