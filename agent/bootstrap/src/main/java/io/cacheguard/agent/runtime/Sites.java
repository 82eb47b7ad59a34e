package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.Site;
import io.cacheguard.agent.runtime.detector.SiteCapture;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Captures where an access happened: the thread and the application's stack, cut at a configured
 * depth, without cacheguard's own frames. Equal sites of one thread are interned, so the million
 * maps one line of code creates share one site instead of each keeping a stack of its own.
 */
final class Sites {
    /** Cacheguard's runtime, the detector's package below it included: frames no report shows. */
    private static final String OWN_PACKAGE = "io.cacheguard.agent.runtime.";
    private static final int MAX_INTERNED = 8192;
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Map<Interned, Site> INTERNED = new ConcurrentHashMap<>();
    private static volatile int depth = 16;

    private Sites() {
    }

    static void configure(int stackDepth) {
        depth = stackDepth;
    }

    /** A capture of the current access, named {@code operation} ({@code put}, {@code get}, ...). */
    static SiteCapture of(String operation) {
        return new SiteCapture() {
            @Override
            public String operation() {
                return operation;
            }

            @Override
            public Site capture() {
                return Sites.capture(operation);
            }
        };
    }

    static Site capture(String operation) {
        StackTraceElement[] stack = stack();
        Thread thread = Thread.currentThread();
        @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
        long id = thread.getId();
        Site site = new Site(thread.getName(), id, operation, stack);
        Interned key = new Interned(id, site);
        Site known = INTERNED.get(key);
        if (known != null) {
            return known;
        }
        if (INTERNED.size() < MAX_INTERNED) {
            known = INTERNED.putIfAbsent(key, site);
        }
        return known != null ? known : site;
    }

    /**
     * The application's part of the current stack, at most {@code depth} frames. {@link WatchWarmUp}
     * walks it once at start, so that the first race does not load and link the stack walker in
     * the application's time.
     */
    static StackTraceElement[] stack() {
        return WALKER.walk(new ApplicationFrames(depth));
    }

    /**
     * Collects the frames that are not cacheguard's, a class of its own rather than a lambda or a
     * stream pipeline: each lambda is spun into a class the first time it runs, which for this
     * code is a race's first report, on the application's thread.
     */
    private static final class ApplicationFrames implements Function<Stream<StackWalker.StackFrame>, StackTraceElement[]> {
        private final int limit;

        ApplicationFrames(int limit) {
            this.limit = limit;
        }

        @Override
        public StackTraceElement[] apply(Stream<StackWalker.StackFrame> frames) {
            StackTraceElement[] stack = new StackTraceElement[limit];
            int taken = 0;
            for (Iterator<StackWalker.StackFrame> walk = frames.iterator(); taken < limit && walk.hasNext(); ) {
                StackWalker.StackFrame frame = walk.next();
                if (!frame.getClassName().startsWith(OWN_PACKAGE)) {
                    stack[taken++] = frame.toStackTraceElement();
                }
            }
            return taken == limit ? stack : Arrays.copyOf(stack, taken);
        }
    }

    /** A site of one thread: {@link Site#equals} compares operation and stack only. */
    private static final class Interned {
        private final long threadId;
        private final Site site;

        Interned(long threadId, Site site) {
            this.threadId = threadId;
            this.site = site;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Interned && ((Interned) o).threadId == threadId && ((Interned) o).site.equals(site)
                    && ((Interned) o).site.threadName().equals(site.threadName());
        }

        @Override
        public int hashCode() {
            return Long.hashCode(threadId) * 31 + site.hashCode();
        }
    }
}
