package io.cacheguard.bench.process;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The workload of the start-up benchmark, run in a child JVM: defines every class of the given jars
 * (without initialising them), the way a large application's start-up does, and prints how many
 * loaded and the CPU time the whole process used (all threads: JIT and GC included), which a busy
 * machine distorts far less than wall time. With no jar it is a hello-world. Dependencies only:
 * the JDK.
 */
public final class LoadAllClasses {
    private LoadAllClasses() {
    }

    public static void main(String[] jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = new File(jars[i]).toURI().toURL();
        }
        int loaded = 0;
        int failed = 0;
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (String jar : jars) {
                try (JarFile file = new JarFile(jar)) {
                    for (JarEntry entry : Collections.list(file.entries())) {
                        String name = entry.getName();
                        if (!name.endsWith(".class") || name.contains("-") || name.startsWith("META-INF/")) {
                            continue;
                        }
                        try {
                            Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                            loaded++;
                        } catch (Throwable missingDependency) {
                            failed++;
                        }
                    }
                }
            }
        }
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.println("loaded=" + loaded + " failed=" + failed + " cpu=" + cpuNanos);
    }
}
