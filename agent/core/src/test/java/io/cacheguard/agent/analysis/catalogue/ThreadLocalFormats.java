package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-thread caches of formatters: {@code ThreadLocal.withInitial(HashMap::new)} and an anonymous
 * ThreadLocal with {@code initialValue}. Each thread has its own map: safe. The ThreadLocal of a
 * StringBuilder is not a map and gets no report.
 */
public final class ThreadLocalFormats {

    @Expect(value = SAFE, reason = "ThreadLocal")
    private static final ThreadLocal<Map<String, SimpleDateFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    @Expect(value = SAFE, reason = "ThreadLocal")
    private final ThreadLocal<HashMap<String, Object>> scratch = new ThreadLocal<HashMap<String, Object>>() {
        @Override
        protected HashMap<String, Object> initialValue() {
            return new HashMap<>();
        }
    };

    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(StringBuilder::new);

    public static String format(Date date, String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, SimpleDateFormat::new).format(date);
    }

    public Object remember(String key, Object value) {
        return scratch.get().put(key, value);
    }

    public static String join(String a, String b) {
        StringBuilder buffer = BUFFER.get();
        buffer.setLength(0);
        return buffer.append(a).append(b).toString();
    }
}
