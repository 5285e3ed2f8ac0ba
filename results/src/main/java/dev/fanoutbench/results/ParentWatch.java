package dev.fanoutbench.results;

import java.util.Optional;

/**
 * Ends this JVM when the process that started it ends, however that ends: a JMH fork whose
 * harness was killed with SIGKILL is reparented to init and would otherwise keep loading the
 * machine (seen: a fork at 160% CPU for minutes, deaf to SIGTERM after an OutOfMemoryError).
 * Polls rather than relying on a signal, since a killed parent sends none; {@code halt} rather
 * than {@code exit}, since a JVM in trouble may never finish its shutdown hooks.
 */
public final class ParentWatch {

    static final long POLL_MILLIS = 250;
    /** What the JVM exits with when its parent is gone. */
    public static final int EXIT_CODE = 143;

    private static volatile Thread watching;

    private ParentWatch() {}

    /** Starts watching {@code pid} (once per JVM); a pid of -1 or less watches nothing. */
    public static synchronized void start(long pid) {
        if (pid < 0 || watching != null) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            gone(pid);
        }
        ProcessHandle handle = parent.get();
        Thread thread = new Thread(
                () -> {
                    while (handle.isAlive()) {
                        try {
                            Thread.sleep(POLL_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    gone(pid);
                },
                "parent-watch");
        thread.setDaemon(true);
        thread.start();
        watching = thread;
    }

    private static void gone(long pid) {
        System.err.println("the process that started this JVM (pid " + pid + ") has ended: ending too");
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}
