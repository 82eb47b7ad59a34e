package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code scan} of a zip bomb (a jar of a few hundred kilobytes whose one class entry
 * inflates to hundreds of megabytes), run through the real jar in a JVM with a small heap: the
 * entry is reported and skipped, no OutOfMemoryError, and the exit status is that of the rest.
 */
class ScanLimitsIT {
    private static final String BOMB = "com/acme/BombCache.class";

    @TempDir
    Path dir;

    private static void bomb(OutputStream out, String name, int megabytes) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(name));
        zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        byte[] mb = new byte[1 << 20];
        for (int i = 0; i < megabytes; i++) {
            zip.write(mb);
        }
        zip.finish();
    }

    /** app.jar: the bomb, and a nested jar holding another. */
    private Path app() throws IOException {
        Path inner = dir.resolve("inner.jar");
        try (OutputStream out = Files.newOutputStream(inner)) {
            bomb(out, BOMB, 200);
        }
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("BOOT-INF/lib/inner.jar"));
            zip.write(Files.readAllBytes(inner));
            zip.putNextEntry(new ZipEntry(BOMB));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            byte[] mb = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(mb);
            }
        }
        return jar;
    }

    @Test
    void aZipBombIsReportedAndSkippedInASmallHeap() throws Exception {
        Path jar = app();
        assertTrue(Files.size(jar) < 2 << 20, "small on disk: " + Files.size(jar));

        ChildJvm.Result small = ChildJvm.run("-Xmx64m", "-jar", ChildJvm.agentJar().toString(), "scan",
                jar.toString(), "--max-class-size", "8m");
        ChildJvm.Result byDefault = ChildJvm.run("-Xmx160m", "-jar", ChildJvm.agentJar().toString(), "scan",
                jar.toString());

        // the default cap is what a 64 MB heap holds, not what it can spare: given up, not a crash
        ChildJvm.Result defaultCapSmallHeap = ChildJvm.run("-Xmx64m", "-jar", ChildJvm.agentJar().toString(), "scan",
                jar.toString());

        for (ChildJvm.Result run : new ChildJvm.Result[] {small, byDefault, defaultCapSmallHeap}) {
            assertFalse(run.stderr.contains("OutOfMemoryError"), run.toString());
            assertEquals(0, run.exitCode, run.toString()); // nothing else in it: nothing to patch
            assertTrue(run.stderr.contains(jar + "!/" + BOMB + ": class file "), run.toString());
            assertTrue(run.stderr.contains(jar + "!/BOOT-INF/lib/inner.jar!/" + BOMB + ": class file "),
                    run.toString());
        }
        assertTrue(small.stderr.contains("larger than 8 MB"), small.toString());
        assertTrue(byDefault.stderr.contains("larger than 64 MB"), byDefault.toString());
    }
}
