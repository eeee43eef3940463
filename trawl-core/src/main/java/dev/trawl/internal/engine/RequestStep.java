package dev.trawl.internal.engine;

import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.internal.fetch.Durations;
import dev.trawl.internal.fetch.HeaderBytes;
import dev.trawl.fetch.FetchResult;
import dev.trawl.internal.fetch.RetryPolicy;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.discover.Destinations;
import dev.trawl.internal.discover.SeedUrls;
import dev.trawl.internal.text.ControlChars;
import dev.trawl.internal.runtime.Ticks;
import dev.trawl.internal.stats.CrawlStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What follows from one attempt of one request, on its virtual thread (DESIGN.md, data flow
 * step 5, the outcome): the request's end (a 2xx response, or a failure with a reason) handed to
 * {@link Ended}, or a follow-up request — a retry after backoff or Retry-After, or the next
 * redirect hop to a host {@link Destinations} allows — handed back to the scheduler. What a
 * response yields is not decided here but by the {@link ResponseProcessor}.
 */
final class RequestStep {

    /**
     * Receives a request's end: its outcome, and for a {@link Outcome.Done} the response. Returns
     * null, or the request's next step when what the response held is not its end (a page to
     * render in the browser after its fetch found no product).
     */
    @FunctionalInterface
    interface Ended {
        CrawlRequest ended(CrawlRequest request, Outcome outcome, FetchResult.Response response);
    }

    private final int maxRedirects;
    private final RetryPolicy retry;
    private final Destinations destinations;
    private final CrawlStats stats;

    RequestStep(int maxRedirects, RetryPolicy retry, Destinations destinations, CrawlStats stats) {
        this.maxRedirects = maxRedirects;
        this.retry = retry;
        this.destinations = destinations;
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
     * redirect hop), or null when the request reached its end (handed to {@code results}).
     * {@code blocked} is {@link BlockDetector}'s signal (null: not a block); {@code retryAfter} is
     * {@link #retryAfter(FetchResult)}'s answer.
     */
    CrawlRequest decide(CrawlRequest request, FetchResult fetched, String blocked, long retryAfter, BooleanSupplier stopping,
                        Ended results) {
        try {
            int attempts = request.attempts() + 1;
            if (stopping.getAsBoolean()) {
                return fail(request, FailureReason.CANCELLED, "the crawl was stopped", 0, attempts, results);
            }
            return switch (fetched) {
                case FetchResult.Response r -> {
                    stats.attempt(request.host(), r.status(), r.body().length, r.elapsedNanos());
                    yield blocked != null ? onBlocked(request, r, blocked, attempts, retryAfter, results)
                            : onResponse(request, r, attempts, retryAfter, results);
                }
                case FetchResult.Error e -> {
                    stats.attempt(request.host(), 0, 0, e.elapsedNanos());
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

    /**
     * A block is retried like an overload, from the request's first URL in a new session (a later
     * attempt, or another session, may pass), then ends {@code blocked}.
     */
    private CrawlRequest onBlocked(CrawlRequest request, FetchResult.Response r, String signal, int attempts, long retryAfter,
                                   Ended results) {
        if (retriesLeft(request)) {
            stats.retry();
            return request.restartAt(retryAfter > 0 ? retryAfter : Ticks.now() + retry.backoffNanos(retriesUsed(request) + 1));
        }
        return fail(request, FailureReason.BLOCKED, signal, r.status(), attempts, results);
    }

    private CrawlRequest onResponse(CrawlRequest request, FetchResult.Response r, int attempts, long retryAfter,
                                    Ended results) {
        int status = r.status();
        if (status >= 200 && status < 300 || status == 304 && !request.validators().equals(Validators.NONE)) {
            // 304 to a conditional request: the page is as the last run saw it (done, with that run's products)
            return results.ended(request, new Outcome.Done(r.status(), r.body().length, Duration.ofNanos(r.elapsedNanos()), attempts,
                    request.url(), request.render()), r);
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
            if ((status == 429 || status == 503) && after.isEmpty()) {
                // Asked to slow down with no word of when: on every attempt, that is how a shop turns a client away.
                return fail(request, FailureReason.BLOCKED, "HTTP " + status + " after " + attempts + " attempts, no Retry-After", status,
                        attempts, results);
            }
            return fail(request, FailureReason.HTTP_STATUS, "HTTP " + status + " after " + attempts + " attempts", status, attempts, results);
        }
        return fail(request, FailureReason.HTTP_STATUS, "HTTP " + status, status, attempts, results);
    }

    private CrawlRequest redirect(CrawlRequest request, FetchResult.Response r, int attempts, Ended results) {
        if (request.redirects() >= maxRedirects) {
            return fail(request, FailureReason.TOO_MANY_REDIRECTS, "more than " + maxRedirects + " redirects (last to "
                    + r.location() + ")", r.status(), attempts, results);
        }
        if (r.location().isBlank()) {
            // Not a reference to the same document's directory (what resolving "" would give): no target at all.
            return fail(request, FailureReason.PROTOCOL, "HTTP " + r.status() + " with an empty Location header", r.status(), attempts,
                    results);
        }
        // Read as a browser reads a Location: a reference against the URL requested (spaces, non-ASCII and \ included).
        SeedUrls.Parsed parsed = SeedUrls.resolve(HeaderBytes.utf8(r.location()), request.url());
        if (!parsed.ok()) {
            return fail(request, parsed.reason(), "redirect to '" + ControlChars.shown(r.location()) + "': " + parsed.message(),
                    r.status(), attempts, results);
        }
        // Against the host the request started from, not the last hop's: a chain cannot walk away from it.
        String refused = destinations.refusal(request.seedUrl(), parsed.url());
        if (refused != null) {
            return fail(request, FailureReason.OFFSITE, "redirect to " + parsed.url() + " not followed: " + refused, r.status(), attempts,
                    results);
        }
        stats.redirect();
        return request.redirectTo(parsed.url());
    }

    private static CrawlRequest fail(CrawlRequest request, FailureReason reason, String detail, int status, int attempts, Ended results) {
        results.ended(request, new Outcome.Failed(reason, detail, status, attempts), null);
        return null;
    }

    private boolean retriesLeft(CrawlRequest request) {
        return retriesUsed(request) < retry.maxRetries();
    }

    private static int retriesUsed(CrawlRequest request) {
        return request.attempts() - request.redirects();
    }
}
