package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.SyncClock;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The calls on concurrent maps and queues: putting an element in publishes what came before it to
 * whoever takes or finds it. A put/offer releases into the clock of its key or element, a
 * get/poll that finds the key or receives the element acquires from that clock, and from no other:
 * a lookup is ordered after the write whose value it sees, not after every write to the collection
 * (see {@link ElementClocks}).
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class CollectionHooks {
    private CollectionHooks() {
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object put(Map map, Object key, Object value) {
        SyncClock clock = releasing(map, key);
        Object previous = map.put(key, value);
        acquiring(clock);
        return previous;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object putIfAbsent(Map map, Object key, Object value) {
        SyncClock clock = releasing(map, key);
        Object previous = map.putIfAbsent(key, value);
        acquiring(clock);
        return previous;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object computeIfAbsent(Map map, Object key, Function function) {
        SyncClock clock = releasing(map, key);
        Object value = map.computeIfAbsent(key, function);
        acquiring(clock);
        return value;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object compute(Map map, Object key, BiFunction function) {
        SyncClock clock = releasing(map, key);
        Object value = map.compute(key, function);
        acquiring(clock);
        return value;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object merge(Map map, Object key, Object value, BiFunction function) {
        SyncClock clock = releasing(map, key);
        Object merged = map.merge(key, value, function);
        acquiring(clock);
        return merged;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object get(Map map, Object key) {
        Object value = map.get(key);
        if (value != null) { // a concurrent map holds no null: the key was found
            acquiring(found(map, key));
        }
        return value;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object getOrDefault(Map map, Object key, Object defaultValue) {
        Object value = map.getOrDefault(key, defaultValue);
        // found, unless it is the default itself: then only a second look can tell
        if (value != null && (value != defaultValue || map.containsKey(key))) {
            acquiring(found(map, key));
        }
        return value;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean containsKey(Map map, Object key) {
        boolean contains = map.containsKey(key);
        if (contains) {
            acquiring(found(map, key));
        }
        return contains;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object remove(Map map, Object key) {
        SyncClock clock = releasing(map, key);
        Object previous = map.remove(key);
        acquiring(clock);
        return previous;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean offer(Queue queue, Object element) {
        inserting(queue, element);
        return queue.offer(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean add(Queue queue, Object element) {
        inserting(queue, element);
        return queue.add(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object poll(Queue queue) {
        Object element = queue.poll();
        received(queue, element);
        return element;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object peek(Queue queue) {
        Object element = queue.peek();
        received(queue, element);
        return element;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void put(BlockingQueue queue, Object element) throws InterruptedException {
        inserting(queue, element);
        queue.put(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean offer(BlockingQueue queue, Object element, long timeout, TimeUnit unit)
            throws InterruptedException {
        inserting(queue, element);
        return queue.offer(element, timeout, unit);
    }

    /**
     * {@code transfer}/{@code tryTransfer} hand the element to a consumer: released before the call,
     * as a put (a {@code tryTransfer} that finds no consumer has released too, as a failed offer has).
     */
    @Hook(Hook.Kind.REPLACES_CALL)
    public static void transfer(TransferQueue queue, Object element) throws InterruptedException {
        inserting(queue, element);
        queue.transfer(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryTransfer(TransferQueue queue, Object element) {
        inserting(queue, element);
        return queue.tryTransfer(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryTransfer(TransferQueue queue, Object element, long timeout, TimeUnit unit)
            throws InterruptedException {
        inserting(queue, element);
        return queue.tryTransfer(element, timeout, unit);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object take(BlockingQueue queue) throws InterruptedException {
        Object element = queue.take();
        received(queue, element);
        return element;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object poll(BlockingQueue queue, long timeout, TimeUnit unit) throws InterruptedException {
        Object element = queue.poll(timeout, unit);
        received(queue, element);
        return element;
    }

    /**
     * Before a write of {@code key}: releases into the key's clock; the clock, or null when nothing
     * is published (the detector is off, or the map is no concurrent one).
     */
    private static SyncClock releasing(Map map, Object key) {
        SyncClock clock = found(map, key);
        if (clock != null) {
            Detection.release(clock);
        }
        return clock;
    }

    /** After a write: it read the key's previous value, so it is ordered after that value's write. */
    private static void acquiring(SyncClock clock) {
        if (clock != null) {
            Detection.acquire(clock);
        }
    }

    /** The clock of {@code key}, or null when nothing is published. */
    private static SyncClock found(Map map, Object key) {
        return publishes(map) ? ElementClocks.ofKey(map, key) : null;
    }

    private static void inserting(Queue queue, Object element) {
        if (publishes(queue)) {
            Detection.release(ElementClocks.ofElement(queue, element));
        }
    }

    private static void received(Queue queue, Object element) {
        if (element != null && publishes(queue)) {
            Detection.acquire(ElementClocks.ofElement(queue, element));
        }
    }

    /** Whether the collection publishes and the detector is on to see it: no clock is looked up otherwise. */
    private static boolean publishes(Object collection) {
        return Detection.enabled() && isConcurrent(collection);
    }

    private static boolean isConcurrent(Object collection) {
        return CONCURRENT.get(collection.getClass());
    }

    /**
     * Whether a collection class publishes what it holds. Remembered per class: an
     * {@code instanceof} of an interface the class lacks scans all its interfaces on every call,
     * and every {@code Map.get} of an instrumented class asks this.
     */
    private static final ClassValue<Boolean> CONCURRENT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return ConcurrentMap.class.isAssignableFrom(type) || BlockingQueue.class.isAssignableFrom(type)
                    || ConcurrentLinkedQueue.class.isAssignableFrom(type)
                    || ConcurrentLinkedDeque.class.isAssignableFrom(type);
        }
    };
}
