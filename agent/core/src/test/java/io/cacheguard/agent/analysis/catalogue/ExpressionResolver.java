package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiler pass in the style of Groovy's {@code ResolveVisitor}: one instance per compilation,
 * walking a tree while it keeps the scope it is in as a field, saved and restored around each
 * nested scope. Its name cache is a plain HashMap filled with no lock, and nothing in the class
 * synchronizes. Two threads could not share an instance without corrupting {@code currentScope}
 * first: the class serves one operation at a time, and its map is confined with it. Safe; it was
 * patch ("put ... holds no lock") before the analysis read that design from the fields (issue 14).
 */
public final class ExpressionResolver {

    @Expect(value = SAFE, reason = "saves, overwrites and restores currentScope")
    private final Map<String, String> resolved = new HashMap<>();

    private String currentScope = "";

    public String resolve(String name) {
        String qualified = resolved.get(currentScope + name);
        if (qualified == null) {
            qualified = currentScope + "." + name;
            resolved.put(currentScope + name, qualified);
        }
        return qualified;
    }

    public void visitScope(String scope, List<String> names, List<String> into) {
        String outer = currentScope;
        currentScope = outer + "/" + scope;
        try {
            for (String name : names) {
                into.add(resolve(name));
            }
        } finally {
            currentScope = outer;
        }
    }
}
