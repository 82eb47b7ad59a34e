package io.cacheguard.legacy;

import com.mysema.query.types.Template;
import com.mysema.query.types.TemplateFactory;

/**
 * Querydsl issue #341 (https://github.com/querydsl/querydsl/issues/341), "Not synchronized
 * com.mysema.query.types.TemplateFactory cache", in querydsl-core 2.9.0, the last 2.x release:
 * {@code TemplateFactory.cache} is a {@code private final Map} holding a plain {@code HashMap}, an
 * instance field of the shared {@code TemplateFactory.DEFAULT} and of the factory each
 * {@code Templates} (each query dialect) builds. {@code create(String)} reads it with
 * {@code containsKey} and {@code get} and fills it with {@code put} with no lock, from every thread
 * that builds a template expression or serializes a query. The report warns of the infinite loop
 * in the map and reproduces it with three threads and template strings of one hash code; since
 * Java 8 a crowded bucket becomes a red-black tree, and the same race loses entries, or most of the
 * tree, instead, and now and then a thread spins forever in {@code TreeNode.putTreeVal}. 3.0.0 made
 * the map a {@code ConcurrentHashMap}.
 *
 * <p>The map is an instance field, not a static one. Each round builds a fresh factory with the
 * escape character {@code DEFAULT} uses, as each {@code Templates} does, so the map grows through
 * all its resizes, where unsynchronized puts do the most damage; three workers then ask it for two
 * thousand template strings, each string by one worker. The strings all have one hash code, as in
 * the report, so every put lands in the same bucket. Then every string is asked for again. A cache
 * that kept every entry answers the very template it handed out the first time; a lost entry is
 * parsed afresh, so the second answer is a different instance.
 *
 * <p>The fixed library guarantees: no exception, no hang, each string parsed into a template of
 * that string, no entry lost (3.0.0 runs this driver clean). Prints {@code RESULT querydsl#341 OK}
 * or {@code ... BROKEN <reason>}; exit 0, 1, or 3 on a hang.
 */
public final class QuerydslTemplateCacheRace {
    static final String NAME = "querydsl#341";
    static final String PATCHED_FIELD = "com.mysema.query.types.TemplateFactory.cache";

    private static final int WORKERS = 3;
    private static final int MAX_ROUNDS = 100;
    private static final long BUDGET_MILLIS = 8_000;
    private static final long STALL_MILLIS = 5_000;
    private static final int TEMPLATES_PER_ROUND = 2_000;
    /** Blocks per template: 2^11 distinct strings, enough for a round's. */
    private static final int BLOCKS = 11;

    private QuerydslTemplateCacheRace() {
    }

    public static void main(String[] args) throws Exception {
        String[] templates = new String[TEMPLATES_PER_ROUND];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = template(i);
        }
        long start = System.nanoTime();
        int rounds = 0;
        while (rounds < MAX_ROUNDS && (System.nanoTime() - start) / 1_000_000 < BUDGET_MILLIS) {
            TemplateFactory factory = new TemplateFactory('\\');
            Template[] firstAnswers = new Template[templates.length];
            Round.Outcome outcome = Round.run(NAME, WORKERS, STALL_MILLIS, (worker, tick) -> {
                for (int i = worker; i < templates.length; i += WORKERS) {
                    Template template = factory.create(templates[i]);
                    if (template == null || !templates[i].equals(template.toString())
                            || template.getElements().size() != 2) {
                        throw new AssertionError("create answered " + template + " for " + templates[i]);
                    }
                    firstAnswers[i] = template;
                    tick.run();
                }
            });
            rounds++;
            if (outcome.kind == Round.Kind.HUNG) {
                RaceResult.hung(NAME, outcome);
            } else if (outcome.kind == Round.Kind.FAILED) {
                RaceResult.broken(NAME, "round " + rounds + ": " + RaceResult.describe(outcome.failure));
            }
            int lost = 0;
            String firstLost = null;
            for (int i = 0; i < templates.length; i++) {
                if (factory.create(templates[i]) != firstAnswers[i]) {
                    lost++;
                    firstLost = firstLost == null ? templates[i] : firstLost;
                }
            }
            if (lost > 0) {
                RaceResult.broken(NAME, "round " + rounds + ": the template cache lost " + lost + " of "
                        + templates.length + " entries put in the round (first: " + firstLost + ")");
            }
        }
        System.out.println(rounds + " rounds of " + WORKERS + " threads x " + TEMPLATES_PER_ROUND / WORKERS
                + " templates, each round a new factory, in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        RaceResult.ok(NAME);
    }

    /**
     * The {@code n}th template, {@code {0} = } and a string of "Aa" and "BB" blocks spelling
     * {@code n} in binary: "Aa" and "BB" have one hash code, so all templates have one too.
     */
    private static String template(int n) {
        StringBuilder template = new StringBuilder("{0} = ");
        for (int bit = 0; bit < BLOCKS; bit++) {
            template.append(((n >>> bit) & 1) == 0 ? "Aa" : "BB");
        }
        return template.toString();
    }
}
