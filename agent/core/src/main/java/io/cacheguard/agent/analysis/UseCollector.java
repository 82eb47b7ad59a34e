package io.cacheguard.agent.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Walks one analysed method and records every use of a tracked map field's value (through the
 * value frames, so locals, casts and views are followed), what is stored into those fields, and
 * the lock context of calls to private methods and of lambdas handed to map methods.
 */
final class UseCollector {
    /** Map methods that run the lambda they are given before they return, in the caller's thread. */
    private static final Set<String> RUNS_LAMBDA_IN_PLACE = Set.of(
            "computeIfAbsent", "computeIfPresent", "compute", "merge", "forEach", "replaceAll", "removeIf");

    private final Set<String> trackedFields;
    private final Map<String, Integer> methodAccess;
    private final LockResolver locks;
    private final MapSubclasses subclasses;
    private final Set<String> accessOrderedAllocations = new HashSet<>();
    /** What methods of other classes do with a map passed to them. */
    private final PassedMaps passedMaps;
    /** What static factories of the program return. */
    private final FactoryResults factories;

    /**
     * @param trackedFields owner.name of the map fields under analysis
     * @param methodAccess  owner.name+desc → access flags of every method of the analysed classes
     */
    UseCollector(Set<String> trackedFields, Map<String, Integer> methodAccess, LockResolver locks,
                 MapSubclasses subclasses, PassedMaps passedMaps, FactoryResults factories) {
        this.passedMaps = passedMaps;
        this.factories = factories;
        this.trackedFields = trackedFields;
        this.methodAccess = methodAccess;
        this.locks = locks;
        this.subclasses = subclasses;
    }

    /** @param sourceLines where the line numbers of the method's class point in the source */
    MethodFacts collect(MethodFlow flow, LockSet[] lockStates, MethodContext context, SourceLines sourceLines) {
        MethodFacts facts = new MethodFacts();
        String methodName = MethodNames.describe(flow.owner, flow.method.name, flow.method.desc);
        Walk walk = new Walk(flow, facts, methodName, sourceLines, context.duringInit);
        for (int i = 0; i < flow.size(); i++) {
            Frame<OriginValue> frame = flow.frames[i];
            if (frame == null || lockStates[i] == null) {
                continue;
            }
            walk.visit(i, flow.insn(i), frame, lockStates[i]);
        }
        for (Publication publication : walk.publications) {
            walk.changesAfter(publication, lockStates);
        }
        return facts;
    }

    /** A map allocated in this method and stored into a tracked field: from then on, it is the field's. */
    private static final class Publication {
        final int store;
        final String field;
        final AbstractInsnNode allocation;
        final int line;

        Publication(int store, String field, AbstractInsnNode allocation, int line) {
            this.store = store;
            this.field = field;
            this.allocation = allocation;
            this.line = line;
        }
    }

    private final class Walk {
        private final MethodFlow flow;
        private final MethodFacts facts;
        private final String methodName;
        private final SourceLines sourceLines;
        private final boolean duringInit;
        final List<Publication> publications = new ArrayList<>();

        Walk(MethodFlow flow, MethodFacts facts, String methodName, SourceLines sourceLines, boolean duringInit) {
            this.flow = flow;
            this.facts = facts;
            this.methodName = methodName;
            this.sourceLines = sourceLines;
            this.duringInit = duringInit;
        }

        void visit(int index, AbstractInsnNode insn, Frame<OriginValue> frame, LockSet held) {
            int line = flow.lines[index];
            switch (insn.getOpcode()) {
                case Opcodes.INVOKEVIRTUAL:
                case Opcodes.INVOKEINTERFACE:
                case Opcodes.INVOKESPECIAL:
                case Opcodes.INVOKESTATIC:
                    invoke((MethodInsnNode) insn, frame, held, line);
                    break;
                case Opcodes.INVOKEDYNAMIC:
                    invokeDynamic((InvokeDynamicInsnNode) insn, frame, held, line);
                    break;
                case Opcodes.PUTFIELD:
                case Opcodes.PUTSTATIC:
                    store(index, (FieldInsnNode) insn, LockFlow.top(frame, 0), held, line);
                    break;
                case Opcodes.ARETURN:
                    escape(LockFlow.top(frame, 0), "returned", held, line);
                    break;
                case Opcodes.AASTORE:
                    escape(LockFlow.top(frame, 0), "stored in an array", held, line);
                    break;
                default:
                    break;
            }
        }

