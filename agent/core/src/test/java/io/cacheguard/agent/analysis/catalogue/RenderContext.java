package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A render context in the style of Velocity's {@code InternalContextBase}: one per merge, holding
 * the stack of templates being rendered (pushed on entry, popped on exit) and an introspection
 * cache filled with no lock. Nothing in the class synchronizes, and a stack of "where this
 * operation is" kept in the object means one operation at a time: the map is confined with its
 * context. Safe; it was patch before (issue 14).
 */
public final class RenderContext {

    @Expect(value = SAFE, reason = "pushes and pops templates")
    private final Map<Class<?>, String> introspected = new HashMap<>();

    private final Deque<String> templates = new ArrayDeque<>();

    public void enter(String template) {
        templates.push(template);
    }

    public void leave() {
        templates.pop();
    }

    public String currentTemplate() {
        return templates.peek();
    }

    public String describe(Object value) {
        return introspected.computeIfAbsent(value.getClass(), Class::getSimpleName);
    }
}
