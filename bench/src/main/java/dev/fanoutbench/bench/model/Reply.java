package dev.fanoutbench.bench.model;

/** An answer as every library hands it to the batch: its status and its body as text. */
record Reply(int status, String body) {}
