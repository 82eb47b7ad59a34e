package io.cacheguard.agent.jfr;

/**
 * A field's verdict as the {@code FieldPatched} and {@code FieldSkipped} events carry it.
 *
 * @param verdict    {@code patched}, {@code tracked} (mode detect) or {@code skipped}
 * @param typeBefore the map classes the field was seen to hold, or its declared type
 * @param typeAfter  what it holds once patched ("" when skipped)
 * @param live       whether its class was already loaded (an attach) rather than patched as it loaded
 */
public record FieldDecision(String className, String fieldName, String verdict, String reason, String declaredType,
                            String typeBefore, String typeAfter, boolean live) {
    public boolean skipped() {
        return verdict.equals("skipped");
    }
}
