package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The real-code catalogue (issue 14): cache fields of old releases of ten libraries on Maven Central,
 * each labelled racy or safe by reading the library's code, the reasoning next to the label. The
 * analysis decides each from the jar's class files, as {@code scan} does; the test measures the
 * precision and recall of its {@code patch} verdicts against the labels.
 *
 * <p>A racy label means threads the library itself lets in (a static cache, a servlet, a shared
 * factory) can change the map while another uses it; a safe label means every use is ordered (one
 * lock, a thread-safe map, read-only after construction) or the object is confined to one thread by
 * the library's documented contract. The jars are copied to {@code target/real-code} by the pom.
 */
class RealCodeCatalogueTest {
    private static final Path JARS = Path.of("target", "real-code");

    /**
     * The target, which the analysis reaches today (0.929, 13 of 14). The one safe field still
     * reported patch says why in its label: confinement by a documented contract that the code does not show.
     */
    private static final double PRECISION_FLOOR = 0.9;

    private record Label(String jar, String field, boolean racy, String why) {
        String className() {
            return field.substring(0, field.lastIndexOf('.'));
        }

        String fieldName() {
            return field.substring(field.lastIndexOf('.') + 1);
        }
    }

    private static Label racy(String jar, String field, String why) {
        return new Label(jar, field, true, why);
    }

    private static Label safe(String jar, String field, String why) {
        return new Label(jar, field, false, why);
    }

    private static final String BEANUTILS_17 = "commons-beanutils-1.7.0.jar";
    private static final String BEANUTILS_18 = "commons-beanutils-1.8.3.jar";
    private static final String LANG = "commons-lang-2.4.jar";
    private static final String JODA = "joda-time-2.1.jar";
    private static final String VELOCITY = "velocity-1.7.jar";
    private static final String CGLIB = "cglib-2.2.2.jar";
    private static final String DIGESTER = "commons-digester-1.8.jar";
    private static final String JACKSON = "jackson-databind-2.4.1.jar";
    private static final String QUERYDSL = "querydsl-core-2.9.0.jar";
    private static final String GROOVY = "groovy-1.7.9.jar";

