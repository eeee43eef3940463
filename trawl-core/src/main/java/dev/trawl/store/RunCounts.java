package dev.trawl.store;

/**
 * A run's requests by state, and its products.
 *
 * @param pending   requests still without a terminal outcome
 * @param done      requests done (fetched, or unchanged since the last run)
 * @param failed    requests failed for good
 * @param unchanged of the done, those a server answered 304 Not Modified
 * @param products  product rows
 */
public record RunCounts(long pending, long done, long failed, long unchanged, long products) {}
