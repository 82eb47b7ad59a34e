package io.cacheguard.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made as, read from a resource Maven filled in. */
public final class CacheguardVersion {
    private static final String VERSION = load();

    private CacheguardVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = CacheguardVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // an unreadable resource only costs the version string
        }
        return "unknown";
    }
}
