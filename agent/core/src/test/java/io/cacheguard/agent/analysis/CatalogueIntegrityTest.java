package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's own rules, checked without the analyzer: it is large enough, covers every
 * verdict, and states an expectation for exactly the fields the analysis reports on.
 */
class CatalogueIntegrityTest {

    @Test
    void catalogueHoldsAtLeastFortyClasses() {
        int classes = Catalogue.topLevelClasses().size();
        assertTrue(classes >= 40, "only " + classes + " catalogue classes");
    }

    @Test
    void everyCatalogueClassExpectsAVerdictForAtLeastOneField() {
        List<String> without = new ArrayList<>();
        for (Class<?> type : Catalogue.topLevelClasses()) {
            boolean expects = Catalogue.allClasses().stream()
                    .filter(candidate -> candidate == type || isEnclosedBy(candidate, type))
                    .anyMatch(candidate -> !Catalogue.expectationsOf(candidate).isEmpty());
            if (!expects) {
                without.add(type.getSimpleName());
            }
        }
        assertEquals(List.of(), without, "catalogue classes without any @Expect field");
    }

    @Test
    void catalogueExpectsEveryVerdict() {
        Set<Verdict> expected = EnumSet.noneOf(Verdict.class);
        for (Subject subject : CatalogueTest.subjects()) {
            subject.expectations().forEach(expectation -> expected.add(expectation.verdict()));
        }
        assertEquals(EnumSet.allOf(Verdict.class), expected);
    }

    /**
     * The analysis reports map-typed fields and ThreadLocals of maps, so those and only those carry
     * an expectation. A map captured by an anonymous or local class would become a synthetic field
     * nobody can annotate: such captures do not belong in the catalogue.
     */
    @Test
    void expectationsSitOnExactlyTheMapAndThreadLocalOfMapFields() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : Catalogue.allClasses()) {
            for (Field field : type.getDeclaredFields()) {
                boolean reported = Map.class.isAssignableFrom(field.getType()) || isThreadLocalOfMap(field);
                boolean expected = field.isAnnotationPresent(Expect.class);
                if (reported && !expected) {
                    problems.add(type.getName() + "." + field.getName() + " is a map field without @Expect");
                } else if (expected && !reported) {
                    problems.add(type.getName() + "." + field.getName() + " has @Expect but is no map field");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The harness analyzes top-level and member classes; an expectation anywhere else would go unchecked. */
    @Test
    void expectationsSitOnlyInTopLevelAndMemberClasses() {
        List<String> elsewhere = Catalogue.expectingClasses().stream()
                .filter(type -> type.getEnclosingClass() != null && !type.isMemberClass())
                .map(Class::getName)
                .toList();
        assertEquals(List.of(), elsewhere);
    }

    private static boolean isEnclosedBy(Class<?> candidate, Class<?> outer) {
        for (Class<?> enclosing = candidate.getEnclosingClass(); enclosing != null;
                enclosing = enclosing.getEnclosingClass()) {
            if (enclosing == outer) {
                return true;
            }
        }
        return false;
    }

    private static boolean isThreadLocalOfMap(Field field) {
        if (!ThreadLocal.class.isAssignableFrom(field.getType())
                || !(field.getGenericType() instanceof ParameterizedType threadLocal)) {
            return false;
        }
        Type value = threadLocal.getActualTypeArguments()[0];
        Type raw = value instanceof ParameterizedType parameterized ? parameterized.getRawType() : value;
        return raw instanceof Class<?> valueClass && Map.class.isAssignableFrom(valueClass);
    }
}
