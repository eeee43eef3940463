package dev.trawl.internal.discover;

import java.net.URI;

/**
 * A link found on a page.
 *
 * @param url      absolute, without fragment
 * @param nextPage whether it is pagination ("next page"), followed without adding a hop
 */
public record Link(URI url, boolean nextPage) {}
