package dev.fanoutbench.bench;

/** Placeholder replaced below. */
final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {}
}
