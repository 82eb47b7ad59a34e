package io.cacheguard.agent.analysis;

import io.cacheguard.agent.classfile.ClassFileWalker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * One class's analysis, for {@link ClassAnalyzer}: its classes (the class and its nest members),
 * their method flows, the lock contexts carried into private methods and lambdas, and the facts
 * they yield about each map field.
 */
final class ClassAnalysis {
    /** Rounds of the interprocedural fixpoint; lock sets only shrink, so a few rounds settle. */
    private static final int MAX_ROUNDS = 16;

    private final ClassBytesSource related;
    private final ClassNode owner;
    private final Set<String> trackedFields = new LinkedHashSet<>();
    private final List<ClassNode> classes = new ArrayList<>();
    private final Map<String, Integer> methodAccess = new HashMap<>();
    private final Map<String, Origin> accessors = new HashMap<>();
    private final Map<String, MethodFlow> flows = new LinkedHashMap<>();
    /** Per class (the owner and its nest members): where its line numbers point in the source. */
    private final Map<String, SourceLines> sourceLines = new HashMap<>();
    /** Field name → why it could not be decided. */
    private final Map<String, String> failures = new HashMap<>();
    private final List<FieldUse> uses = new ArrayList<>();
    private final Map<String, List<AssignedValue>> assigned = new HashMap<>();
    private final MapSubclasses subclasses;
    /** Each method's last walk and the context it was walked in. */
    private final Map<String, Map.Entry<MethodContext, MethodFacts>> factsByMethod = new HashMap<>();
    /** The methods worth a flow analysis; see {@link #relevantMethods()}. */
    private Set<String> relevant = Set.of();
    /** Method key → the methods of the analysed classes that call it or take a handle to it. */
    private final Map<String, Set<String>> callers = new HashMap<>();
    /** Package-private and protected fields whose users the whole program shows: name → who they are. */
    private final Map<String, FieldReach> reaches = new HashMap<>();
    /** The other classes analysed with the owner because they use one of its non-private fields. */
    private final List<ClassNode> users = new ArrayList<>();
    private final List<FieldNode> mapFields;
    /** The names of {@link #classes}, once they are all known; built on first need. */
    private Set<String> analysedNames;
    /** {@link #operationState()}, once looked for. */
    private Optional<OperationState.Evidence> operationState;
    /** A tracked field referenced through a subclass ({@code Sub.cache}): owner.name → the declaring class. */
    private final Map<String, String> declaringClass = new HashMap<>();

    /** @param related where the class files of nest members and map subclasses are read from */
    ClassAnalysis(ClassBytesSource related, ClassNode owner, List<FieldNode> mapFields, MapSubclasses subclasses) {
        this.related = related;
        this.owner = owner;
        this.subclasses = subclasses;
        this.mapFields = mapFields;
        for (FieldNode field : mapFields) {
            trackedFields.add(owner.name + "." + field.name);
        }
    }

