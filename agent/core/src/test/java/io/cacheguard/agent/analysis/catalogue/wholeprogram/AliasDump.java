package io.cacheguard.agent.analysis.catalogue.wholeprogram;

/** Calls {@link LockedLookup}'s package-private {@code aliases()} and changes the map without its lock. */
final class AliasDump {
    public void forget(LockedLookup lookup, String alias) {
        lookup.aliases().remove(alias);
    }
}
