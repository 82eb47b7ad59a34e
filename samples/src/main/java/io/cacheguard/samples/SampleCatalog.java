package io.cacheguard.samples;

import io.cacheguard.samples.expiring.RunAllSample;
import io.cacheguard.samples.field.HashMapFieldSample;
import io.cacheguard.samples.lazy.LazyInitSample;
import io.cacheguard.samples.lru.AccessOrderSample;
import io.cacheguard.samples.reassign.ReassignClearSample;
import io.cacheguard.samples.staticmemo.StaticTableSample;
import io.cacheguard.samples.weak.WeakKeysSample;
import java.util.List;
import java.util.Optional;

/** Every sample, in the order {@code --list} shows them; the first is the default. */
public final class SampleCatalog {

    public static final String DEFAULT_SAMPLE = "expiring-cache";

    private SampleCatalog() {
    }

    /** Fresh instances each call: a sample holds no state between runs, but tests should not rely on it. */
    public static List<Sample> all() {
        return List.of(
                new RunAllSample(),
                new StaticTableSample(),
                new HashMapFieldSample(),
                new AccessOrderSample(),
                new WeakKeysSample(),
                new LazyInitSample(),
                new ReassignClearSample());
    }

    public static Optional<Sample> find(String name) {
        return all().stream().filter(sample -> sample.name().equals(name)).findFirst();
    }
}
