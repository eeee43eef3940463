package dev.trawl.engine;

import dev.trawl.CrawlConfig;
import dev.trawl.CrawlResult;
import dev.trawl.FailureReason;
import dev.trawl.Outcome;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;
import dev.trawl.fetch.Durations;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RetryPolicy;
import dev.trawl.frontier.CrawlRequest;
import dev.trawl.frontier.SeedUrls;
import dev.trawl.frontier.Ticks;
import dev.trawl.stats.CrawlStats;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What follows from one attempt of one request, on its virtual thread (DESIGN.md, data flow
 * steps 4–5): a terminal result (done with its products, or failed with a reason) handed to the
 * writer, or a follow-up request — a retry after backoff or Retry-After, or the next redirect
 * hop — handed back to the scheduler.
 */
final class RequestStep {

    private final CrawlConfig config;
    private final RetryPolicy retry;
    private final CrawlStats stats;

    RequestStep(CrawlConfig config, CrawlStats stats) {
        this.config = config;
        this.retry = config.retry();
        this.stats = stats;
    }

    /**
     * When a response asks the client to come back later (429 or 503 with a Retry-After within
     * the limit): the tick before which nothing may start on its host. 0 when it does not. The
     * engine applies it as it frees the request's slot, so no request slips in before it.
     */
    long retryAfter(FetchResult fetched) {
        if (fetched instanceof FetchResult.Response r && RetryPolicy.retryableStatus(r.status())) {
            Optional<Duration> after = RetryPolicy.parseRetryAfter(r.retryAfter(), Instant.now());
            if (after.isPresent() && after.get().compareTo(retry.maxRetryAfter()) <= 0) {
                return Ticks.now() + Math.max(after.get().toNanos(), 1);
            }
        }
        return 0;
    }

    /**
     * Decides what an attempt's result means: returns the request to queue again (a retry, a
     * redirect hop), or null when the request reached its outcome (handed to {@code results},
     * products extracted). {@code retryAfter} is {@link #retryAfter(FetchResult)}'s answer.
     */
    CrawlRequest decide(CrawlRequest request, FetchResult fetched, long retryAfter, BooleanSupplier stopping,
                        Consumer<CrawlResult> results) {
        try {
            int attempts = request.attempts() + 1;
            if (stopping.getAsBoolean()) {
                return fail(request, FailureReason.CANCELLED, "the crawl was stopped", 0, attempts, results);
            }
            return switch (fetched) {
                case FetchResult.Response r -> {
                    stats.attempt(r.status(), r.body().length);
                    yield onResponse(request, r, attempts, retryAfter, results);
                }
                case FetchResult.Error e -> {
                    stats.attempt(0, 0);
                    if (e.reason().retryable() && retriesLeft(request)) {
                        stats.retry();
                        yield request.retryAt(Ticks.now() + retry.backoffNanos(retriesUsed(request) + 1));
                    }
                    yield fail(request, e.reason(), e.detail(), 0, attempts, results);
                }
            };
        } catch (RuntimeException e) {
            // A bug must cost one URL, not the crawl: it still gets its one outcome.
            return fail(request, FailureReason.IO_ERROR, "internal error: " + e, 0, request.attempts() + 1, results);
        }
    }

    private CrawlRequest onResponse(CrawlRequest request, FetchResult.Response r, int attempts, long retryAfter,
                                    Consumer<CrawlResult> results) {
        int status = r.status();
        if (status >= 200 && status < 300) {
            return done(request, r, attempts, results);
        }
        if (status >= 300 && status < 400 && r.location() != null && status != 304) {
            return redirect(request, r, attempts, results);
        }
        if (RetryPolicy.retryableStatus(status)) {
            Optional<Duration> after = RetryPolicy.parseRetryAfter(r.retryAfter(), Instant.now());
            if (after.isPresent() && after.get().compareTo(retry.maxRetryAfter()) > 0) {
                return fail(request, FailureReason.HTTP_STATUS, "HTTP " + status + " with Retry-After " + Durations.format(after.get())
                        + ", longer than the " + Durations.format(retry.maxRetryAfter()) + " limit", status, attempts, results);
            }
            if (retriesLeft(request)) {
                stats.retry();
                return request.retryAt(retryAfter > 0 ? retryAfter : Ticks.now() + retry.backoffNanos(retriesUsed(request) + 1));
            }
            return fail(request, FailureReason.HTTP_STATUS, "HTTP " + status + " after " + attempts + " attempts", status, attempts, results);
        }
        return fail(request, FailureReason.HTTP_STATUS, "HTTP " + status, status, attempts, results);
    }

    private CrawlRequest done(CrawlRequest request, FetchResult.Response r, int attempts, Consumer<CrawlResult> results) {
        List<Product> products = List.of();
        if (config.extractor() != null && isMarkup(r.contentType())) {
            try {
                products = config.extractor().extract(new Page(request.url(), r.status(), r.contentType(), r.body()));
            } catch (RuntimeException e) {
                return fail(request, FailureReason.EXTRACT_ERROR, "extractor threw " + e, r.status(), attempts, results);
            }
        }
        stats.done(products.size());
        results.accept(new CrawlResult(request.seedUrl(), request.source(), request.seedUrl().toString(),
                new Outcome.Done(r.status(), r.body().length, Duration.ofNanos(r.elapsedNanos()), attempts, request.url()),
                products, Instant.now()));
        return null;
    }

    private CrawlRequest redirect(CrawlRequest request, FetchResult.Response r, int attempts, Consumer<CrawlResult> results) {
        if (request.redirects() >= config.maxRedirects()) {
            return fail(request, FailureReason.TOO_MANY_REDIRECTS, "more than " + config.maxRedirects() + " redirects (last to "
                    + r.location() + ")", r.status(), attempts, results);
        }
        URI target;
        try {
            target = request.url().resolve(r.location().strip());
        } catch (IllegalArgumentException e) {
            return fail(request, FailureReason.PROTOCOL, "bad Location header: " + r.location(), r.status(), attempts, results);
        }
        SeedUrls.Parsed parsed = SeedUrls.parse(target.toString());
        if (!parsed.ok()) {
            return fail(request, parsed.reason(), "redirect to " + target + ": " + parsed.message(), r.status(), attempts, results);
        }
        stats.redirect();
        return request.redirectTo(parsed.url());
    }

    private CrawlRequest fail(CrawlRequest request, FailureReason reason, String detail, int status, int attempts, Consumer<CrawlResult> results) {
        stats.failed(reason);
        results.accept(new CrawlResult(request.seedUrl(), request.source(), request.seedUrl().toString(),
                new Outcome.Failed(reason, detail, status, attempts), List.of(), Instant.now()));
        return null;
    }

    private boolean retriesLeft(CrawlRequest request) {
        return retriesUsed(request) < retry.maxRetries();
    }

    private static int retriesUsed(CrawlRequest request) {
        return request.attempts() - request.redirects();
    }

    private static boolean isMarkup(String contentType) {
        if (contentType == null) {
            return true;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.contains("html") || ct.contains("xml") || ct.contains("json") || ct.startsWith("text/");
    }
}
