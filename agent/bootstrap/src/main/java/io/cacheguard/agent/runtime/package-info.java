/**
 * What instrumented application code calls at run time: the guarded map wrappers and their bounds.
 *
 * <p>This package is appended to the bootstrap class path by the agent so that a class in any class
 * loader can reach a single copy of it. It must therefore depend on {@code java.base} only: no
 * third-party library, no logging framework, nothing from the agent's other packages. A test reads
 * the compiled classes and enforces this.
 */
package io.cacheguard.agent.runtime;
