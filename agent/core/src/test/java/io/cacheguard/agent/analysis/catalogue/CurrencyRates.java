package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The enum singleton holding a HashMap of exchange rates, updated by a feed thread while request
 * threads convert. The enum makes the instance unique, not its map thread-safe: patch.
 */
public enum CurrencyRates {
    INSTANCE;

    @Expect(PATCH)
    private final Map<String, BigDecimal> rates = new HashMap<>();

    public void update(String currency, BigDecimal rate) {
        rates.put(currency, rate);
    }

    public BigDecimal rate(String currency) {
        return rates.get(currency);
    }
}
