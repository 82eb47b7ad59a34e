package io.cacheguard.detector;

/**
 * Makes the {@link Site} of the access being checked. The detector calls it only when it must
 * remember the access (the first one of an epoch) or report it, so the cost of a stack walk is not
 * paid on every map operation.
 */
@FunctionalInterface
public interface SiteCapture {
    Site capture();
}
