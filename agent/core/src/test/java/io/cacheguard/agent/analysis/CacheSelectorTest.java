package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheSelectorTest {

    @Test
    void byDefaultClassNamesWithCacheMemoOrLruAreCaches() {
        CacheSelector selector = CacheSelector.defaults();
        assertTrue(selector.isCacheClass("com.acme.ExpiringCache"));
        assertTrue(selector.isCacheClass("com.acme.FibonacciMemo"));
        assertTrue(selector.isCacheClass("com.acme.LRUMap"));
        assertTrue(selector.isCacheClass("com.acme.Outer$PageCache"));
        assertFalse(selector.isCacheClass("com.cache.Registry")); // the package does not count
        assertFalse(selector.isCacheClass("com.acme.Registry"));
    }

    @Test
    void byDefaultFieldNamesWithCacheOrMemoAreCachesInAnyClass() {
        CacheSelector selector = CacheSelector.defaults();
        assertTrue(selector.isCacheField("com.acme.Registry", "templateCache"));
        assertTrue(selector.isCacheField("com.acme.Registry", "MEMO"));
        assertFalse(selector.isCacheField("com.acme.Registry", "byName"));
        assertTrue(selector.isCacheField("com.acme.ExpiringCache", "byName")); // every field of a cache class
    }

    @Test
    void targetsNameClassesByGlobAndFieldsByLowerCaseLastSegmentOrHash() {
        CacheSelector selector = CacheSelector.of(false, "com.acme.*Registry:com.acme.Foo.byName:com.acme.Bar#Items");
        assertTrue(selector.isCacheClass("com.acme.TemplateRegistry"));
        assertTrue(selector.isCacheField("com.acme.Foo", "byName"));
        assertFalse(selector.isCacheField("com.acme.Foo", "byId"));
        assertTrue(selector.isCacheField("com.acme.Bar", "Items"));
        assertFalse(selector.selectsByNamesOnly());
        assertTrue(CacheSelector.defaults().selectsByNamesOnly());
    }

    /** Issue 14 item 4: static fields are upper case, and this entry used to match nothing. */
    @Test
    void anUpperCaseLastSegmentNamesAStaticFieldAsWellAsAClass() {
        CacheSelector selector = CacheSelector.of(false, "com.acme.Factory.INSTANCES:com.acme.Outer.Inner");
        assertTrue(selector.isCacheField("com.acme.Factory", "INSTANCES"));
        assertFalse(selector.isCacheField("com.acme.Factory", "OTHERS"));
        assertTrue(selector.isCacheClass("com.acme.Outer.Inner"), "still a class, as a nested class's canonical name");
        assertFalse(selector.isCacheClass("com.acme.Factory"));
    }

    /**
     * Issue 14 item 4: a {@code targets} entry that selects no map field is named at exit. An entry
     * counts once it selects a field of an analysed class, by either of its readings.
     */
    @Test
    void entriesThatSelectNoMapFieldAreListedAsUnmatched() {
        CacheSelector selector = CacheSelector.of(false,
                "com.acme.Factory.INSTANCES:com.acme.Factory.INSTANZES:com.acme.Foo.byName:com.acme.*Registry:com.acme.Outer.Inner");
        assertEquals(List.of("com.acme.Factory.INSTANCES", "com.acme.Factory.INSTANZES", "com.acme.Foo.byName",
                "com.acme.*Registry", "com.acme.Outer.Inner"), selector.unmatchedTargets(), "nothing analysed yet");

        selector.select(List.of(report("com.acme.Factory", "INSTANCES"), report("com.acme.Foo", "byId"),
                report("com.acme.TemplateRegistry", "templates"), report("com.acme.Outer$Inner", "map")));
        assertEquals(List.of("com.acme.Factory.INSTANZES", "com.acme.Foo.byName", "com.acme.Outer.Inner"),
                selector.unmatchedTargets());

        selector.select(List.of(report("com.acme.Foo", "byName")));
        assertEquals(List.of("com.acme.Factory.INSTANZES", "com.acme.Outer.Inner"), selector.unmatchedTargets());
        assertEquals(List.of(), CacheSelector.defaults().unmatchedTargets());
    }

    @Test
    void aGlobRemembersWhetherAnyNameMatched() {
        Glob glob = new Glob("com.acme.*");
        assertFalse(glob.matches("org.acme.Foo"));
        assertFalse(glob.matchedAny());
        assertTrue(glob.matches("com.acme.Foo"));
        assertTrue(glob.matchedAny());
        assertFalse(glob.matches("org.acme.Bar"));
        assertTrue(glob.matchedAny(), "stays matched");
    }

    private static FieldReport report(String className, String field) {
        return new FieldReport(className, null, field, false, "java.util.Map", Set.of(), Verdict.PATCH,
                List.of(Reason.general("test")));
    }

    @Test
    void allTakesEveryClassButNeverTheJdkOrTheAgent() {
        CacheSelector selector = CacheSelector.of(true, null);
        assertTrue(selector.isCacheClass("com.acme.Registry"));
        assertFalse(selector.isCacheClass("java.util.HashMap"));
        assertFalse(selector.isCacheClass("io.cacheguard.agent.runtime.GuardedHashMap"));
        assertTrue(selector.isCacheClass("io.cacheguard.samples.expiring.ExpiringCache"));
    }

    /** Only {@code java.*} is the JDK's by name; the rest of the JDK is known by the loader that defines it. */
    @Test
    void javaxAndComSunClassesOfAnApplicationAreCachesLikeAnyOther() {
        CacheSelector selector = CacheSelector.defaults();
        assertTrue(selector.isCacheClass("javax.faces.legacy.ViewCache"));
        assertTrue(selector.isCacheClass("com.sun.xml.bind.v2.runtime.NameCache"));
        assertFalse(selector.isCacheClass("java.util.LegacyCache"));
    }

    @Test
    void globsMatchJaCoCoStyle() {
        assertTrue(new Glob("com.*.Cache?").matches("com.acme.deep.CacheX"));
        assertFalse(new Glob("com.*.Cache?").matches("com.acme.Cache"));
        assertTrue(new Glob("*").matches(""));
    }
}
