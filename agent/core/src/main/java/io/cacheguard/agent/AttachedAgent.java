package io.cacheguard.agent;

import io.cacheguard.agent.AttachProtocol.Outcome;
import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.Mode;
import io.cacheguard.agent.config.OptionException;
import io.cacheguard.agent.config.OptionsParser;
import io.cacheguard.agent.report.Json;
import java.util.ArrayList;
import java.util.Set;

/**
 * What an attach adds to the start-up path: the classes already loaded are retransformed, and a
 * second attach to the same JVM changes what may change instead of starting anything twice.
 */
final class AttachedAgent {
    private AttachedAgent() {
    }

    /** After {@link AgentStartup#start} on a first attach: patch what is already loaded. */
    static void finishFirstAttach(AgentSession session, AttachRequest request) {
        LoadedClasses.Result result = session.transformer == null ? null
                : LoadedClasses.retransform(session, session.options);
        String message = "cacheguard " + CacheguardVersion.get() + " attached (" + session.options.describe() + ")"
                + retransformed(result);
        finish(session, request, Outcome.ATTACHED, message, result);
    }

    /** A later attach to a JVM where the agent already runs. */
    static void reattach(AgentSession session, AttachRequest request) {
        session.log.copyTo(request.transcript);
        try {
            AgentOptions running = session.options;
            AgentOptions next;
            OptionChange change;
            try {
                OptionsParser.parse(request.options, new java.util.Properties()); // its own syntax first
                change = OptionChange.between(session.argument, request.options);
                next = OptionsParser.parse(change.mergedArgument(), System.getProperties());
            } catch (OptionException e) {
                finish(session, request, Outcome.REFUSED, e.getMessage() + "; nothing changed", null);
                return;
            }
            Set<String> changed = change.changedKeys(running, next);
            if (changed.isEmpty()) {
                finish(session, request, Outcome.UNCHANGED, "cacheguard " + CacheguardVersion.get()
                        + " is already attached (" + running.describe() + ", " + session.ledger.patchedFields().size()
                        + " fields patched); these options change nothing", null);
                return;
            }
            String refusal = OptionChange.refusal(changed, running, next);
            if (refusal != null) {
                finish(session, request, Outcome.REFUSED, refusal + "; nothing changed", null);
                return;
            }
            session.options = next;
            session.argument = change.mergedArgument();
            LoadedClasses.Result result = null;
            if (session.transformer == null && next.mode() != Mode.OFF) {
                AgentStartup.installPatching(session, true);
                result = LoadedClasses.retransform(session, next);
            } else if (session.transformer != null
                    && (OptionChange.selectionChanged(changed) || changed.contains("mode"))) {
                AgentStartup.enableDetection(session, next); // patch to both, detect to both
                // A fresh transformer decides again from each original class file; the ledger makes
                // the previously rewritten classes candidates too, so a narrower selection undoes them.
                AgentStartup.enableLiveMaps(session); // a -javaagent session never needed it before
                session.transformer.swap(AgentStartup.newTransformer(session, next));
                result = LoadedClasses.retransform(session, next);
            }
            finish(session, request, Outcome.CHANGED, "changed " + String.join(", ", changed) + " (now "
                    + next.describe() + ")" + retransformed(result), result);
        } finally {
            session.log.copyTo(null);
        }
    }

    private static String retransformed(LoadedClasses.Result result) {
        if (result == null) {
            return "";
        }
        return "; " + result.retransformed + " loaded classes retransformed in " + result.nanos / 1_000_000 + " ms"
                + (result.failed > 0 ? ", " + result.failed + " refused (see the errors)" : "");
    }

    private static void finish(AgentSession session, AttachRequest request, Outcome outcome, String message,
                               LoadedClasses.Result result) {
        AgentStatus.publish(session);
        Set<String> stale = result == null ? Set.of() : session.ledger.patchedFieldsOf(result.loaded);
        if (!stale.isEmpty()) {
            session.log.info("may still have stale aliases (old frames, references taken before the attach): "
                    + String.join(", ", stale));
        }
        session.report.write(Json.object()
                .put("event", "attach")
                .put("time", System.currentTimeMillis())
                .put("version", CacheguardVersion.get())
                .put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .put("message", message)
                .put("options", session.options.describe())
                .put("classesRetransformed", result == null ? 0 : result.retransformed)
                .put("retransformMillis", result == null ? 0 : result.nanos / 1_000_000)
                .put("longestRetransformMicros", result == null ? 0 : result.longestNanos / 1_000)
                .put("staleAliasFields", new ArrayList<>(stale)));
        request.report(session.report.path()); // where it goes: %p replaced; none if it fell back
        request.outcome(outcome, message);
    }
}
