package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.runtime.Detection;
import io.cacheguard.agent.runtime.Guards;
import io.cacheguard.agent.runtime.Hook;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract between the rewrite and the runtime holds at build time: every call the rewrite
 * emits names a {@link Hook} method that exists with the descriptor it emits, and every hook is
 * emitted by something. A hook renamed or re-typed on one side only fails here, not in a host.
 */
class RuntimeCallTest {

    @Test
    void everyCallTheRewriteEmitsResolvesToAnExistingHook() throws Exception {
        for (RuntimeCall call : RuntimeCall.values()) { // initialising the enum resolves each one
            Class<?> owner = Class.forName(call.owner.replace('/', '.'));
            Method method = findByDescriptor(owner, call.name, call.descriptor);
            assertTrue(Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers()),
                    call + " is not public static");
            assertTrue(call.kind == Hook.Kind.ENTRY || call.kind == Hook.Kind.AROUND_CALL, call::toString);
        }
    }

    @Test
    void everyEntryAndAroundHookIsCalledByTheRewrite() throws Exception {
        Set<String> emitted = Stream.of(RuntimeCall.values())
                .map(call -> call.owner + "." + call.name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = new TreeSet<>();
        for (Class<?> type : runtimeClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                Hook hook = method.getAnnotation(Hook.class);
                if (hook != null && (hook.value() == Hook.Kind.ENTRY || hook.value() == Hook.Kind.AROUND_CALL)) {
                    declared.add(type.getName().replace('.', '/') + "." + method.getName());
                }
            }
        }
        assertEquals(declared, emitted);
    }

    /** A class of hooks left out of {@link SyncCalls#HOOK_CLASSES} would have its calls silently not rewritten. */
    @Test
    void everyClassWithReplacingHooksIsInTheTable() throws Exception {
        Set<String> withReplacements = new TreeSet<>();
        for (Class<?> type : runtimeClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                Hook hook = method.getAnnotation(Hook.class);
                if (hook != null && hook.value() != Hook.Kind.ENTRY && hook.value() != Hook.Kind.AROUND_CALL) {
                    withReplacements.add(type.getName());
                }
            }
        }
        assertFalse(withReplacements.isEmpty());
        assertEquals(withReplacements, SyncCalls.HOOK_CLASSES.stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Every public static method of a hook class is a hook: a helper there would be taken for synchronization. */
    @Test
    void hookClassesHoldNoUnmarkedPublicMethod() {
        List<String> unmarked = new ArrayList<>();
        for (Class<?> type : SyncCalls.HOOK_CLASSES) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isAnnotationPresent(Hook.class)) {
                    unmarked.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), unmarked);
    }

    private static Method findByDescriptor(Class<?> owner, String name, String descriptor) {
        for (Method method : owner.getDeclaredMethods()) {
            if (method.getName().equals(name)
                    && org.objectweb.asm.Type.getMethodDescriptor(method).equals(descriptor)) {
                return method;
            }
        }
        throw new AssertionError("no " + owner.getName() + "." + name + descriptor);
    }

    /** The classes of the runtime package, read from where agent/bootstrap's classes are. */
    private static List<Class<?>> runtimeClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(Guards.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String folder = Guards.class.getPackageName().replace('.', '/');
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            names.addAll(classNames(location, location.resolve(folder)));
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                names.addAll(classNames(jar.getPath("/"), jar.getPath("/" + folder)));
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name, false, Detection.class.getClassLoader()));
        }
        return classes;
    }

    private static List<String> classNames(Path root, Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.endsWith("package-info.class"))
                    .filter(name -> !name.contains("Sequenced")) // JDK 21+ classes, not loadable on 17
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toList());
        }
    }
}
