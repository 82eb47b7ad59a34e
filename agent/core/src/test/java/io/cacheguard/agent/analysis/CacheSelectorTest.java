package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
