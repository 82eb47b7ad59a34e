package io.cacheguard.agent.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * How the agent turns a {@code report}, {@code log} or {@code sarif} value into a file it writes,
 * inside someone else's JVM, often as root, with a path from a build script.
 *
 * <ul>
 *   <li>{@code %p} in the value is this JVM's pid, and a value naming a directory (one that exists,
 *   or ends with {@code /}) gets {@code cacheguard-<pid>.<extension>} inside it: one file per JVM
 *   when a build forks several (as {@code -Xlog} and JaCoCo do).</li>
 *   <li>The file itself is never reached through a symbolic link: the last name must be a regular
 *   file the JVM's user owns, or nothing, and it is opened with {@code O_NOFOLLOW}. A link (even a
 *   dangling one) would let whoever planted it have a root JVM truncate or create any file; a FIFO
 *   would block {@code open} forever, in premain, before the application starts; a device or
 *   another user's file is no report. The type is checked before opening, because only the open
 *   of a FIFO blocks; {@code O_NOFOLLOW} closes the window for links, a FIFO swapped in between
 *   the check and the open is not covered. Directories on the way are followed as usual.</li>
 *   <li>Files are opened for append, never truncated: JVMs forked by one build share the path,
 *   and with {@code O_APPEND} each line written in one call lands whole at the end, after the
 *   lines of the others, on a local file system.</li>
 * </ul>
 */
public final class OutputFile {
    /** What {@code %p} stands for in a value, as in {@code -Xlog:gc:file=gc-%p.log}. */
    public static final String PID = "%p";

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private OutputFile() {
    }

    /**
     * The file {@code value} names for this JVM.
     *
     * @param extension the file's extension when the value names a directory ({@code jsonl}, {@code log}, {@code sarif})
     * @throws IOException if the value is no path this JVM can name: under {@code LANG=C} the JDK
     *                     encodes file names in ASCII ({@code sun.jnu.encoding}), so a non-ASCII name
     *                     cannot be given to the system at all
     */
    public static Path resolve(String value, String extension) throws IOException {
        String pid = Long.toString(ProcessHandle.current().pid());
        boolean directory = value.endsWith("/") || value.endsWith(FileSystems.getDefault().getSeparator());
        Path path;
        try {
            path = Paths.get(value.replace(PID, pid));
        } catch (InvalidPathException e) {
            throw new IOException("not a path this JVM can name: " + e.getReason() + " (file names are encoded as "
                    + System.getProperty("sun.jnu.encoding") + "; run the JVM with a UTF-8 locale, e.g. LANG=C.UTF-8)");
        }
        if (directory || Files.isDirectory(path)) {
            Files.createDirectories(path);
            path = path.resolve("cacheguard-" + pid + "." + extension);
        }
        return path;
    }

    /**
     * Opens {@code path} to append to, creating it and its parent directories if need be.
     *
     * @throws IOException if it cannot be written, or is not a regular file of ours (see the class comment)
     */
    public static FileChannel openAppend(Path path) throws IOException {
        return open(path, StandardOpenOption.APPEND);
    }

    /** Opens {@code path} to be written from its start (a temporary file about to be moved into place). */
    static FileChannel openTruncate(Path path) throws IOException {
        return open(path, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Checks that {@code path} is nothing yet or a regular file this JVM's user owns, and creates
     * its parent directories; without opening it.
     */
    public static void check(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW);
        } catch (NoSuchFileException absent) {
            return;
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException(path + " is a symbolic link; the agent never writes through one");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(path + " is " + (attributes.isDirectory() ? "a directory" : "not a regular file (a FIFO, "
                    + "socket or device)") + "; the agent writes only regular files");
        }
        UserPrincipal owner = Files.getOwner(path, NO_FOLLOW);
        if (!isMe(path, owner)) {
            throw new IOException(path + " belongs to " + owner.getName() + ", not to " + System.getProperty("user.name")
                    + "; the agent writes only its own user's files");
        }
    }

    private static FileChannel open(Path path, OpenOption how) throws IOException {
        check(path);
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, how, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Whether {@code path} is a regular file (not a link) that this JVM's user owns and nobody else
     * may write: one only this user (or root) can have written, even in a shared {@code /tmp}. Where
     * the file system has no POSIX permissions, ownership alone decides.
     */
    public static boolean isPrivateFileOfOurOwn(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW);
            if (!attributes.isRegularFile() || !isMe(path, Files.getOwner(path, NO_FOLLOW))) {
                return false;
            }
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, NO_FOLLOW);
                return !permissions.contains(PosixFilePermission.GROUP_WRITE)
                        && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
            } catch (UnsupportedOperationException notPosix) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether this JVM's user owns a file. By uid where the system shows ours ({@code /proc/self}
     * belongs to the process's effective user): a container's user often has no name.
     */
    private static boolean isMe(Path path, UserPrincipal owner) {
        try {
            Object mine = Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
            return mine.equals(Files.getAttribute(path, "unix:uid", NO_FOLLOW));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noProc) {
            // no /proc or no unix view (macOS, Windows): by name
        }
        String me = System.getProperty("user.name");
        if (owner.getName().equals(me)) {
            return true;
        }
        try {
            return owner.equals(FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(me));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
