package dev.trawl;

import dev.trawl.fetch.Transport;

import dev.trawl.internal.fetch.ApacheTransport;
import dev.trawl.internal.fetch.JdkTransport;

/** The HTTP clients trawl ships, for {@link CrawlBuilder#transport(Transport.Factory)}. */
public final class Transports {
    private static final Transport.Factory APACHE = ApacheTransport::new;

    private Transports() {}

    /**
     * Apache HttpClient 5 (classic, blocking API on virtual threads): the default, the cheapest per
     * page we measured, and the one that goes through proxies.
     */
    public static Transport.Factory apache() {
        return APACHE;
    }

    /** The JDK's java.net.http client, kept for comparison (see BENCHMARKS.md). */
    public static Transport.Factory jdk() {
        return JdkTransport::new;
    }
}
