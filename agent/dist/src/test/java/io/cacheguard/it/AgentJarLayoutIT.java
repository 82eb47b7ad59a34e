package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The shipped jar is what users pass to {@code -javaagent}; an application that carries its own
 * Byte Buddy or ASM (Mockito does) must never see ours, so nothing may live outside our namespace.
 */
class AgentJarLayoutIT {

    @Test
    void everyEntryIsInTheProjectNamespaceOrMetaInf() throws IOException {
        List<String> strangers = new ArrayList<>();
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.startsWith("io/cacheguard/") && !name.equals("io/") && !name.startsWith("META-INF/")) {
                    strangers.add(name);
                }
                if (name.startsWith("META-INF/") && name.endsWith(".class")) {
                    strangers.add(name);
                }
            }
        }
        assertEquals(List.of(), strangers, "entries outside io/cacheguard/ and META-INF/");
    }

    @Test
    void byteBuddyAndAsmAreInsideUnderTheShadedPackage() throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            // only Byte Buddy's attach helper is used: the code generator (3,000 classes) is not shipped
            assertNull(jar.getEntry("io/cacheguard/agent/shaded/bytebuddy/ByteBuddy.class"));
            assertNotNull(jar.getEntry("io/cacheguard/agent/shaded/bytebuddy/agent/ByteBuddyAgent.class"));
            assertNotNull(jar.getEntry("io/cacheguard/agent/shaded/asm/ClassReader.class"));
            assertNotNull(jar.getEntry("io/cacheguard/agent/shaded/asm/tree/analysis/Analyzer.class"));
        }
    }

    @Test
    void noClassReferencesAnUnrelocatedByteBuddyOrAsmType() throws IOException {
        List<String> leaks = new ArrayList<>();
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    for (String type : ConstantPoolTypes.referencedTypes(new ClassReader(in.readAllBytes()))) {
                        if (type.startsWith("net/bytebuddy/") || type.startsWith("org/objectweb/asm/")) {
                            leaks.add(entry.getName() + " -> " + type);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    /**
     * The jar keeps only the library classes our code reaches (the shade plugin's minimization),
     * so this checks the other side: every type of ours or of a shaded library that any class in
     * the jar names is in the jar. A class the minimization dropped wrongly fails here, not in a host.
     */
    @Test
    void everyTypeAClassOfTheJarNamesIsInTheJar() throws IOException {
        List<String> missing = new ArrayList<>();
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class") || entry.getName().contains("Sequenced")) {
                    continue; // the JDK 21+ overrides name JDK 21 types, and only ours, which are checked too
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    for (String type : ConstantPoolTypes.referencedTypes(new ClassReader(in.readAllBytes()))) {
                        if (type.startsWith("io/cacheguard/") && jar.getEntry(type + ".class") == null) {
                            missing.add(entry.getName() + " -> " + type);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void manifestDeclaresAgentCliAndVersion() throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("io.cacheguard.agent.CacheguardAgent", main.getValue("Premain-Class"));
            assertEquals("io.cacheguard.agent.CacheguardAgent", main.getValue("Agent-Class"));
            assertEquals("io.cacheguard.agent.cli.Main", main.getValue("Main-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertEquals("true", main.getValue("Can-Redefine-Classes"));
            String version = main.getValue("Implementation-Version");
            assertNotNull(version);
            assertEquals(System.getProperty("cacheguard.version", version), version);
            assertTrue(!version.isBlank());
        }
    }
}
