/**
 * A user's test project for the JUnit extension, run by {@code JUnitExtensionIT} in child JVMs with
 * the real agent jar through {@code ProjectRunner}. The classes are named {@code *Cases}, not
 * {@code *Test}, so that this build's own Surefire never runs them.
 */
package io.cacheguard.it.junit5.project;
