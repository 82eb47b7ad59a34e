package io.cacheguard.agent.analysis;

import java.util.List;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;

/**
 * Turns a class file's line numbers into places in the source a person can open. For javac's
 * classes a line number is a line of the class's own source file. kotlinc numbers the body of an
 * inlined function (its own, or the standard library's {@code getOrPut}) past the end of the
 * caller's file: {@code Registry.kt:24} in a 19-line file. Its source map ({@link Smap}) says which
 * file and line that really is, and the {@code KotlinDebug} stratum which line of the caller's
 * file the function was called from. A line the map does not cover is no place at all.
 */
final class SourceLines {
    /** Where one instruction is in the source. */
    static final class Site {
        /** The file {@link #line} is in, or null when unknown. */
        final String file;
        /** The line in {@link #file}; -1 when unknown. */
        final int line;
        /** Whether {@link #line} is a line of the class's own source file (the one reports name). */
        final boolean inOwnFile;
        /** For code inlined from another file: {@code Maps.kt:384}, where its body is; else null. */
        final String inlinedFrom;

        Site(String file, int line, boolean inOwnFile, String inlinedFrom) {
            this.file = file;
            this.line = line;
            this.inOwnFile = inOwnFile;
            this.inlinedFrom = inlinedFrom;
        }

        /** The line as a report names it next to the class's own source file: -1 if it is another file's. */
        int ownLine() {
            return inOwnFile ? line : -1;
        }
    }

    private static final String KOTLIN_DEBUG = "KotlinDebug";
    /** kotlinc's copy of the map, for tools that strip the attribute but keep annotations. */
    private static final String KOTLIN_SOURCE_DEBUG_ANNOTATION = "Lkotlin/jvm/internal/SourceDebugExtension;";

    private final String sourceFile;
    private final String packagePath;
    private final Smap smap;

    private SourceLines(String sourceFile, String packagePath, Smap smap) {
        this.sourceFile = sourceFile;
        this.packagePath = packagePath;
        this.smap = smap;
    }

    static SourceLines of(ClassNode node) {
        String debug = node.sourceDebug != null ? node.sourceDebug : annotatedSourceDebug(node);
        return of(node.name, node.sourceFile, debug);
    }

    /**
     * @param className   internal name of the class whose lines these are
     * @param sourceFile  its SourceFile attribute, or null
     * @param sourceDebug its SourceDebugExtension attribute, or null
     */
    static SourceLines of(String className, String sourceFile, String sourceDebug) {
        int slash = className.lastIndexOf('/');
        return new SourceLines(sourceFile, slash < 0 ? "" : className.substring(0, slash + 1), Smap.parse(sourceDebug));
    }

    String sourceFile() {
        return sourceFile;
    }

    /** Where line number {@code line} of the class file (from its LineNumberTable; -1 for none) is. */
    Site locate(int line) {
        if (line <= 0 || smap == null) {
            return new Site(sourceFile, line, true, null);
        }
        Smap.Position position = smap.map(line);
        if (position == null) {
            return new Site(sourceFile, -1, true, null); // past what the map covers: no line is better than a wrong one
        }
        if (isOwnFile(position)) {
            return new Site(sourceFile, position.line, true, null);
        }
        Smap.Position caller = smap.map(KOTLIN_DEBUG, line);
        if (caller != null && isOwnFile(caller)) {
            return new Site(sourceFile, caller.line, true, position.toString());
        }
        return new Site(position.file, position.line, false, null);
    }

    /** The class's own file: its SourceFile's name, in the class's package when the map gives a path. */
    private boolean isOwnFile(Smap.Position position) {
        if (!position.file.equals(sourceFile)) {
            return false;
        }
        return position.path == null || position.path.startsWith(packagePath)
                && position.path.indexOf('/', packagePath.length()) < 0;
    }

    private static String annotatedSourceDebug(ClassNode node) {
        for (List<AnnotationNode> annotations : List.of(
                node.visibleAnnotations == null ? List.<AnnotationNode>of() : node.visibleAnnotations,
                node.invisibleAnnotations == null ? List.<AnnotationNode>of() : node.invisibleAnnotations)) {
            for (AnnotationNode annotation : annotations) {
                if (KOTLIN_SOURCE_DEBUG_ANNOTATION.equals(annotation.desc) && annotation.values != null) {
                    for (int i = 0; i + 1 < annotation.values.size(); i += 2) {
                        if ("value".equals(annotation.values.get(i)) && annotation.values.get(i + 1) instanceof List) {
                            StringBuilder text = new StringBuilder();
                            for (Object part : (List<?>) annotation.values.get(i + 1)) {
                                text.append(part);
                            }
                            return text.toString();
                        }
                    }
                }
            }
        }
        return null;
    }
}
