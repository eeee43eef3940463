package dev.trawl.fetch;

import dev.trawl.internal.fetch.ApacheTransport;
import dev.trawl.internal.fetch.JdkTransport;

/** The HTTP clients trawl can fetch with. */
public final class Transports {
    private Transports() {}

    /** Apache HttpClient 5 (classic, blocking API on virtual threads): the default, the cheapest per page we measured. */
    public static Transport apache(FetchSettings settings) {
        return new ApacheTransport(settings);
    }

    /** The JDK's java.net.http client, kept for comparison (see BENCHMARKS.md). */
    public static Transport jdk(FetchSettings settings) {
        return new JdkTransport(settings);
    }

    /** A transport by name: {@code apache} or {@code jdk}. */
    public static Transport named(String name, FetchSettings settings) {
        return switch (name) {
            case "apache" -> apache(settings);
            case "jdk" -> jdk(settings);
            default -> throw new IllegalArgumentException("transport must be 'apache' or 'jdk', was '" + name + "'");
        };
    }
}
