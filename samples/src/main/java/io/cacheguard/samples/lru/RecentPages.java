package io.cacheguard.samples.lru;

import java.util.Set;

/** What the driver needs from a cache of recently rendered pages, legacy or safe. */
public interface RecentPages {

    /** The page, or null; counts as a use, so it makes the page the most recent. */
    String get(String path);

    void put(String path, String html);

    int size();

    int capacity();

    /** A live view for checks made after all workers have finished. */
    Set<String> paths();
}
