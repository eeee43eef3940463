package dev.trawl.internal.frontier;



/** A request read back from a store's frontier, with its row id (ids only grow, so they page the frontier). */
public record Pending(long id, CrawlRequest request) {}