    static final List<Label> LABELS = List.of(
            // commons-beanutils 1.7.0
            racy(BEANUTILS_17, "org.apache.commons.beanutils.MethodUtils.cache",
                    "static WeakHashMap; getAccessibleMethod puts into it with no lock from any thread (BEANUTILS-295)"),
            racy(BEANUTILS_17, "org.apache.commons.beanutils.PropertyUtilsBean.descriptorsCache",
                    "a FastHashMap in fast mode: writers clone under its monitor and assign a non-volatile field"
                            + " that readers read with no lock, which its own javadoc says is not safe on every JVM"),
            safe(BEANUTILS_17, "org.apache.commons.beanutils.MappedPropertyDescriptor.declaredMethodCache",
                    "declared Hashtable"),
            // commons-beanutils 1.8.3
            safe(BEANUTILS_18, "org.apache.commons.beanutils.MethodUtils.cache",
                    "Collections.synchronizedMap(new WeakHashMap()) since 1.8"),
            racy(BEANUTILS_18, "org.apache.commons.beanutils.PropertyUtilsBean.descriptorsCache",
                    "a WeakFastHashMap in fast mode, the same non-volatile copy-on-write as FastHashMap"),
            // commons-lang 2.4
            safe(LANG, "org.apache.commons.lang.time.FastDateFormat.cInstanceCache",
                    "used only in static synchronized getInstance"),
            safe(LANG, "org.apache.commons.lang.time.FastDateFormat.cDateInstanceCache",
                    "used only in static synchronized getDateInstance"),
            safe(LANG, "org.apache.commons.lang.time.FastDateFormat.cTimeInstanceCache",
                    "used only in static synchronized getTimeInstance"),
            safe(LANG, "org.apache.commons.lang.time.FastDateFormat.cDateTimeInstanceCache",
                    "used only in static synchronized getDateTimeInstance"),
            safe(LANG, "org.apache.commons.lang.time.FastDateFormat.cTimeZoneDisplayCache",
                    "used only in static synchronized getTimeZoneDisplay"),
            // joda-time 2.1
            safe(JODA, "org.joda.time.DateTimeZone.iFixedOffsetCache",
                    "lazily created and used only in private static synchronized fixedOffsetZone"),
            safe(JODA, "org.joda.time.chrono.BuddhistChronology.cCache", "used only in static synchronized getInstance"),
            safe(JODA, "org.joda.time.chrono.CopticChronology.cCache", "every use inside synchronized (cCache)"),
            safe(JODA, "org.joda.time.chrono.EthiopicChronology.cCache", "every use inside synchronized (cCache)"),
            safe(JODA, "org.joda.time.chrono.GJChronology.cCache", "used only in static synchronized getInstance"),
            safe(JODA, "org.joda.time.chrono.GJLocaleSymbols.cCache", "every use inside synchronized (cCache)"),
            safe(JODA, "org.joda.time.chrono.GregorianChronology.cCache", "every use inside synchronized (cCache)"),
            safe(JODA, "org.joda.time.chrono.ISOChronology.cCache", "every use inside synchronized (cCache)"),
            safe(JODA, "org.joda.time.chrono.IslamicChronology.cCache", "every use inside synchronized (cCache)"),
            safe(JODA, "org.joda.time.chrono.JulianChronology.cCache", "every use inside synchronized (cCache)"),
            safe(JODA, "org.joda.time.field.UnsupportedDateTimeField.cCache",
                    "lazily created and used only in static synchronized getInstance"),
            safe(JODA, "org.joda.time.field.UnsupportedDurationField.cCache",
                    "lazily created and used only in static synchronized getInstance"),
            safe(JODA, "org.joda.time.format.DateTimeFormat.cPatternedCache",
                    "every use inside synchronized (cPatternedCache)"),
            safe(JODA, "org.joda.time.format.DateTimeFormat$StyleFormatter.cCache",
                    "every use inside synchronized (cCache)"),
            safe(JODA, "org.joda.time.format.DateTimeFormatterBuilder$TextField.cParseCache",
                    "every use inside synchronized (cParseCache)"),
            safe(JODA, "org.joda.time.tz.DefaultNameProvider.iByLocaleCache",
                    "used only in synchronized getNameSet"),
            // velocity 1.7
            safe(VELOCITY, "org.apache.velocity.anakia.XPathCache.XPATH_CACHE",
                    "every use inside synchronized (XPATH_CACHE)"),
            safe(VELOCITY, "org.apache.velocity.context.InternalContextBase.introspectionCache",
                    "a context belongs to one merge in one thread (Velocity's contexts are documented as not"
                            + " thread-safe); the code shows it: the class pushes and pops its template and macro"
                            + " name stacks around each render, and synchronizes nowhere"),
            safe(VELOCITY, "org.apache.velocity.runtime.resource.ResourceCacheImpl.cache",
                    "MapFactory.create(512, 0.5f, 30, false) answers a ConcurrentHashMap (concurrency > 1), and"
                            + " initialize() replaces it by Collections.synchronizedMap(new LRUMap(n)); the analysis"
                            + " follows MapFactory with the call's constants"),
            safe(VELOCITY, "org.apache.velocity.util.introspection.ClassMap$MethodCache.cache",
                    "MapFactory.create(false) answers a ConcurrentHashMap; followed the same way"),
            safe(VELOCITY, "org.apache.velocity.util.introspection.ClassMap$MethodCache.convertPrimitives",
                    "filled in <clinit>, read-only after"),
            racy(VELOCITY, "org.apache.velocity.util.introspection.IntrospectorCacheImpl.classMapCache",
                    "put and clear hold synchronized (classMapCache), get reads the HashMap with no lock from every"
                            + " template render (fixed with a ConcurrentHashMap in 2.0)"),
            // cglib 2.2.2
            safe(CGLIB, "net.sf.cglib.core.AbstractClassGenerator$Source.cache",
                    "AbstractClassGenerator.create holds synchronized (source) around every use of source.cache;"
                            + " the field is package-private, and the scan's other classes of the package are analysed"
                            + " with it"),
            safe(CGLIB, "net.sf.cglib.proxy.Mixin.ROUTE_CACHE", "Collections.synchronizedMap"),
            // commons-digester 1.8
            safe(DIGESTER, "org.apache.commons.digester.RulesBase.cache",
                    "rules belong to one Digester, which parses one document in one thread (documented);"
                            + " reported patch: add() also fills the rules list with no lock, but nothing in the class"
                            + " keeps the state of one running operation, so its confinement is by contract only"),
            // jackson-databind 2.4.1
            safe(JACKSON, "com.fasterxml.jackson.databind.deser.DeserializerCache._cachedDeserializers",
                    "declared ConcurrentHashMap"),
            racy(JACKSON, "com.fasterxml.jackson.databind.deser.DeserializerCache._incompleteDeserializers",
                    "every use holds synchronized (_incompleteDeserializers) except writeReplace's clear, which"
                            + " serializing a mapper runs beside deserializations in other threads"),
            safe(JACKSON, "com.fasterxml.jackson.databind.ser.SerializerCache._sharedMap",
                    "every use holds 'this'; getReadOnlyLookupMap passes it, under 'this', to"
                            + " ReadOnlyClassToSerializerMap.from, which copies it (JsonSerializerMap's constructor"
                            + " iterates it); the analysis follows the call"),
            racy(JACKSON, "com.fasterxml.jackson.databind.type.TypeFactory._typeCache",
                    "LRUMap, an access-ordered LinkedHashMap whose get holds only a read lock (databind #503)"),
            // querydsl-core 2.9.0
            racy(QUERYDSL, "com.mysema.query.types.TemplateFactory.cache",
                    "TemplateFactory.DEFAULT is shared; create() puts into a HashMap with no lock (querydsl #341)"),
            racy(QUERYDSL, "com.mysema.query.types.path.ListPath.cache",
                    "paths of the generated static Q-types are shared by all threads; get(int) fills a HashMap"
                            + " with no lock"),
            // groovy 1.7.9
            safe(GROOVY, "groovy.lang.ExpandoMetaClass.beanPropertyCache", "a ConcurrentHashMap"),
            safe(GROOVY, "groovy.lang.ExpandoMetaClass.staticBeanPropertyCache", "a ConcurrentHashMap"),
            racy(GROOVY, "groovy.lang.GroovyClassLoader.classCache",
                    "every Java use in the jar holds synchronized (classCache), but groovysh's Interpreter.evaluate"
                            + " (compiled Groovy, same jar) removes the script's classes in a finally block with"
                            + " classLoader.classCache.remove(...) by dynamic property access and no lock, while a"
                            + " thread the script started may be loading a class through the same loader"),
            safe(GROOVY, "groovy.lang.GroovyClassLoader.sourceCache",
                    "every use in the jar holds synchronized (sourceCache); the field is protected, and the"
                            + " scan's classes of its package and its subclasses are analysed with it"),
            racy(GROOVY, "groovy.servlet.TemplateServlet.cache",
                    "a servlet serves requests on many threads; getTemplate gets and puts the WeakHashMap with no lock"),
            safe(GROOVY, "groovy.sql.Sql.statementCache", "every use inside synchronized (statementCache)"),
            racy(GROOVY, "groovy.sql.Sql.namedParamSqlCache",
                    "a Sql on a DataSource is shared by threads; checkForNamedParams gets and puts with no lock"),
            racy(GROOVY, "groovy.sql.Sql.namedParamIndexPropCache",
                    "the same, for the parameter index cache"),
            safe(GROOVY, "groovy.util.GroovyScriptEngine.scriptCache", "a ConcurrentHashMap"),
            racy(GROOVY, "org.codehaus.groovy.ast.ClassHelper$ClassHelperCache.classCache",
                    "static HashMap; ClassHelper.makeCached gets and puts with no lock, from every compilation"),
            safe(GROOVY, "org.codehaus.groovy.control.ResolveVisitor.cachedClasses",
                    "a visitor belongs to one compilation unit, compiled in one thread; the code shows it:"
                            + " visitClass, visitConstructorOrMethod and the transforms save, overwrite and restore"
                            + " currentClass, currentScope and inClosure, and nothing in the class synchronizes"),
            safe(GROOVY, "org.codehaus.groovy.reflection.ReflectionCache.primitiveTypesMap",
                    "filled in <clinit>, read-only after"));

