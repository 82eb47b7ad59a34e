package io.cacheguard.agent.scan;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
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
 *
 * <p>Inputs may be hostile (a zip bomb: a small jar whose entry inflates to gigabytes), so every
 * read is bounded by {@link Limits}: bytes are counted as they are inflated, since the sizes a zip
 * entry declares are the archive's word, not a fact; nested archives are read as streams, never
 * held in memory whole.
 */
final class InputReader {
    /** A jar in a jar in a jar is real (an EAR's WAR's libraries); deeper is a zip bomb or a mistake. */
    static final int MAX_NESTING = 8;
    /** The largest class files javac and kotlinc write are a few megabytes; 64 MB leaves room and stops a bomb. */
    static final long DEFAULT_MAX_CLASS_BYTES = 64L << 20;
    /** A large Spring Boot or EAR file holds ~100,000 entries; ten times that is a bomb of tiny entries. */
    static final int MAX_ENTRIES = 1_000_000;

    /** How much of a hostile input the scan reads before it gives up on a part of it. */
    static final class Limits {
        final long maxClassBytes;
        final int maxNesting;
        /** Per named input, nested archives' entries included. */
        final int maxEntries;

        Limits(long maxClassBytes, int maxNesting, int maxEntries) {
            this.maxClassBytes = maxClassBytes;
            this.maxNesting = maxNesting;
            this.maxEntries = maxEntries;
        }

        static Limits defaults() {
            return new Limits(DEFAULT_MAX_CLASS_BYTES, MAX_NESTING, MAX_ENTRIES);
        }
    }

    /** A class file that inflates past {@link Limits#maxClassBytes}. */
    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** A named input with more entries than {@link Limits#maxEntries}: the rest of it is not read. */
    private static final class TooManyEntries extends RuntimeException {
        final String where;

        TooManyEntries(String where) {
            super(null, null, false, false);
            this.where = where;
        }
    }
    private static final String NAME_AN_INPUT = "name a jar, war, ear, directory or .class file";
    private static final String MAKE_READABLE = "make it readable for this user";
    private static final String RAISE_LIMIT = "if it is a real class file, raise the limit with --max-class-size";

    private final ScanProblems problems;
    private final Limits limits;
    private final ClassFiles classes = new ClassFiles();
    /** Entries read so far of the current named input. */
    private int entries;

    InputReader(ScanProblems problems) {
        this(problems, Limits.defaults());
    }

    InputReader(ScanProblems problems, Limits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    ClassFiles read(List<Path> inputs) {
        for (Path input : inputs) {
            readInput(input);
        }
        return classes;
    }

    private void readInput(Path input) {
        entries = 0;
        try {
            readNamed(input);
        } catch (TooManyEntries e) {
            problems.report(ScanProblem.Kind.ENTRY, e.where, "more than " + limits.maxEntries
                    + " entries in " + input + ": the rest of it is skipped");
        }
    }

    private void countEntry(String where) {
        if (++entries > limits.maxEntries) {
            throw new TooManyEntries(where);
        }
    }

    private void readNamed(Path input) {
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
            countEntry(file.toString());
            if (isClass(file.getFileName().toString())) {
                try (InputStream in = Files.newInputStream(file)) {
                    addClass(readClass(in), directory.relativize(file).toString(), file.toString());
                } catch (TooLarge e) {
                    problems.report(ScanProblem.Kind.ENTRY, file.toString(), e.getMessage());
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
            try (InputStream in = Files.newInputStream(file)) {
                bytes = readClass(in);
            } catch (TooLarge e) {
                problems.report(failure, label, failure == ScanProblem.Kind.INPUT
                        ? e.getMessage().replace(": skipped", "") + "; " + RAISE_LIMIT : e.getMessage());
                return;
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
            countEntry(origin);
            try (InputStream in = zip.getInputStream(entry)) {
                accept(name, in, origin, 1);
            } catch (TooLarge e) {
                problems.report(ScanProblem.Kind.ENTRY, origin, e.getMessage());
            } catch (IOException e) {
                unreadable(ScanProblem.Kind.ENTRY, origin, e);
            }
        }
    }

    private void accept(String name, InputStream in, String origin, int depth) throws IOException {
        if (isClass(name)) {
            addClass(readClass(in), name, origin);
        } else {
            readNested(in, origin, depth);
        }
    }

    /**
     * A nested archive is read as a stream, entry by entry: it has no file of its own to open, and
     * holding it in memory whole would let a nested bomb do what the per-class cap prevents.
     */
    private void readNested(InputStream archive, String label, int depth) throws IOException {
        if (depth > limits.maxNesting) {
            problems.report(ScanProblem.Kind.ENTRY, label, "archive nested more than " + limits.maxNesting
                    + " levels deep: skipped");
            return;
        }
        InputStream in = new BufferedInputStream(archive);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (!isZipMagic(head)) {
            problems.report(ScanProblem.Kind.ENTRY, label, "not a jar (bad zip header)");
            return;
        }
        // not closed: closing it would close the enclosing archive's stream, which its reader owns
        ZipInputStream zip = new ZipInputStream(in);
        try {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!entry.isDirectory() && (isClass(name) || isArchive(name))) {
                    String origin = label + "!/" + name;
                    countEntry(origin);
                    try {
                        accept(name, new Unclosable(zip), origin, depth + 1);
                    } catch (TooLarge e) {
                        problems.report(ScanProblem.Kind.ENTRY, origin, e.getMessage()); // the next entry may be fine
                    }
                }
            }
        } catch (TooLarge e) {
            throw e;
        } catch (IOException e) {
            problems.report(ScanProblem.Kind.ENTRY, label, "corrupt jar (" + ScanProblem.describe(e) + ")");
        }
    }

    /**
     * A class file's bytes, counted as they are inflated: the size a zip entry declares is not
     * checked by anyone, and {@code readAllBytes} would grow its buffer until the heap is gone.
     */
    private byte[] readClass(InputStream in) throws IOException {
        // in chunks, not a growing buffer: a doubling buffer holds 1.5 times the bytes while it copies
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        try {
            while (true) {
                byte[] chunk = in.readNBytes(64 * 1024);
                total += chunk.length;
                if (total > limits.maxClassBytes) {
                    throw new TooLarge("class file larger than " + size(limits.maxClassBytes)
                            + " when inflated (--max-class-size): skipped");
                }
                if (chunk.length == 0) {
                    break;
                }
                chunks.add(chunk);
            }
            byte[] bytes = new byte[(int) total];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, bytes, at, chunk.length);
                at += chunk.length;
            }
            return bytes;
        } catch (OutOfMemoryError e) {
            // A cap above what this heap holds (-Xmx64m and the default 64 MB): the memory is all in
            // the chunks of this one read, which are garbage once it is given up, so the scan goes on.
            chunks = null;
            throw new TooLarge("class file does not fit in this JVM's heap after " + size(total)
                    + " inflated (raise -Xmx or lower --max-class-size): skipped");
        }
    }

    static String size(long bytes) {
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes % 1024 == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }

    /** An entry of an archive being read, handed to code that closes what it is given. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the enclosing ZipInputStream moves on to its next entry instead
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
