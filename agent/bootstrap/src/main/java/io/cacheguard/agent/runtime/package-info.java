/**
 * What instrumented application code calls at run time: the guarded and tracked map wrappers,
 * their bounds, {@code Guards}, {@code Detection} and the synchronization hooks.
 *
 * <p>The agent defines this package in the bootstrap class loader, so that a class in any class
 * loader reaches a single copy of it. It therefore depends on {@code java.base} and the detector
 * only: the module is compiled with every other JDK module out of sight, and depends on nothing
 * else of the agent.
 *
 * <p>The wrappers of one map type share a forwarding base, {@code ForwardingHashMap} and its
 * siblings, generated from the annotation below (see {@code agent/codegen}).
 */
@GenerateForwardingMaps({HashMap.class, LinkedHashMap.class, WeakHashMap.class})
package io.cacheguard.agent.runtime;

import io.cacheguard.agent.codegen.GenerateForwardingMaps;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.WeakHashMap;