    @Test
    void patchVerdictsAgainstTheLabels() throws IOException {
        Map<String, Map<String, byte[]>> jars = new HashMap<>();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> misses = new ArrayList<>();
        Set<String> libraries = new LinkedHashSet<>();
        for (Label label : LABELS) {
            libraries.add(label.jar().replaceFirst("-[0-9.]+\\.jar$", ""));
            Map<String, byte[]> classes = jars.computeIfAbsent(label.jar(), RealCodeCatalogueTest::classesOf);
            byte[] classFile = classes.get(label.className().replace('.', '/'));
            assertTrue(classFile != null, "no class " + label.className() + " in " + label.jar());
            FieldReport report = new ClassAnalyzer(ClassBytesSource.of(classes)).analyze(classFile).stream()
                    .filter(r -> r.fieldName().equals(label.fieldName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no report for " + label.field()));
            boolean patched = report.verdict() == Verdict.PATCH;
            if (patched && label.racy()) {
                truePositives++;
            } else if (patched) {
                falsePositives++;
                misses.add("false positive " + label.field() + ": " + report.reasons().get(0).message()
                        + "\n    label: safe, " + label.why());
            } else if (label.racy()) {
                falseNegatives++;
                misses.add("false negative " + label.field() + ": " + report.verdict().label() + ", "
                        + report.reasons().get(0).message() + "\n    label: racy, " + label.why());
            }
        }
        long racy = LABELS.stream().filter(Label::racy).count();
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, racy);
        System.out.printf(Locale.ROOT, "Real-code catalogue: %d fields (%d racy) from %d libraries%n"
                        + "precision %.3f = %d / (%d + %d false positives); recall %.3f = %d / %d racy%n%s%n",
                LABELS.size(), racy, libraries.size(), precision, truePositives, truePositives, falsePositives,
                recall, truePositives, racy, String.join("\n", misses));
        assertTrue(LABELS.size() >= 40 && libraries.size() >= 5, "at least 40 fields from 5 libraries");
        assertEquals(1.0, recall, "recall on the racy fields: " + misses);
        assertTrue(precision >= PRECISION_FLOOR, "precision " + precision + " fell below " + PRECISION_FLOOR
                + ": " + misses);
    }

    /** Every class file of the jar, by internal name: the analysis reads nest members and map subclasses from it. */
    private static Map<String, byte[]> classesOf(String jar) {
        Map<String, byte[]> classes = new HashMap<>();
        try (ZipFile zip = new ZipFile(JARS.resolve(jar).toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        classes.put(name.substring(0, name.length() - ".class".length()), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + JARS.resolve(jar) + " (copied by the pom's copy-real-code"
                    + " execution): " + e, e);
        }
        assertTrue(Files.isRegularFile(JARS.resolve(jar)));
        return classes;
    }
}
