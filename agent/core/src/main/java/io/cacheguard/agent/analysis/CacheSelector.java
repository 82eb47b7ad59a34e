package io.cacheguard.agent.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which classes and fields count as caches. By default a class whose simple name contains
 * {@code Cache}, {@code Memo} or {@code Lru}, or a field whose name contains {@code cache} or
 * {@code memo} (ignoring case); users add classes and fields ({@code targets}) or take every class
 * ({@code all}). The JDK and the agent itself are never analysed.
 */
public final class CacheSelector {
    private static final String[] CLASS_WORDS = {"cache", "memo", "lru"};
    private static final String[] FIELD_WORDS = {"cache", "memo"};
    /**
     * The one JDK package known by name: no class loader but the JDK's may define a {@code java.*}
     * class. Every other JDK class is known by where it comes from (see {@link ClassBytesSource} and
     * the transformer), never by its name: {@code javax.*} and {@code com.sun.*} implementations
     * shipped in application jars (JAXB RI, Jersey 1, Mojarra, JavaMail) hold legacy caches too.
     */
    private static final String JDK = "java.";
    /**
     * Everything the agent defines, its shaded libraries included, lives under one package: the
     * parent of this one. Samples and users' code elsewhere under {@code io.cacheguard} stay eligible.
     */
    private static final String AGENT = CacheSelector.class.getPackageName()
            .substring(0, CacheSelector.class.getPackageName().lastIndexOf('.') + 1);

    private final boolean all;
    private final List<Glob> targetClasses;
    private final List<Target> targetFields;
    /** Each {@code targets} entry as the user wrote it, with the readings it was given. */
    private final List<Entry> entries;

    private CacheSelector(boolean all, List<Glob> targetClasses, List<Target> targetFields, List<Entry> entries) {
        this.all = all;
        this.targetClasses = targetClasses;
        this.targetFields = targetFields;
        this.entries = entries;
    }

    /** A field target: a class pattern and a field pattern. */
    private static final class Target {
        final Glob owner;
        final Glob field;

        Target(Glob owner, Glob field) {
            this.owner = owner;
            this.field = field;
        }

        boolean matches(String className, String fieldName) {
            return owner.matches(className) && field.matches(fieldName);
        }
    }

    /**
     * One {@code targets} entry: a class, a field, or both readings of {@code a.b.C.X}. Marked once
     * it selects a map field, so that one that selects nothing (a typo, a nested class written with
     * a dot) can be named at exit.
     */
    private static final class Entry {
        final String text;
        final Glob asClass;
        final Target asField;
        volatile boolean selected;

        Entry(String text, Glob asClass, Target asField) {
            this.text = text;
            this.asClass = asClass;
            this.asField = asField;
        }

        boolean selects(String className, String fieldName) {
            return asClass != null && asClass.matches(className)
                    || asField != null && asField.matches(className, fieldName);
        }
    }

    public static CacheSelector defaults() {
        return new CacheSelector(false, List.of(), List.of(), List.of());
    }

    /**
     * @param all     analyse every class
     * @param targets {@code :}-separated class globs and {@code Class.field} (or {@code Class#field})
     *                entries; a last segment starting in lower case names a field, one starting in
     *                upper case a class or a field ({@code com.acme.Factory.INSTANCES})
     */
    public static CacheSelector of(boolean all, String targets) {
        List<Glob> classes = new ArrayList<>();
        List<Target> fields = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        if (targets != null) {
            for (String raw : targets.split(":")) {
                String entry = raw.trim();
                if (entry.isEmpty()) {
                    continue;
                }
                int hash = entry.indexOf('#');
                int dot = entry.lastIndexOf('.');
                Glob asClass = null;
                Target asField = null;
                if (hash > 0) {
                    asField = new Target(new Glob(entry.substring(0, hash)), new Glob(entry.substring(hash + 1)));
                } else if (dot > 0 && dot < entry.length() - 1 && Character.isLowerCase(entry.charAt(dot + 1))) {
                    asField = new Target(new Glob(entry.substring(0, dot)), new Glob(entry.substring(dot + 1)));
                } else {
                    asClass = new Glob(entry);
                    if (dot > 0 && dot < entry.length() - 1) {
                        // com.acme.Factory.INSTANCES: static fields are upper case too. Either reading
                        // may be meant, and the one that names nothing costs nothing.
                        asField = new Target(new Glob(entry.substring(0, dot)), new Glob(entry.substring(dot + 1)));
                    }
                }
                if (asClass != null) {
                    classes.add(asClass);
                }
                if (asField != null) {
                    fields.add(asField);
                }
                entries.add(new Entry(entry, asClass, asField));
            }
        }
        return new CacheSelector(all, List.copyOf(classes), List.copyOf(fields), List.copyOf(entries));
    }

    /**
     * True when a cache can only be recognised by a cache word in its class's or its field's name,
     * so that a class file without such a word anywhere can be passed over unread.
     */
    public boolean selectsByNamesOnly() {
        return !all && targetClasses.isEmpty() && targetFields.isEmpty();
    }

    /** Never {@code java.*} or the agent, whoever loads them; those are not ours to change. */
    public static boolean isExcluded(String className) {
        return className.startsWith(AGENT) || className.startsWith(JDK);
    }

    /** Whether {@code targets} names this class itself (not one of its fields). */
    public boolean isTargetClass(String className) {
        for (Glob glob : targetClasses) {
            if (glob.matches(className)) {
                return true;
            }
        }
        return false;
    }

    /** Whether all the class's map fields are caches. */
    public boolean isCacheClass(String className) {
        if (isExcluded(className)) {
            return false;
        }
        if (all || containsAny(simpleName(className), CLASS_WORDS)) {
            return true;
        }
        for (Glob glob : targetClasses) {
            if (glob.matches(className)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this one field is a cache, by its class or by itself. */
    public boolean isCacheField(String className, String fieldName) {
        if (isExcluded(className)) {
            return false;
        }
        if (isCacheClass(className) || containsAny(fieldName, FIELD_WORDS)) {
            return true;
        }
        for (Target target : targetFields) {
            if (target.owner.matches(className) && target.field.matches(fieldName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the class may have a field this selector wants, from its field names alone: listing
     * fields is far cheaper than analysing a class, and by default few classes hold a cache. A class
     * file that cannot be read answers true, so that the analysis reports what is wrong with it.
     */
    public boolean maySelectFieldOf(String className, byte[] classFile) {
        if (isCacheClass(className)) {
            return true;
        }
        boolean[] wanted = {false};
        try {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    wanted[0] |= isCacheField(className, name);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException unreadable) {
            return true;
        }
        return wanted[0];
    }

    /** The reports for the fields this selector treats as caches. */
    public List<FieldReport> select(List<FieldReport> reports) {
        List<FieldReport> selected = new ArrayList<>();
        for (FieldReport report : reports) {
            if (isCacheField(report.className(), report.fieldName())) {
                selected.add(report);
                for (Entry entry : entries) {
                    if (!entry.selected && entry.selects(report.className(), report.fieldName())) {
                        entry.selected = true;
                    }
                }
            }
        }
        return selected;
    }

    /**
     * The {@code targets} entries, as written, that have selected no map field of any class analysed
     * so far: at exit, most likely a typo or a nested class written {@code Outer.Inner}.
     */
    public List<String> unmatchedTargets() {
        List<String> unmatched = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.selected) {
                unmatched.add(entry.text);
            }
        }
        return unmatched;
    }

    private static String simpleName(String className) {
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }

    private static boolean containsAny(String name, String[] words) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
