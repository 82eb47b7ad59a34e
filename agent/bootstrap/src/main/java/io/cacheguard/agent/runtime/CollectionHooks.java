package io.cacheguard.agent.runtime;

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
 * whoever takes or finds it. A put/offer releases into the collection, a get/poll that sees an
 * element acquires it: one clock per collection, so an element's reader is ordered after every
 * earlier writer.
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
        boolean concurrent = releasing(map);
        Object previous = map.put(key, value);
        acquiring(concurrent, map);
        return previous;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object putIfAbsent(Map map, Object key, Object value) {
        boolean concurrent = releasing(map);
        Object previous = map.putIfAbsent(key, value);
        acquiring(concurrent, map);
        return previous;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object computeIfAbsent(Map map, Object key, Function function) {
        boolean concurrent = releasing(map);
        Object value = map.computeIfAbsent(key, function);
        acquiring(concurrent, map);
        return value;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object compute(Map map, Object key, BiFunction function) {
        boolean concurrent = releasing(map);
        Object value = map.compute(key, function);
        acquiring(concurrent, map);
        return value;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object merge(Map map, Object key, Object value, BiFunction function) {
        boolean concurrent = releasing(map);
        Object merged = map.merge(key, value, function);
        acquiring(concurrent, map);
        return merged;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object get(Map map, Object key) {
        Object value = map.get(key);
        acquiring(isConcurrent(map), map);
        return value;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object getOrDefault(Map map, Object key, Object defaultValue) {
        Object value = map.getOrDefault(key, defaultValue);
        acquiring(isConcurrent(map), map);
        return value;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean containsKey(Map map, Object key) {
        boolean contains = map.containsKey(key);
        acquiring(isConcurrent(map), map);
        return contains;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object remove(Map map, Object key) {
        boolean concurrent = releasing(map);
        Object previous = map.remove(key);
        acquiring(concurrent, map);
        return previous;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean offer(Queue queue, Object element) {
        releasing(queue);
        return queue.offer(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean add(Queue queue, Object element) {
        releasing(queue);
        return queue.add(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object poll(Queue queue) {
        Object element = queue.poll();
        acquiring(element != null && isConcurrent(queue), queue);
        return element;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object peek(Queue queue) {
        Object element = queue.peek();
        acquiring(element != null && isConcurrent(queue), queue);
        return element;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void put(BlockingQueue queue, Object element) throws InterruptedException {
        Detection.release(queue);
        queue.put(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean offer(BlockingQueue queue, Object element, long timeout, TimeUnit unit)
            throws InterruptedException {
        Detection.release(queue);
        return queue.offer(element, timeout, unit);
    }

    /**
     * {@code transfer}/{@code tryTransfer} hand the element to a consumer: released before the call,
     * as a put (a {@code tryTransfer} that finds no consumer has released too, as a failed offer has).
     */
    @Hook(Hook.Kind.REPLACES_CALL)
    public static void transfer(TransferQueue queue, Object element) throws InterruptedException {
        Detection.release(queue);
        queue.transfer(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryTransfer(TransferQueue queue, Object element) {
        Detection.release(queue);
        return queue.tryTransfer(element);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryTransfer(TransferQueue queue, Object element, long timeout, TimeUnit unit)
            throws InterruptedException {
        Detection.release(queue);
        return queue.tryTransfer(element, timeout, unit);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object take(BlockingQueue queue) throws InterruptedException {
        Object element = queue.take();
        Detection.acquire(queue);
        return element;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object poll(BlockingQueue queue, long timeout, TimeUnit unit) throws InterruptedException {
        Object element = queue.poll(timeout, unit);
        acquiring(element != null, queue);
        return element;
    }

    private static boolean releasing(Object collection) {
        boolean concurrent = isConcurrent(collection);
        if (concurrent) {
            Detection.release(collection);
        }
        return concurrent;
    }

    private static void acquiring(boolean concurrent, Object collection) {
        if (concurrent) {
            Detection.acquire(collection);
        }
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
