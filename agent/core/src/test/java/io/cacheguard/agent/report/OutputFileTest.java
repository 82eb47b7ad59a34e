package io.cacheguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent writes only regular files of its own user, never through a link, and never truncates one. */
class OutputFileTest {
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    @TempDir
    Path temp;

    /**
     * The runtime jar extracted to the temporary directory (when the boot loader cannot be given its
     * classes directly) goes onto the bootstrap class path: a file of its name is reused only if
     * nobody else could have written it.
     */
    @Test
    void onlyAPrivateRegularFileOfOurOwnCountsAsOneWeWrote() throws IOException {
        Path mine = Files.createTempFile(temp, "runtime", ".jar");
        assertTrue(OutputFile.isPrivateFileOfOurOwn(mine));
        Path shared = Files.createFile(temp.resolve("shared.jar"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        assertFalse(OutputFile.isPrivateFileOfOurOwn(shared), "others may write it");
        Path link = Files.createSymbolicLink(temp.resolve("link.jar"), mine);
        assertFalse(OutputFile.isPrivateFileOfOurOwn(link), "a link");
        assertFalse(OutputFile.isPrivateFileOfOurOwn(temp.resolve("missing.jar")));
    }

    @Test
    void aLinkToAnExistingFileIsRefusedAndItsTargetKeepsItsBytes() throws Exception {
        Path target = Files.writeString(temp.resolve("precious"), "keep me\n");
        Path link = Files.createSymbolicLink(temp.resolve("report.jsonl"), target);
        IOException refused = assertThrows(IOException.class, () -> OutputFile.openAppend(link));
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        assertEquals("keep me\n", Files.readString(target));
    }

    @Test
    void aDanglingLinkIsRefusedAndNothingIsCreatedWhereItPoints() throws Exception {
        Path target = temp.resolve("created-through-the-link");
        Path link = Files.createSymbolicLink(temp.resolve("report.jsonl"), target);
        assertThrows(IOException.class, () -> OutputFile.openAppend(link));
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = temp.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        // an open would block here for ever: no one reads the FIFO
        IOException refused = assertThrows(IOException.class, () -> OutputFile.openAppend(fifo));
        assertTrue(refused.getMessage().contains("not a regular file"), refused.getMessage());
    }

    @Test
    void aDeviceIsRefused() {
        assertThrows(IOException.class, () -> OutputFile.openAppend(Path.of("/dev/null")));
    }

    @Test
    void anExistingFileOfOursIsAppendedToNotTruncated() throws Exception {
        Path file = Files.writeString(temp.resolve("report.jsonl"), "{\"event\":\"start\"}\n");
        try (FileChannel out = OutputFile.openAppend(file)) {
            out.write(ByteBuffer.wrap("{\"event\":\"summary\"}\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertArrayEquals(new String[] {"{\"event\":\"start\"}", "{\"event\":\"summary\"}"},
                Files.readAllLines(file).toArray());
    }

    @Test
    void percentPIsThePid() throws Exception {
        assertEquals(temp.resolve("races-" + PID + ".jsonl"), OutputFile.resolve(temp + "/races-%p.jsonl", "jsonl"));
    }

    @Test
    void aDirectoryGetsOneFilePerJvm() throws Exception {
        assertEquals(temp.resolve("cacheguard-" + PID + ".jsonl"), OutputFile.resolve(temp.toString(), "jsonl"));
    }

    @Test
    void aTrailingSlashNamesADirectoryToCreate() throws Exception {
        Path created = temp.resolve("cacheguard");
        assertEquals(created.resolve("cacheguard-" + PID + ".sarif"), OutputFile.resolve(created + "/", "sarif"));
        assertTrue(Files.isDirectory(created));
    }
}