        private void invoke(MethodInsnNode call, Frame<OriginValue> frame, LockSet held, int line) {
            Type[] arguments = Type.getArgumentTypes(call.desc);
            boolean hasReceiver = call.getOpcode() != Opcodes.INVOKESTATIC;
            OriginValue receiver = hasReceiver ? LockFlow.top(frame, arguments.length) : null;
            if (receiver != null && !call.name.equals("<init>")) {
                for (Origin origin : receiver.origins) {
                    if (isTracked(origin)) {
                        use(origin, classify(call.name, origin.role), operation(call.name, origin.role), held, line);
                    }
                }
            }
            boolean jdkCallee = MapTypes.isJdkOwner(call.owner);
            boolean runsLambdaHere = receiver != null && RUNS_LAMBDA_IN_PLACE.contains(call.name)
                    && receiver.origins.stream().anyMatch(Origin::isField);
            for (int a = 0; a < arguments.length; a++) {
                OriginValue argument = LockFlow.top(frame, arguments.length - 1 - a);
                for (Origin origin : argument.origins) {
                    if (origin.kind == Origin.Kind.LAMBDA) {
                        facts.call(origin.owner + "." + origin.name,
                                runsLambdaHere ? new MethodContext(held, duringInit) : MethodContext.UNGUARDED);
                    } else if (isTracked(origin)) {
                        if (jdkCallee) {
                            use(origin, Access.READ, "passed to " + LockResolver.simpleName(call.owner) + "."
                                    + call.name, held, line);
                        } else {
                            passedTo(call, a, origin, held, line);
                        }
                    }
                }
            }
            if (call.name.equals("<init>") && call.owner.equals("java/util/LinkedHashMap")
                    && call.desc.equals("(IFZ)V")) {
                noteAccessOrder(receiver, LockFlow.top(frame, 0));
            }
            Integer access = methodAccess.get(call.owner + "." + call.name + call.desc);
            if (access != null && ClassAnalysis.isHelper(access)) {
                facts.call(call.owner + "." + call.name + call.desc, new MethodContext(held, duringInit));
                facts.callSite(call.owner + "." + call.name + call.desc,
                        new CallSite(methodName, sourceLines.locate(line), held));
            }
        }

        /**
         * A map passed to a method of the program: a use with this call's locks when that method
         * only reads or changes it while it runs, an escape when it lets it go further.
         */
        private void passedTo(MethodInsnNode call, int argument, Origin origin, LockSet held, int line) {
            String callee = LockResolver.simpleName(call.owner) + "." + call.name + "()";
            switch (passedMaps.of(call, argument, origin.role)) {
                case READS:
                    use(origin, Access.READ, "passed to " + callee + ", which only reads it", held, line);
                    break;
                case WRITES:
                    use(origin, Access.WRITE, "passed to " + callee + ", which changes it", held, line);
                    break;
                default:
                    escapeOf(origin, "passed to " + call.name + "()", held, line);
                    break;
            }
        }

        private void invokeDynamic(InvokeDynamicInsnNode indy, Frame<OriginValue> frame, LockSet held, int line) {
            Type[] arguments = Type.getArgumentTypes(indy.desc);
            boolean concatenation = indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory");
            for (int a = 0; a < arguments.length; a++) {
                for (Origin origin : LockFlow.top(frame, arguments.length - 1 - a).origins) {
                    if (isTracked(origin)) {
                        if (concatenation) {
                            use(origin, Access.READ, "string concatenation", held, line);
                        } else {
                            escapeOf(origin, "captured by a lambda", held, line);
                        }
                    }
                }
            }
        }

        private void store(int index, FieldInsnNode field, OriginValue value, LockSet held, int line) {
            String key = field.owner + "." + field.name;
            if (trackedFields.contains(key)) {
                for (Origin origin : value.origins) {
                    facts.assign(field.name, describe(origin));
                    if (origin.kind == Origin.Kind.NEW) {
                        publications.add(new Publication(index, field.name, origin.insn, line));
                    }
                }
                boolean entries = !duringInit && value.origins.stream().anyMatch(this::mayHoldEntries);
                facts.uses.add(new FieldUse(field.name, Access.ASSIGN, entries ? "assignment" : "assignment of "
                        + (value.origins.stream().allMatch(o -> o.kind == Origin.Kind.NULL) ? "null" : "a new empty map"),
                        methodName, sourceLines.locate(line), held, duringInit, entries));
            }
            for (Origin origin : value.origins) {
                if (isTracked(origin) && !(origin.owner + "." + origin.name).equals(key)) {
                    escapeOf(origin, "stored in field " + field.name, held, line);
                }
            }
        }

