package dev.trawl;

import dev.trawl.fetch.Transport;

import dev.trawl.internal.fetch.ApacheTransport;
import dev.trawl.internal.fetch.JdkTransport;

/** The HTTP clients trawl ships, for {@link CrawlBuilder#transport(Transport.Factory)}. */
public final class Transports {
    private Transports() {}

    /** Apache HttpClient 5 (classic, blocking API on virtual threads): the default, the cheapest per page we measured. */
    public static Transport.Factory apache() {
        return ApacheTransport::new;
    }

    /** The JDK's java.net.http client, kept for comparison (see BENCHMARKS.md). */
    public static Transport.Factory jdk() {
        return JdkTransport::new;
    }
}
