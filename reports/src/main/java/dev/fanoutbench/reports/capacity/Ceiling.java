package dev.fanoutbench.reports.capacity;

/**
 * One resource's limit on a model's throughput, and the sentence that says where it comes from.
 *
 * @param resource  what runs out: {@code pool}, {@code cores}, {@code in-flight cap}, {@code server}, {@code scaling}
 * @param perSecond the most requests per second it lets through
 * @param why       the arithmetic, in words a reader can check
 */
public record Ceiling(String resource, double perSecond, String why) {}
