package io.cacheguard.legacy;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads one library's package afresh from its jar, everything else from the parent: each instance
 * has its own copy of the library's classes and so of their static caches, the way each deployment
 * of a web application gets its own. A static map grows through its resizes only once per class,
 * and a resize is where two unsynchronized writers corrupt it; a fresh copy per round is a fresh
 * chance.
 */
final class FreshLibraryLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String packagePrefix;

    FreshLibraryLoader(URL jar, String packagePrefix, ClassLoader parent) {
        super(new URL[] {jar}, parent);
        this.packagePrefix = packagePrefix;
    }

    /** The jar the class path serves {@code resource} from, found without loading the class. */
    static URL jarOf(String resource) throws IOException {
        URL url = ClassLoader.getSystemResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the class path");
        }
        if (!"jar".equals(url.getProtocol())) {
            throw new IllegalStateException(resource + " is not in a jar: " + url);
        }
        return ((JarURLConnection) url.openConnection()).getJarFileURL();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(packagePrefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
