package dev.trawl.demoshop;

/**
 * What the demo shop's rate guard saw of one client address.
 *
 * @param requests   product requests from it
 * @param bans       times it was banned
 * @param challenges challenge pages it was given
 */
public record RateGuardCounts(long requests, long bans, long challenges) {}
