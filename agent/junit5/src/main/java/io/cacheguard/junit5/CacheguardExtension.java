package io.cacheguard.junit5;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when the cacheguard agent reports a race while it runs: from before its
 * {@code @BeforeEach} methods to after its {@code @AfterEach} methods, on any thread (see
 * {@link RunningTests} for which test a race goes to). The failure is an {@link AssertionError}
 * whose message is the race as the agent's log shows it: field, kind, both threads, both stacks.
 *
 * <p>Use it with {@code @ExtendWith(CacheguardExtension.class)}, {@link CacheguardTest} (with
 * options), or on a whole suite through JUnit's auto-detection
 * ({@code junit.jupiter.extensions.autodetection.enabled=true}). Without the agent the test class
 * fails once with how to add it, unless {@code @CacheguardTest(requireAgent = false)}.
 */
public final class CacheguardExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CacheguardExtension.class);
    /** Once seen detecting, the agent stays: later tests skip the probe. */
    private static volatile boolean detecting;

    @Override
    public void beforeAll(ExtensionContext context) {
        requireAgent(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Again here: registered on a method only, the extension sees no beforeAll.
        if (!requireAgent(context)) {
            return;
        }
        AgentRaces.listen();
        TestRaces races = new TestRaces(context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName() + "()");
        context.getStore(NAMESPACE).put(TestRaces.class, races);
        RunningTests.start(races);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestRaces races = context.getStore(NAMESPACE).remove(TestRaces.class, TestRaces.class);
        if (races == null) {
            return;
        }
        RunningTests.finish(races);
        Optional<String> failure = races.failure(RaceOptions.of(context));
        if (failure.isPresent()) {
            throw new AssertionError(failure.get());
        }
    }

    /**
     * Whether races can be heard; if not and the options require the agent, fails the container
     * (a class: once, before any of its tests) with how to add it.
     */
    private static boolean requireAgent(ExtensionContext context) {
        if (detecting) {
            return true;
        }
        AgentProbe.State state = AgentProbe.state();
        if (state == AgentProbe.State.DETECTING) {
            detecting = true;
            return true;
        }
        if (RaceOptions.of(context).requireAgent()) {
            throw new ExtensionConfigurationException(MissingAgent.message(state));
        }
        return false;
    }
}
