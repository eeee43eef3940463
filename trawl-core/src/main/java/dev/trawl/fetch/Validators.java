package dev.trawl.fetch;

/**
 * What a server said identifies a page's version, sent back on a re-crawl so that an unchanged
 * page can answer {@code 304 Not Modified} without its body. Either value may be null.
 *
 * @param etag         the response's {@code ETag}, sent back as {@code If-None-Match}
 * @param lastModified the response's {@code Last-Modified}, sent back as {@code If-Modified-Since}
 */
public record Validators(String etag, String lastModified) {

    /** No validators: an unconditional request. */
    public static final Validators NONE = new Validators(null, null);

    /** True when there is nothing to send. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