    /**
     * With a source that lists the whole program (a scan), the classes that can use a
     * package-private or protected map field are known: those of its package, and for a protected
     * one its subclasses too. Those that name it in a field reference are analysed with the owner,
     * like nest members, so their locks count; a reference through a subclass ({@code Sub.cache})
     * is the same field. A public field stays open to code outside the program.
     */
    private void includeUsers() {
        ClassIndex index = related.index();
        if (index == null) {
            return;
        }
        Set<String> owners = null;
        Set<String> added = new HashSet<>();
        for (FieldNode field : mapFields) {
            if ((field.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_PUBLIC)) != 0) {
                continue;
            }
            if (owners == null) {
                owners = ownerAndSubclasses(index);
            }
            boolean isProtected = (field.access & Opcodes.ACC_PROTECTED) != 0;
            List<String> fieldUsers = includeUsersOf(field, candidates(index, owners, isProtected), owners, added);
            List<String> namedBy = new ArrayList<>();
            for (String naming : index.classesNaming(field.name)) {
                if (!isOwnerOrNested(naming)) {
                    namedBy.add(naming);
                }
            }
            reaches.put(field.name, new FieldReach(isProtected ? "its package or its subclasses" : "its package",
                    fieldUsers, namedBy));
        }
    }

    /**
     * The owner and its subclasses in the program: a reference through a subclass ({@code Sub.cache})
     * is to the owner's field, and is tracked as such, unless the subclass hides it with its own.
     */
    private Set<String> ownerAndSubclasses(ClassIndex index) {
        Set<String> owners = new LinkedHashSet<>(index.subclassesOf(owner.name));
        for (String sub : owners) {
            for (FieldNode tracked : mapFields) {
                if (!hasOwnField(sub, tracked.name)) {
                    trackedFields.add(sub + "." + tracked.name);
                    declaringClass.put(sub + "." + tracked.name, owner.name);
                }
            }
        }
        owners.add(owner.name);
        return owners;
    }

    /** The classes that may use the field: its package, and for a protected one each subclass with its nest. */
    private Set<String> candidates(ClassIndex index, Set<String> owners, boolean isProtected) {
        Set<String> candidates = new LinkedHashSet<>(index.classesIn(ClassIndex.packageOf(owner.name)));
        if (isProtected) {
            for (String sub : owners) {
                for (String inPackage : index.classesIn(ClassIndex.packageOf(sub))) {
                    if (inPackage.equals(sub) || inPackage.startsWith(sub + "$")) {
                        candidates.add(inPackage);
                    }
                }
            }
        }
        return candidates;
    }

    /**
     * The candidates that reference the field, each read once (across fields: {@code added}) into the
     * classes analysed with the owner; one that cannot be read leaves the field undecided.
     */
    private List<String> includeUsersOf(FieldNode field, Set<String> candidates, Set<String> owners,
                                        Set<String> added) {
        List<String> fieldUsers = new ArrayList<>();
        for (String candidate : candidates) {
            if (isOwnerOrNested(candidate)) {
                continue;
            }
            byte[] bytes = related.bytesOf(candidate);
            if (bytes == null || !refersToField(bytes, owners, field.name)) {
                continue;
            }
            fieldUsers.add(candidate);
            if (added.add(candidate)) {
                ClassNode node = ClassAnalyzer.read(bytes);
                if (node == null) {
                    failures.putIfAbsent(field.name, "could not read " + candidate.replace('/', '.')
                            + ", which uses the field");
                } else {
                    users.add(node);
                }
            }
        }
        return fieldUsers;
    }

    private boolean isOwnerOrNested(String name) {
        return name.equals(owner.name) || name.startsWith(owner.name + "$");
    }

    /** A subclass that declares a field of the same name hides the owner's: its references are its own. */
    private boolean hasOwnField(String subclass, String field) {
        byte[] bytes = related.bytesOf(subclass);
        if (bytes == null) {
            return false;
        }
        try {
            ClassFileWalker walker = new ClassFileWalker(bytes);
            boolean[] hides = new boolean[1];
            walker.anyMember(new ClassFileWalker.MemberVisitor() {
                @Override
                public boolean field(int access, int member) {
                    hides[0] = field.equals(walker.memberName(member));
                    return hides[0];
                }

                @Override
                public boolean method(int access, int member, int codeStart, int codeLength) {
                    return true; // the fields come first: nothing more to see
                }
            });
            return hides[0];
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    /** Whether a class file references field {@code name} of one of {@code owners}. */
    private static boolean refersToField(byte[] classFile, Set<String> owners, String name) {
        try {
            ClassFileWalker walker = new ClassFileWalker(classFile);
            return walker.anyConstant((tag, offset) -> tag == ClassFileWalker.FIELDREF
                    && name.equals(walker.refName(offset)) && owners.contains(walker.refOwner(offset)));
        } catch (RuntimeException malformed) {
            return true; // let the full read decide, and report
        }
    }

    /** Who besides the owner can use a package-private or protected field, or null when it is not known. */
    FieldReach reach(String field) {
        return reaches.get(field);
    }

    void run() {
        classes.add(owner);
        includeUsers();
        classes.addAll(users);
        for (String member : nestMembers()) {
            byte[] bytes = related.bytesOf(member);
            ClassNode node = bytes == null || !refersToOwner(bytes) ? null : ClassAnalyzer.read(bytes);
            if (node != null) {
                classes.add(node);
            }
        }
        for (ClassNode node : classes) {
            for (MethodNode method : node.methods) {
                methodAccess.put(key(node.name, method), method.access);
                Origin accessor = accessedField(node, method);
                if (accessor != null) {
                    accessors.put(key(node.name, method), accessor);
                }
            }
        }
        relevant = relevantMethods();
        LockResolver locks = analyzeMethods(new LockResolver(Map.of()));
        Map<String, LockId> sides = lockSideFields(locks);
        if (!sides.isEmpty()) {
            locks = analyzeMethods(new LockResolver(sides));
        }
        OtherClasses others = new OtherClasses(related); // one cache of the classes read, for both
        UseCollector collector = new UseCollector(trackedFields, methodAccess, locks, subclasses, new PassedMaps(others),
                new FactoryResults(others));
        Map<String, MethodContext> contexts = contexts(locks, collector);
        Map<String, MethodFacts> all = new LinkedHashMap<>();
        Map<String, List<CallSite>> callSites = new HashMap<>();
        for (Map.Entry<String, MethodFlow> entry : flows.entrySet()) {
            if (accessors.containsKey(entry.getKey())) {
                continue; // an accessor's body is accounted for at its call sites
            }
            if (neverCalled(entry.getKey())) {
                continue; // a private getter nothing calls hands the map to no one
            }
            MethodFacts facts = facts(entry.getKey(), contexts.get(entry.getKey()), collector, locks);
            all.put(entry.getKey(), facts);
            facts.callSites.forEach((callee, sites) ->
                    callSites.computeIfAbsent(callee, k -> new ArrayList<>()).addAll(sites));
        }
        all.forEach((method, facts) -> {
            List<CallSite> sites = inheritsCallerContext(method) ? callSites.get(method) : null;
            for (FieldUse use : facts.uses) {
                uses.add(sites == null ? use : use.calledFrom(sites));
            }
            facts.assignments.forEach((field, values) ->
                    assigned.computeIfAbsent(field, k -> new ArrayList<>()).addAll(values));
        });
    }

    private LockResolver analyzeMethods(LockResolver locks) {
        flows.clear();
        for (ClassNode node : classes) {
            sourceLines.put(node.name, SourceLines.of(node));
            OriginInterpreter interpreter = new OriginInterpreter(node.name, locks, accessors, declaringClass);
            for (MethodNode method : node.methods) {
                if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                        || !relevant.contains(key(node.name, method))) {
                    continue;
                }
                try {
                    flows.put(key(node.name, method), MethodFlow.analyze(node.name, method, interpreter));
                } catch (AnalyzerException | RuntimeException e) {
                    String why = "could not analyse " + MethodNames.describe(node.name, method.name, method.desc)
                            + ": " + e.getMessage();
                    for (String field : fieldsTouchedBy(method)) {
                        failures.putIfAbsent(field, why);
                    }
                }
            }
        }
        return locks;
    }

    /**
     * The methods whose flow can matter, so that a big class with a small cache costs little:
     * those that touch a tracked field (or call its accessor), those that may store one side of
     * a read-write lock into a field, and, transitively, every caller of a relevant private
     * method or lambda, whose lock state at the call is that method's context.
     */
    private Set<String> relevantMethods() {
        Set<String> result = new LinkedHashSet<>();
        for (ClassNode node : classes) {
            for (MethodNode method : node.methods) {
                String self = key(node.name, method);
                boolean touches = false;
                boolean lockSide = false;
                boolean stores = false;
                for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (insn instanceof FieldInsnNode) {
                        FieldInsnNode field = (FieldInsnNode) insn;
                        touches |= trackedFields.contains(field.owner + "." + field.name);
                        stores |= insn.getOpcode() == Opcodes.PUTFIELD || insn.getOpcode() == Opcodes.PUTSTATIC;
                    } else if (insn instanceof MethodInsnNode) {
                        MethodInsnNode call = (MethodInsnNode) insn;
                        String callee = call.owner + "." + call.name + call.desc;
                        touches |= accessors.containsKey(callee);
                        lockSide |= call.name.endsWith("eadLock") || call.name.endsWith("riteLock");
                        callers.computeIfAbsent(callee, k -> new LinkedHashSet<>()).add(self);
                    } else if (insn instanceof InvokeDynamicInsnNode) {
                        for (Object argument : ((InvokeDynamicInsnNode) insn).bsmArgs) {
                            if (argument instanceof Handle) {
                                Handle handle = (Handle) argument;
                                callers.computeIfAbsent(handle.getOwner() + "." + handle.getName() + handle.getDesc(),
                                        k -> new LinkedHashSet<>()).add(self);
                            }
                        }
                    }
                }
                if (touches || (lockSide && stores)) {
                    result.add(self);
                }
            }
        }
        Deque<String> work = new ArrayDeque<>(result);
        while (!work.isEmpty()) {
            String method = work.pop();
            Integer access = methodAccess.get(method);
            if (access == null || !isHelper(access)) {
                continue; // its context does not depend on its callers
            }
            for (String caller : callers.getOrDefault(method, Set.of())) {
                if (result.add(caller)) {
                    work.push(caller);
                }
            }
        }
        return result;
    }

    /** Fields that hold one side of a read-write lock, found from what the class stores into them. */
    private Map<String, LockId> lockSideFields(LockResolver locks) {
        Map<String, LockId> sides = new HashMap<>();
        for (MethodFlow flow : flows.values()) {
            for (int i = 0; i < flow.size(); i++) {
                AbstractInsnNode insn = flow.insn(i);
                int opcode = insn.getOpcode();
                if ((opcode != Opcodes.PUTFIELD && opcode != Opcodes.PUTSTATIC) || flow.frames[i] == null) {
                    continue;
                }
                OriginValue value = LockFlow.top(flow.frames[i], 0);
                for (Origin origin : value.origins) {
                    if (origin.isField() && (origin.role == Origin.Role.READ_LOCK
                            || origin.role == Origin.Role.WRITE_LOCK)) {
                        FieldInsnNode field = (FieldInsnNode) insn;
                        sides.put(field.owner + "." + field.name, new LockId(
                                origin.role == Origin.Role.READ_LOCK ? LockId.Mode.READ : LockId.Mode.WRITE,
                                "field:" + origin.owner + "." + origin.name, "'" + origin.name + "'"));
                    }
                }
            }
        }
        return sides;
    }

    /**
     * The context every method starts in. Non-private methods can be called from anywhere, with
     * no lock; private methods and lambdas start with what all their call sites hold.
     */
    /**
     * What a walk of {@code method} in {@code context} finds; remembered, since the fixpoint's
     * last round already walked most methods in their final context.
     */
    private MethodFacts facts(String method, MethodContext context, UseCollector collector, LockResolver locks) {
        Map.Entry<MethodContext, MethodFacts> known = factsByMethod.get(method);
        if (known != null && known.getKey().equals(context)) {
            return known.getValue();
        }
        MethodFlow flow = flows.get(method);
        MethodFacts facts = collector.collect(flow, LockFlow.compute(flow, context.locks, locks), context,
                sourceLines.get(flow.owner));
        factsByMethod.put(method, Map.entry(context, facts));
        return facts;
    }

    private Map<String, MethodContext> contexts(LockResolver locks, UseCollector collector) {
        Map<String, MethodContext> contexts = new HashMap<>();
        for (String method : flows.keySet()) {
            if (!inheritsCallerContext(method)) {
                contexts.put(method, ownContext(method, MethodContext.UNGUARDED.locks,
                        isInitializer(method)));
            } else if ((methodAccess.get(method) & Opcodes.ACC_PRIVATE) == 0 && !callers.containsKey(method)) {
                // A protected method no analysed class calls is called by subclasses, with no lock we know
                // of; walked from the start, so the helpers it calls see that unlocked call too.
                contexts.put(method, ownContext(method, LockSet.EMPTY, false));
            }
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Map<String, MethodContext> callSites = new HashMap<>();
            for (Map.Entry<String, MethodContext> entry : contexts.entrySet()) {
                MethodFacts facts = facts(entry.getKey(), entry.getValue(), collector, locks);
                facts.calls.forEach((callee, sites) -> {
                    for (MethodContext site : sites) {
                        callSites.merge(callee, site, MethodContext::meet);
                    }
                });
            }
            boolean changed = false;
            for (Map.Entry<String, MethodContext> site : callSites.entrySet()) {
                String callee = site.getKey();
                if (!flows.containsKey(callee) || !inheritsCallerContext(callee)) {
                    continue;
                }
                MethodContext next = ownContext(callee, site.getValue().locks, site.getValue().duringInit);
                if (!next.equals(contexts.get(callee))) {
                    contexts.put(callee, next);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        for (String method : flows.keySet()) {
            contexts.putIfAbsent(method, ownContext(method, LockSet.EMPTY, false)); // never called: assume the worst
        }
        return contexts;
    }

    /** Private methods the JVM calls itself, without a call site in the class. */
    private static final Set<String> CALLED_BY_SERIALIZATION = Set.of(
            "readObject", "writeObject", "readObjectNoData", "readResolve", "writeReplace");

    /**
     * A private method (not an initialiser, not one serialization calls) that no method of the class
     * or its nest calls or takes a handle to, or a package-private one nothing in its package calls
     * (when the whole program is in view): dead code, whose uses of a map happen never.
     */
    private boolean neverCalled(String method) {
        int access = methodAccess.get(method);
        boolean packagePrivate = (access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED | Opcodes.ACC_PUBLIC)) == 0;
        if ((access & Opcodes.ACC_PRIVATE) == 0 && !packagePrivate || isInitializer(method)
                || callers.containsKey(method)) {
            return false;
        }
        int dot = method.indexOf('.');
        int paren = method.indexOf('(', dot);
        String name = method.substring(dot + 1, paren);
        if (CALLED_BY_SERIALIZATION.contains(name)) {
            return false;
        }
        return !packagePrivate || packageNeverCalls(method.substring(0, dot), name, method.substring(paren));
    }

    /**
     * A package-private method is dead when the whole program is in view (a scan) and no class of its
     * package names a method of that name and descriptor (on any class: a call through a superclass
     * reaches an override) nor any class names it in a string (reflection).
     */
    private boolean packageNeverCalls(String owner, String name, String descriptor) {
        ClassIndex index = related.index();
        if (index == null || !index.classesNaming(name).isEmpty()) {
            return false;
        }
        if (analysedNames == null) {
            analysedNames = new HashSet<>();
            for (ClassNode node : classes) {
                analysedNames.add(node.name); // their calls are in 'callers' already
            }
        }
        for (String candidate : index.classesIn(ClassIndex.packageOf(owner))) {
            byte[] bytes = analysedNames.contains(candidate) ? null : related.bytesOf(candidate);
            if (bytes != null && refersToMethod(bytes, name, descriptor)) {
                return false;
            }
        }
        return true;
    }

    private static boolean refersToMethod(byte[] classFile, String name, String descriptor) {
        try {
            ClassFileWalker walker = new ClassFileWalker(classFile);
            return walker.anyConstant((tag, offset) -> (tag == ClassFileWalker.METHODREF
                    || tag == ClassFileWalker.INTERFACE_METHODREF) && name.equals(walker.refName(offset))
                    && descriptor.equals(walker.refDescriptor(offset)));
        } catch (RuntimeException malformed) {
            return true; // it may call it: let its own analysis report the class
        }
    }

    private MethodContext ownContext(String method, LockSet inherited, boolean duringInit) {
        int access = methodAccess.get(method);
        if ((access & Opcodes.ACC_SYNCHRONIZED) == 0) {
            return new MethodContext(inherited, duringInit);
        }
        String owner = method.substring(0, method.indexOf('.'));
        return new MethodContext(inherited.plus(LockResolver.methodMonitor(owner,
                (access & Opcodes.ACC_STATIC) != 0)), duringInit);
    }

    private boolean inheritsCallerContext(String method) {
        return isHelper(methodAccess.get(method)) && !isInitializer(method);
    }

    /**
     * A private or protected method: a helper ({@code getWithoutLock}) whose lock context is what
     * all its call sites in the class hold. A protected one may also be called by a subclass the
     * analysis does not see; the class's own calls are taken as its contract.
     */
    static boolean isHelper(int access) {
        return (access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED)) != 0;
    }

    private boolean isInitializer(String method) {
        int dot = method.indexOf('.');
        return method.startsWith("<init>", dot + 1) || method.startsWith("<clinit>", dot + 1);
    }

    /**
     * Whether a nest member names a tracked field or a method of the owner in its constant pool:
     * only then can its code touch the map or give one of the owner's private methods a lock
     * context. A large class's many closures are passed over without being parsed.
     */
    private boolean refersToOwner(byte[] classFile) {
        try {
            ClassFileWalker walker = new ClassFileWalker(classFile);
            return walker.anyConstant((tag, offset) -> {
                boolean member = tag == ClassFileWalker.FIELDREF || tag == ClassFileWalker.METHODREF
                        || tag == ClassFileWalker.INTERFACE_METHODREF;
                if (!member || !owner.name.equals(walker.refOwner(offset))) {
                    return false;
                }
                return tag != ClassFileWalker.FIELDREF || trackedFields.contains(owner.name + "." + walker.refName(offset));
            });
        } catch (RuntimeException malformed) {
            return true; // let the full read decide, and report
        }
    }

    /** Inner, anonymous and local classes of the owner, whose code can touch its private fields. */
    private Set<String> nestMembers() {
        Set<String> members = new LinkedHashSet<>();
        if (owner.nestMembers != null) {
            members.addAll(owner.nestMembers);
        }
        if (owner.innerClasses != null) {
            for (InnerClassNode inner : owner.innerClasses) {
                if (inner.name.startsWith(owner.name + "$")) {
                    members.add(inner.name);
                }
            }
        }
        members.remove(owner.name);
        return members;
    }

    /**
     * The field a synthetic or private accessor returns ({@code access$000}, Kotlin's
     * {@code access$getCache$p}, a Scala-style private {@code cache()}), or null: a call to
     * such a method is a read of the field itself, not a call that lets the map escape.
     */
    private Origin accessedField(ClassNode node, MethodNode method) {
        boolean candidate = (method.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_PRIVATE)) != 0
                || method.name.startsWith("access$");
        if (!candidate || !method.desc.endsWith(")Ljava/util/Map;") && !method.desc.contains(")Ljava/util/")) {
            return null;
        }
        FieldInsnNode read = null;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int opcode = insn.getOpcode();
            if (opcode < 0 || opcode == Opcodes.ALOAD || opcode == Opcodes.CHECKCAST) {
                continue;
            }
            if ((opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) && read == null) {
                read = (FieldInsnNode) insn;
            } else if (opcode == Opcodes.ARETURN && read != null) {
                return trackedFields.contains(read.owner + "." + read.name)
                        ? Origin.field(declaringClass.getOrDefault(read.owner + "." + read.name, read.owner), read.name)
                        : null;
            } else {
                return null;
            }
        }
        return null;
    }

    private Set<String> fieldsTouchedBy(MethodNode method) {
        Set<String> fields = new LinkedHashSet<>();
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof FieldInsnNode) {
                FieldInsnNode field = (FieldInsnNode) insn;
                if (trackedFields.contains(field.owner + "." + field.name)) {
                    fields.add(field.name);
                }
            }
        }
        return fields;
    }

    List<FieldUse> uses(String field) {
        List<FieldUse> result = new ArrayList<>();
        for (FieldUse use : uses) {
            if (use.field.equals(field)) {
                result.add(use);
            }
        }
        return result;
    }

    List<AssignedValue> assigned(String field) {
        return assigned.getOrDefault(field, List.of());
    }

    /** The lazy initialisations of a field in the owner's own methods. */
    Set<String> lazyInitStores(String field) {
        Set<String> stores = new LinkedHashSet<>();
        for (MethodFlow flow : flows.values()) {
            if (!flow.owner.equals(owner.name)) {
                continue;
            }
            for (int ordinal : LazyInitStores.find(flow, owner.name, field)) {
                stores.add(flow.method.name + flow.method.desc + "#" + ordinal);
            }
        }
        return stores;
    }

    String failureFor(String field) {
        return failures.get(field);
    }

    /**
     * Evidence that the owner's instances serve one operation at a time ({@link OperationState}), or
     * null; a lock in any class analysed with it (its nest, the package's users of its maps) counts.
     * Looked for on first need, once.
     */
    OperationState.Evidence operationState() {
        if (operationState == null) {
            operationState = Optional.ofNullable(OperationState.of(owner, classes));
        }
        return operationState.orElse(null);
    }

    private static String key(String owner, MethodNode method) {
        return owner + "." + method.name + method.desc;
    }
}
