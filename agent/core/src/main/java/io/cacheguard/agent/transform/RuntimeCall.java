package io.cacheguard.agent.transform;

import io.cacheguard.agent.runtime.Detection;
import io.cacheguard.agent.runtime.Guards;
import io.cacheguard.agent.runtime.Hook;
import io.cacheguard.agent.runtime.LockHooks;
import io.cacheguard.agent.runtime.MapSubclassViews;
import io.cacheguard.agent.runtime.ThreadHooks;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every runtime method the rewrite calls by name, as a constant: its owner is a class literal and
 * its descriptor is read from the {@link Hook}-annotated method itself, so the only thing written
 * here is the name, once. {@code RuntimeCallTest} resolves every constant at build time: a hook
 * renamed in {@code agent/bootstrap} fails the build, never a host with {@code NoSuchMethodError}.
 * (The hooks that replace synchronization calls are found by their annotation; see {@link SyncCalls}.)
 */
enum RuntimeCall {
    GUARD(Guards.class, "guard"),
    TRACK(Guards.class, "track"),
    ON_READ(Guards.class, "onRead"),
    ON_STATIC_READ(Guards.class, "onStaticRead"),
    INIT_IF_NULL(Guards.class, "initIfNull"),
    INIT_STATIC_IF_NULL(Guards.class, "initStaticIfNull"),
    ADOPT(Guards.class, "adopt"),
    ENTER(Detection.class, "enter"),
    EXIT(Detection.class, "exit"),
    ACQUIRE(Detection.class, "acquire"),
    RELEASE(Detection.class, "release"),
    PUBLISHED(Detection.class, "published"),
    STARTING(ThreadHooks.class, "starting"),
    JOINED(ThreadHooks.class, "joined"),
    READ_VIEW(LockHooks.class, "readView"),
    WRITE_VIEW(LockHooks.class, "writeView"),
    SUBCLASS_KEY_SET(MapSubclassViews.class, "keySet"),
    SUBCLASS_VALUES(MapSubclassViews.class, "values"),
    SUBCLASS_ENTRY_SET(MapSubclassViews.class, "entrySet");

    /**
     * The package every hook lives in, which the agent defines in the bootstrap loader: calls into
     * it are the rewrite's own and are never rewritten again.
     */
    static final String RUNTIME_PACKAGE = Type.getInternalName(Guards.class)
            .substring(0, Type.getInternalName(Guards.class).lastIndexOf('/') + 1);

    final String owner;
    final String name;
    final String descriptor;
    final Hook.Kind kind;

    RuntimeCall(Class<?> owner, String name) {
        Method hook = hookNamed(owner, name);
        this.owner = Type.getInternalName(owner);
        this.name = name;
        this.descriptor = Type.getMethodDescriptor(hook);
        this.kind = hook.getAnnotation(Hook.class).value();
    }

    /** Emits the call. */
    void emit(MethodVisitor method) {
        method.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
    }

    /** The one public static method of this name marked as a hook; a missing or doubled one is a build error. */
    private static Method hookNamed(Class<?> owner, String name) {
        Method found = null;
        for (Method method : owner.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.isAnnotationPresent(Hook.class)
                    && Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers())) {
                if (found != null) {
                    throw new IllegalStateException(owner.getName() + "." + name + " is overloaded; a hook the rewrite "
                            + "calls by name must be one method");
                }
                found = method;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no @Hook method " + owner.getName() + "." + name);
        }
        return found;
    }
}
