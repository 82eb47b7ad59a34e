package io.cacheguard.agent.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Jars for the scan to read, built in memory from entry names and bytes. */
final class Archives {
    private Archives() {
    }

    static Path jar(Path file, Map<String, byte[]> entries) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes(entries, false));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A jar's bytes. Spring Boot stores nested jars uncompressed ({@code stored}), so tests nest
     * them that way; a stored entry needs its size and CRC up front.
     */
    static byte[] bytes(Map<String, byte[]> entries, boolean stored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                byte[] data = entry.getValue();
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(data.length);
                    zipEntry.setCompressedSize(data.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