        /**
         * Whether a value stored into a field may carry entries: anything but {@code null} and a JDK
         * map allocated here with no map argument and never changed in this method.
         */
        private boolean mayHoldEntries(Origin value) {
            if (value.kind == Origin.Kind.NULL) {
                return false;
            }
            if (value.kind != Origin.Kind.NEW || !MapTypes.isJdkOwner(value.owner)) {
                return true;
            }
            for (int i = 0; i < flow.size(); i++) {
                AbstractInsnNode insn = flow.insn(i);
                if (!(insn instanceof MethodInsnNode) || insn.getOpcode() == Opcodes.INVOKESTATIC
                        || flow.frames[i] == null) {
                    continue;
                }
                MethodInsnNode call = (MethodInsnNode) insn;
                Type[] arguments = Type.getArgumentTypes(call.desc);
                boolean onIt = LockFlow.top(flow.frames[i], arguments.length).origins.stream()
                        .anyMatch(o -> o.kind == Origin.Kind.NEW && o.insn == value.insn);
                if (!onIt) {
                    continue;
                }
                if (call.name.equals("<init>")) {
                    for (Type argument : arguments) {
                        if (argument.getSort() == Type.OBJECT || argument.getSort() == Type.ARRAY) {
                            return true; // new HashMap<>(other): a copy
                        }
                    }
                } else if (classify(call.name, Origin.Role.VALUE) == Access.WRITE) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Changes to a map made through the local it was allocated in, on a path from the store that
         * published it: other threads can see the map from that store on, so such a change is the
         * field's, a copy-on-write that publishes too early. A path that reaches the allocation
         * again works on a new map and stops there.
         */
        void changesAfter(Publication publication, LockSet[] lockStates) {
            boolean[] seen = new boolean[flow.size()];
            Deque<Integer> pending = new ArrayDeque<>(successors(publication.store));
            while (!pending.isEmpty()) {
                int index = pending.pop();
                if (seen[index] || flow.frames[index] == null || lockStates[index] == null) {
                    continue;
                }
                seen[index] = true;
                AbstractInsnNode insn = flow.insn(index);
                if (insn == publication.allocation) {
                    continue;
                }
                if (insn instanceof MethodInsnNode && insn.getOpcode() != Opcodes.INVOKESTATIC) {
                    changeOfPublished((MethodInsnNode) insn, flow.frames[index], publication, lockStates[index],
                            flow.lines[index]);
                }
                pending.addAll(successors(index));
            }
        }

        private List<Integer> successors(int index) {
            List<Integer> all = new ArrayList<>(flow.normalSuccessors.get(index));
            all.addAll(flow.exceptionSuccessors.get(index));
            return all;
        }

        private void changeOfPublished(MethodInsnNode call, Frame<OriginValue> frame, Publication publication,
                                       LockSet held, int line) {
            if (call.name.equals("<init>")) {
                return;
            }
            OriginValue receiver = LockFlow.top(frame, Type.getArgumentTypes(call.desc).length);
            for (Origin origin : receiver.origins) {
                if (origin.kind == Origin.Kind.NEW && origin.insn == publication.allocation
                        && classify(call.name, origin.role) == Access.WRITE) {
                    facts.uses.add(new FieldUse(publication.field, Access.WRITE,
                            operation(call.name, origin.role) + " after the map was published in "
                                    + publication.field + " (line " + publication.line + ")",
                            methodName, sourceLines.locate(line), held, duringInit));
                    return;
                }
            }
        }

        /** {@code  (line 12)} in the class's own file, {@code  (Maps.kt:384)} in another, or nothing. */
        private String lineNote(int line) {
            SourceLines.Site site = sourceLines.locate(line);
            if (site.line <= 0) {
                return "";
            }
            return site.inOwnFile ? " (line " + site.line + ")" : " (" + site.file + ":" + site.line + ")";
        }

        private void escape(OriginValue value, String how, LockSet held, int line) {
            for (Origin origin : value.origins) {
                if (isTracked(origin)) {
                    escapeOf(origin, how, held, line);
                }
            }
        }

        /**
         * A read-only view that leaves the class is read later, by code holding none of the class's
         * locks: a read without a lock, not an escape. Any other value leaves as an escape.
         */
        private void escapeOf(Origin origin, String how, LockSet held, int line) {
            if (origin.role == Origin.Role.READ_ONLY_VIEW) {
                use(origin, Access.READ, how + " as a read-only view (read later without a lock)", LockSet.EMPTY,
                        line);
            } else {
                use(origin, Access.ESCAPE, how, held, line);
            }
        }

        private void use(Origin origin, Access access, String operation, LockSet held, int line) {
            facts.uses.add(new FieldUse(origin.name, access, operation, methodName, sourceLines.locate(line), held,
                    duringInit));
        }

        /** The declared type of the parameter in local {@code local}, or null (this, or not a parameter). */
        private Type parameterType(int local) {
            int slot = (flow.method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
            for (Type argument : Type.getArgumentTypes(flow.method.desc)) {
                if (slot == local) {
                    return argument;
                }
                slot += argument.getSize();
            }
            return null;
        }

        private void noteAccessOrder(OriginValue receiver, OriginValue accessOrderFlag) {
            boolean surelyFalse = accessOrderFlag.origins.size() == 1
                    && accessOrderFlag.origins.iterator().next().kind == Origin.Kind.INT
                    && accessOrderFlag.origins.iterator().next().number == 0;
            if (!surelyFalse) {
                for (Origin origin : receiver.origins) {
                    if (origin.kind == Origin.Kind.NEW) {
                        accessOrderedAllocations.add(allocationKey(flow, origin));
                    }
                }
            }
        }

        /** The thread-safe maps a static factory of the program returns for the arguments of this call, or null. */
        private Set<String> factoryResult(Origin call) {
            if (!(call.insn instanceof MethodInsnNode)) {
                return null;
            }
            int index = flow.method.instructions.indexOf(call.insn);
            return index < 0 || flow.frames[index] == null ? null
                    : factories.threadSafeResults((MethodInsnNode) call.insn, flow.frames[index]);
        }

        private AssignedValue describe(Origin origin) {
            switch (origin.kind) {
                case NULL:
                    return new AssignedValue("null", false, false, true);
                case NEW: {
                    String type = origin.owner;
                    if (type.equals("java/util/LinkedHashMap")) {
                        boolean accessOrdered = accessOrderedAllocations.contains(allocationKey(flow, origin));
                        return new AssignedValue("java.util.LinkedHashMap" + (accessOrdered ? " (access order)" : ""),
                                false, accessOrdered, false);
                    }
                    if (MapTypes.isJdkOwner(type)) {
                        boolean threadSafe = MapTypes.isThreadSafeAllocation(type);
                        return new AssignedValue(type.replace('/', '.'), threadSafe, false, false,
                                !threadSafe && !MapTypes.isWrappableAllocation(type));
                    }
                    MapSubclasses.Kind kind = subclasses.classify(type);
                    return new AssignedValue(type.replace('/', '.') + kind.suffix(), false,
                            kind == MapSubclasses.Kind.LINKED_HASH_MAP_ACCESS_ORDER, false);
                }
                case CALL: {
                    // A method declared to return a ConcurrentMap hands back one, whatever builds it.
                    boolean safe = MapTypes.isThreadSafeFactory(origin.owner, origin.name) || origin.threadSafeResult;
                    String note = origin.threadSafeResult ? " (declared to return a thread-safe map)" : "";
                    if (!safe) {
                        Set<String> built = factoryResult(origin);
                        safe = built != null;
                        note = safe ? " (returns only " + String.join(", ", built) + " for these arguments)" : "";
                    }
                    return new AssignedValue(LockResolver.simpleName(origin.owner) + "." + origin.name + "(...)"
                            + note, safe, false, false);
                }
                case PARAMETER: {
                    // a parameter declared ConcurrentMap is one, whoever passes it
                    Type declared = parameterType(origin.number);
                    boolean safe = declared != null && declared.getSort() == Type.OBJECT
                            && MapTypes.THREAD_SAFE_TYPES.contains(declared.getInternalName());
                    return new AssignedValue(safe ? "a parameter declared " + declared.getClassName() : "a parameter",
                            safe, false, false);
                }
                case FIELD:
                    return new AssignedValue("the value of field " + origin.name, false, false, false);
                default:
                    return new AssignedValue("an unknown value", false, false, false);
            }
        }
    }

    private static String allocationKey(MethodFlow flow, Origin allocation) {
        return flow.owner + "." + flow.method.name + flow.method.desc + "@"
                + flow.method.instructions.indexOf(allocation.insn);
    }

    private boolean isTracked(Origin origin) {
        return origin.isField() && origin.role != Origin.Role.READ_LOCK && origin.role != Origin.Role.WRITE_LOCK
                && trackedFields.contains(origin.owner + "." + origin.name);
    }

    /** Read or write, by the method called and what the receiver is (the map, a view, an iterator, an entry). */
    static Access classify(String method, Origin.Role role) {
        switch (role) {
            case VALUE:
                return MapTypes.isMapWrite(method) ? Access.WRITE : Access.READ;
            case VIEW:
                return MapTypes.isViewWrite(method) ? Access.WRITE : Access.READ;
            case ITERATOR:
                return method.equals("remove") || method.equals("set") || method.equals("add")
                        ? Access.WRITE : Access.READ;
            case ENTRY:
                return method.equals("setValue") ? Access.WRITE : Access.READ;
            case READ_ONLY_VIEW:
                return Access.READ; // its changing methods throw
            default:
                return Access.READ;
        }
    }

    private static String operation(String method, Origin.Role role) {
        switch (role) {
            case VIEW:
                return "view " + method;
            case ITERATOR:
                return "iterator " + method;
            case ENTRY:
                return "entry " + method;
            case READ_ONLY_VIEW:
                return "read-only view " + method;
            default:
                return method;
        }
    }
}
