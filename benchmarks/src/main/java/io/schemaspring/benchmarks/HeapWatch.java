package io.schemaspring.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap in use right after a garbage collection while it watches, above what was
 * in use when it started: an upper bound of what a workload keeps reachable (a streamed
 * row that is let go is collected; a list of every row is not; objects promoted by young
 * collections count until an old collection). Notifications arrive on their own thread,
 * so a collection in the last moments of a pass may be missed. Allocation alone is JMH's
 * {@code gc.alloc.rate.norm}.
 */
final class HeapWatch implements NotificationListener, AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
        .stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName)
        .collect(Collectors.toSet());

    private final List<NotificationEmitter> emitters = new ArrayList<>();

    private final AtomicLong peak = new AtomicLong(-1);

    private final long baseline;

    private HeapWatch() {
        System.gc();
        this.baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
                this.emitters.add(emitter);
            }
        }
    }

    /** Collects garbage, notes the heap in use, and starts watching collections. */
    static HeapWatch start() {
        return new HeapWatch();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
            .from((CompositeData) notification.getUserData());
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (this.heapPools.contains(pool.getKey())) {
                MemoryUsage usage = pool.getValue();
                used += usage.getUsed();
            }
        }
        this.peak.accumulateAndGet(used, Math::max);
    }

    /**
     * Bytes above the starting point at the fullest moment after a collection; -1 when
     * nothing was collected.
     */
    long peakAboveBaseline() {
        long peak = this.peak.get();
        return peak < 0 ? -1 : Math.max(0, peak - this.baseline);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : this.emitters) {
            try {
                emitter.removeNotificationListener(this);
            }
            catch (ListenerNotFoundException ex) {
                // already gone
            }
        }
    }

}
