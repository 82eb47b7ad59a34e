package io.cacheguard.agent.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/** Method names as a person reads them in a reason: {@code get(String)}, {@code new ExpiringCache(Clock)}. */
final class MethodNames {
    private MethodNames() {
    }

    static String describe(String owner, String name, String descriptor) {
        String parameters = Arrays.stream(Type.getArgumentTypes(descriptor))
                .map(MethodNames::simpleTypeName)
                .collect(Collectors.joining(", "));
        if (name.equals("<init>")) {
            return "new " + LockResolver.simpleName(owner) + "(" + parameters + ")";
        }
        if (name.equals("<clinit>")) {
            return "static initializer of " + LockResolver.simpleName(owner);
        }
        if (name.startsWith("lambda$")) {
            String[] parts = name.split("\\$");
            return "a lambda in " + (parts.length > 1 ? parts[1] : name);
        }
        return name + "(" + parameters + ")";
    }

    private static String simpleTypeName(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return simpleTypeName(type.getElementType()) + "[]".repeat(type.getDimensions());
        }
        if (type.getSort() == Type.OBJECT) {
            return LockResolver.simpleName(type.getInternalName());
        }
        return type.getClassName();
    }
}
