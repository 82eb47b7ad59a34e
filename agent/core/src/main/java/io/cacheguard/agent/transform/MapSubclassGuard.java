package io.cacheguard.agent.transform;

import io.cacheguard.agent.runtime.RawMapViews;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.SerialVersionUIDAdder;

/**
 * Makes an application's own map class safe in itself, for a field declared as that class
 * ({@code LRUMap _typeCache}), which no wrapper can stand in for: every operation on an instance
 * runs on the instance's monitor.
 * <ul>
 *   <li>The class's own instance methods become {@code synchronized}: its {@code get} override, its
 *       helpers, and with them whatever extra state they keep (hit counters, its own locks, taken
 *       inside the monitor). {@code removeEldestEntry} is left as it is: the map calls it from
 *       inside {@code put}, under the monitor already. So are constructors and serialization hooks.
 *   <li>Every public method of the JDK map it extends that it does not declare is overridden by a
 *       {@code synchronized} call of the inherited one, so that the access-order relinking of a
 *       {@code get}, the resize of a {@code put} and the eviction they trigger are never run by two
 *       threads at once.
 *   <li>{@code keySet()}, {@code values()} and {@code entrySet()} answer views locked on the same
 *       monitor whose iterators walk a snapshot ({@link io.cacheguard.agent.runtime.MapSubclassViews}).
 * </ul>
 * The monitor is the map itself, as for {@code Collections.synchronizedMap}, so code that already
 * synchronizes on the map stays consistent with it. A class whose superclass is guarded already
 * only has its own methods made {@code synchronized}: the inherited ones are. A serializable class
 * without a {@code serialVersionUID} gets the one it had, so streams written before still read.
 */
final class MapSubclassGuard {
    /** Instance methods left as they are: called from inside a guarded method, or by serialization. */
    private static final Set<String> UNGUARDED = Set.of("<init>", "removeEldestEntry", "writeObject", "readObject",
            "readObjectNoData", "writeReplace", "readResolve", "finalize");
    private static final Set<String> VIEWS = Set.of("keySet", "values", "entrySet");
    /**
     * Inherited methods not overridden: they work through the locked views, and holding the monitor
     * while comparing with another guarded map would take two monitors in either order.
     */
    private static final Set<String> THROUGH_VIEWS = Set.of("equals", "hashCode", "toString");
    private static final String RAW_VIEWS = Type.getInternalName(RawMapViews.class);
    private static final String RAW_PREFIX = "cacheguard$";

    private MapSubclassGuard() {
    }

    /**
     * The guarded class file.
     *
     * @param jdkBase        the JDK map class it extends, at whatever depth; null when its superclass is guarded
     * @param finalInSupers  {@code name+descriptor} of methods its own superclasses between it and the
     *                       JDK declare final: those cannot be overridden
     * @param superGuarded   whether its superclass is guarded already
     */
    static byte[] guard(byte[] classFile, Class<?> jdkBase, Set<String> finalInSupers, boolean superGuarded) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        Guarding guarding = new Guarding(writer, superGuarded ? Map.of() : publicMethods(jdkBase), finalInSupers,
                superGuarded);
        reader.accept(new SerialVersionUIDAdder(Opcodes.ASM9, guarding) { }, 0);
        return writer.toByteArray();
    }

    /** {@code name+descriptor} → method, for the public instance methods a subclass may override. */
    private static Map<String, Method> publicMethods(Class<?> jdkBase) {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Method method : jdkBase.getMethods()) {
            int modifiers = method.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)
                    || method.getDeclaringClass() == Object.class || THROUGH_VIEWS.contains(method.getName())) {
                continue;
            }
            methods.putIfAbsent(method.getName() + Type.getMethodDescriptor(method), method);
        }
        return methods;
    }

    private static final class Guarding extends ClassVisitor {
        private final Map<String, Method> inherited;
        private final Set<String> finalInSupers;
        private final boolean superGuarded;
        private String superName;

        Guarding(ClassVisitor next, Map<String, Method> inherited, Set<String> finalInSupers, boolean superGuarded) {
            super(Opcodes.ASM9, next);
            this.inherited = new LinkedHashMap<>(inherited);
            this.finalInSupers = finalInSupers;
            this.superGuarded = superGuarded;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.superName = superName;
            if (!superGuarded) {
                String[] declared = interfaces == null ? new String[0] : interfaces;
                interfaces = Arrays.copyOf(declared, declared.length + 1);
                interfaces[declared.length] = RAW_VIEWS;
                if (signature != null) {
                    signature = signature + "L" + RAW_VIEWS + ";";
                }
            }
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            inherited.remove(name + descriptor); // declared here: guarded here, never overridden again
            boolean instance = (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            if (instance && !UNGUARDED.contains(name)) {
                access |= Opcodes.ACC_SYNCHRONIZED;
            }
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }

        @Override
        public void visitEnd() {
            if (!superGuarded) {
                for (Map.Entry<String, Method> entry : inherited.entrySet()) {
                    if (!finalInSupers.contains(entry.getKey())) {
                        override(entry.getValue());
                    }
                }
                for (String view : VIEWS) {
                    rawView(view);
                }
            }
            super.visitEnd();
        }

        /** {@code public synchronized R m(args) { return super.m(args); }}, or the locked view for a view. */
        private void override(Method method) {
            String descriptor = Type.getMethodDescriptor(method);
            MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNCHRONIZED, method.getName(),
                    descriptor, null, exceptionsOf(method));
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            if (VIEWS.contains(method.getName()) && method.getParameterCount() == 0) {
                viewHook(method.getName()).emit(mv);
            } else {
                int slot = 1;
                for (Type argument : Type.getArgumentTypes(descriptor)) {
                    mv.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
                    slot += argument.getSize();
                }
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, method.getName(), descriptor, false);
            }
            mv.visitInsn(Type.getReturnType(descriptor).getOpcode(Opcodes.IRETURN));
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /** {@code cacheguard$keySet()}: {@code super.keySet()}, for the locked views to work on. */
        private void rawView(String view) {
            Type returned = view.equals("values") ? Type.getType(java.util.Collection.class) : Type.getType(Set.class);
            String descriptor = Type.getMethodDescriptor(returned);
            MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, RAW_PREFIX + view, descriptor,
                    null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, view, descriptor, false);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        private static RuntimeCall viewHook(String view) {
            switch (view) {
                case "keySet":
                    return RuntimeCall.SUBCLASS_KEY_SET;
                case "values":
                    return RuntimeCall.SUBCLASS_VALUES;
                default:
                    return RuntimeCall.SUBCLASS_ENTRY_SET;
            }
        }

        private static String[] exceptionsOf(Method method) {
            Class<?>[] thrown = method.getExceptionTypes();
            if (thrown.length == 0) {
                return null;
            }
            String[] names = new String[thrown.length];
            for (int i = 0; i < thrown.length; i++) {
                names[i] = Type.getInternalName(thrown[i]);
            }
            return names;
        }
    }
}
