package io.cacheguard.agent.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads the class files of the scan's inputs: jars (and the jars nested in them, as Spring Boot
 * and WAR files carry their libraries), directories searched recursively, and single class files.
 * Whatever cannot be read is reported and skipped; the rest is still read. A path the user named
 * that cannot be read is an {@link ScanProblem.Kind#INPUT} problem (the scan exits 2), with what to
 * do about it: the user chose it. What is found inside a jar or directory is someone else's build,
 * so a bad entry is reported and skipped without failing the scan.
 */
final class InputReader {
    /** A jar in a jar in a jar is real (an EAR's WAR's libraries); deeper is a zip bomb or a mistake. */
    private static final int MAX_NESTING = 8;
    private static final String NAME_AN_INPUT = "name a jar, war, ear, directory or .class file";
    private static final String MAKE_READABLE = "make it readable for this user";

    private final ScanProblems problems;
    private final ClassFiles classes = new ClassFiles();

    InputReader(ScanProblems problems) {
        this.problems = problems;
    }

    ClassFiles read(List<Path> inputs) {
        for (Path input : inputs) {
            readInput(input);
        }
        return classes;
    }

    private void readInput(Path input) {
        String label = input.toString();
        if (Files.isDirectory(input)) {
            readDirectory(input, label);
        } else if (!Files.exists(input)) {
            problems.report(ScanProblem.Kind.INPUT, label, "no such file; check the path");
        } else if (!Files.isRegularFile(input)) {
            problems.report(ScanProblem.Kind.INPUT, label, "not a jar, directory or class file; " + NAME_AN_INPUT);
        } else if (!Files.isReadable(input)) {
            problems.report(ScanProblem.Kind.INPUT, label, "cannot read (permission denied); " + MAKE_READABLE);
        } else {
            readFile(input, label, ScanProblem.Kind.INPUT);
        }
    }

    private void readDirectory(Path directory, String label) {
        List<Path> files;
        try {
            files = filesIn(directory);
        } catch (IOException e) {
            unreadable(ScanProblem.Kind.INPUT, label, e);
            return;
        }
        for (Path file : files) {
            if (isClass(file.getFileName().toString())) {
                try {
                    addClass(Files.readAllBytes(file), directory.relativize(file).toString(), file.toString());
                } catch (IOException e) {
                    unreadable(ScanProblem.Kind.ENTRY, file.toString(), e);
                }
            } else {
                readFile(file, file.toString(), ScanProblem.Kind.ENTRY);
            }
        }
    }

    /**
     * The class files and archives under a directory, following links as a class path would, and
     * sorted, so that the first of two same-named classes is the same on every file system.
     */
    private List<Path> filesIn(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && (isClass(name) || isArchive(name))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!(e instanceof FileSystemLoopException)) { // a link back up: what it holds is read already
                    unreadable(file.equals(directory) ? ScanProblem.Kind.INPUT : ScanProblem.Kind.ENTRY,
                            file.toString(), e);
                }
                return FileVisitResult.CONTINUE;
            }
        };
        Files.walkFileTree(directory, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
        files.sort(null);
        return files;
    }

    /**
     * A file is judged by its first bytes, not its name: a class file is a class file whatever it is
     * called, and an executable Spring Boot jar starts with a shell script, not a zip header.
     */
    private void readFile(Path file, String label, ScanProblem.Kind failure) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (IOException e) {
            unreadable(failure, label, e);
            return;
        }
        if (isClassMagic(head)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                unreadable(failure, label, e);
                return;
            }
            // A named class file is checked here: the analysis would report a bad one and go on, and
            // would not even parse one the pre-filter passes over. Classes inside jars and directories
            // are left to the analysis, which parses each once.
            String problem = failure == ScanProblem.Kind.INPUT ? ClassFileProblem.withAdvice(bytes) : null;
            if (problem != null) {
                problems.report(failure, label, problem);
            } else {
                addClass(bytes, file.getFileName().toString(), label);
            }
            return;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            readZip(zip, label);
        } catch (ZipException e) {
            String problem = notAnArchive(file.getFileName().toString(), head, e);
            problems.report(failure, label,
                    failure == ScanProblem.Kind.INPUT ? problem + "; " + advice(problem) : problem);
        } catch (IOException e) {
            unreadable(failure, label, e);
        }
    }

    /** What to do about a named file that is neither a jar nor a class file. */
    private static String advice(String notAnArchive) {
        if (notAnArchive.startsWith("corrupt jar")) {
            return "rebuild or download it again";
        }
        if (notAnArchive.startsWith("not a class file")) {
            return "recompile it, or leave it out of the scan";
        }
        return NAME_AN_INPUT;
    }

    private void readZip(ZipFile zip, String label) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (entry.isDirectory() || !isClass(name) && !isArchive(name)) {
                continue;
            }
            String origin = label + "!/" + name;
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                unreadable(ScanProblem.Kind.ENTRY, origin, e);
                continue;
            }
            accept(name, bytes, origin, 1);
        }
    }

    private void accept(String name, byte[] bytes, String origin, int depth) {
        if (isClass(name)) {
            addClass(bytes, name, origin);
        } else {
            readNested(bytes, origin, depth);
        }
    }

    /** A nested archive is read from memory: it has no file of its own to open. */
    private void readNested(byte[] archive, String label, int depth) {
        if (depth > MAX_NESTING) {
            problems.report(ScanProblem.Kind.ENTRY, label, "archive nested more than " + MAX_NESTING
                    + " levels deep: skipped");
            return;
        }
        if (!isZipMagic(archive)) {
            problems.report(ScanProblem.Kind.ENTRY, label, "not a jar (bad zip header)");
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!entry.isDirectory() && (isClass(name) || isArchive(name))) {
                    accept(name, zip.readAllBytes(), label + "!/" + name, depth + 1);
                }
            }
        } catch (IOException e) {
            problems.report(ScanProblem.Kind.ENTRY, label, "corrupt jar (" + ScanProblem.describe(e) + ")");
        }
    }

    private void addClass(byte[] bytes, String path, String origin) {
        String simple = path.substring(path.lastIndexOf('/') + 1);
        if (simple.equals("module-info.class") || simple.equals("package-info.class")) {
            return; // descriptors, not classes: no fields to analyse
        }
        classes.add(ClassFile.of(bytes, path, origin));
    }

    private void unreadable(ScanProblem.Kind kind, String label, IOException e) {
        String why = ScanProblem.describe(e);
        String advice = why.equals("permission denied") ? MAKE_READABLE : "check that it is a readable file";
        problems.report(kind, label,
                "cannot read (" + why + ")" + (kind == ScanProblem.Kind.INPUT ? "; " + advice : ""));
    }

    private static String notAnArchive(String fileName, byte[] head, ZipException e) {
        if (head.length == 0) {
            return "not a jar or class file (empty file)";
        }
        if (isZipMagic(head)) {
            return "corrupt jar (" + ScanProblem.describe(e) + ")";
        }
        if (isClass(fileName)) {
            return "not a class file (bad magic number)";
        }
        return "not a jar or class file (bad zip header)";
    }

    static boolean isClass(String name) {
        return name.endsWith(".class");
    }

    static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear");
    }

    private static boolean isClassMagic(byte[] b) {
        return b.length >= 4 && (b[0] & 0xff) == 0xCA && (b[1] & 0xff) == 0xFE && (b[2] & 0xff) == 0xBA
                && (b[3] & 0xff) == 0xBE;
    }

    /** A local file header, or the end record of an empty archive. */
    private static boolean isZipMagic(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6);
    }
}
