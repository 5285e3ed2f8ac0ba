package dev.fanoutbench.bench.scenario;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Bytes the whole JVM allocated between {@link #start()} and {@link #stop()}: heap growth plus
 * what every collection in between freed. Per-thread counters would miss threads that ended
 * (every virtual thread ends with its request), which is exactly what differs between models.
 */
final class AllocationMeter implements NotificationListener {

    private final AtomicLong freedByGc = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private long usedAtStart;

    static AllocationMeter start() {
        AllocationMeter meter = new AllocationMeter();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(meter, null, null);
                meter.emitters.add(emitter);
            }
        }
        meter.usedAtStart = heapUsed();
        return meter;
    }

    /** Bytes allocated since {@link #start()}; stops listening. */
    long stop() {
        long allocated = heapUsed() - usedAtStart + freedByGc.get();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
        return Math.max(0, allocated);
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                .getGcInfo();
        long before = info.getMemoryUsageBeforeGc().values().stream()
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        long after = info.getMemoryUsageAfterGc().values().stream()
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        freedByGc.addAndGet(Math.max(0, before - after));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
