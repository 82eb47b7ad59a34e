package io.cacheguard.agent.codegen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for one abstract forwarding base per named map type, in the annotated package:
 * {@code ForwardingHashMap<K, V, D extends Map<K, V>>} extends {@code HashMap<K, V>} and sends every
 * method of {@link java.util.Map} (and {@code toString}) to its delegate {@code D}, leaving its own
 * table empty. A wrapper of a map type extends the base of that type and adds only what is its own
 * (constructor, {@code clone}, serialization): the forwarding is written once, here, for every type.
 *
 * <p>Source retention: nothing of the processor or this annotation reaches the agent jar.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PACKAGE)
public @interface GenerateForwardingMaps {
    /** The map types to extend, each a class with a public or protected {@code (int)} constructor. */
    Class<?>[] value();
}
