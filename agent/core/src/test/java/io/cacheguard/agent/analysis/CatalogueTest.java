package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the analysis to the catalogue: every field of every catalogue class, Java 5 rewrite and
 * Kotlin- or Scala-style class file gets the verdict it expects, and no other field is reported.
 * Precision and recall treat PATCH as the positive class and must both be 1.0.
 */
class CatalogueTest {
    private static List<FieldOutcome> outcomes;

    @TestFactory
    Stream<DynamicNode> everyCatalogueFieldGetsItsExpectedVerdict() {
        Map<String, List<FieldOutcome>> bySubject = new LinkedHashMap<>();
        for (FieldOutcome outcome : outcomes()) {
            bySubject.computeIfAbsent(outcome.subject().name(), name -> new ArrayList<>()).add(outcome);
        }
        return bySubject.entrySet().stream().map(subject -> dynamicContainer(subject.getKey(),
                subject.getValue().stream().map(outcome -> dynamicTest(outcome.title(),
                        () -> assertTrue(outcome.matches(), outcome::explain)))));
    }

    @Test
    void precisionAndRecallOnTheCatalogueAreOne() {
        Scorecard scorecard = Scorecard.of(outcomes());
        System.out.println(scorecard.render());
        assertAll(scorecard.render(),
                () -> assertEquals(1.0, scorecard.precision(), "precision"),
                () -> assertEquals(1.0, scorecard.recall(), "recall"),
                () -> {
                    if (!scorecard.mismatches().isEmpty()) {
                        fail(scorecard.mismatches().size() + " fields differ from the catalogue:\n"
                                + scorecard.mismatchListing());
                    }
                });
    }

    /** The catalogue's classes, then the class files generated from or beside them. */
    static List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>(Catalogue.subjects());
        subjects.addAll(Java5ClassFiles.subjects());
        subjects.addAll(KotlinStyleBytecode.subjects());
        subjects.addAll(ScalaStyleBytecode.subjects());
        subjects.addAll(WholeProgramCatalogue.subjects());
        return subjects;
    }

    /** Analyzed once for the factory and the summary alike. */
    private static synchronized List<FieldOutcome> outcomes() {
        if (outcomes == null) {
            List<FieldOutcome> all = new ArrayList<>();
            for (Subject subject : subjects()) {
                all.addAll(FieldOutcome.of(subject));
            }
            outcomes = List.copyOf(all);
        }
        return outcomes;
    }
}
