package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code computeIfAbsent} called inside {@code synchronized (this)}, with a lambda that also counts
 * compilations in a second map. The lambda runs during the call, under the same monitor, as every
 * other access to both maps: both safe.
 */
public final class CompileUnderLock {

    @Expect(SAFE)
    private final Map<String, Pattern> patterns = new HashMap<>();

    @Expect(SAFE)
    private final Map<String, Integer> compilations = new HashMap<>();

    public Pattern pattern(String regex) {
        synchronized (this) {
            return patterns.computeIfAbsent(regex, r -> {
                compilations.merge(r, 1, Integer::sum);
                return Pattern.compile(r);
            });
        }
    }

    public synchronized int compilations(String regex) {
        return compilations.getOrDefault(regex, 0);
    }

    public synchronized void forget(String regex) {
        patterns.remove(regex);
    }
}
