package dev.trawl.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RenderSettings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One page in a browser context of its own (cookies, storage and cache of one host only), kept
 * for that host's pages and used by one request at a time. Its events arrive on the connection's
 * listener thread; {@link #render} runs on the calling request's virtual thread and parks while it
 * waits. With resources blocked, images, stylesheets, fonts and media are refused inside the
 * browser: by URL pattern (Network.setBlockedURLs, no message at all), and what the patterns miss
 * by resource type (the Fetch domain).
 */
public final class Tab implements CdpConnection.EventSink {

    /** What a render gave, and whether the tab may serve another page. */
    public record Rendered(FetchResult result, boolean reusable) {}

    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** What the final DOM read may take past the page's deadline (a page busy in a script loop). */
    private static final long READ_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long CLOSE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final List<String> BLOCKED_EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg",
            "ico", "bmp", "woff", "woff2", "ttf", "otf", "eot", "css", "mp4", "webm", "ogg", "mp3", "wav", "m4a");

    private final CdpConnection cdp;
    private final String host;
    private final String contextId;
    private final String targetId;
    private final String sessionId;
    private int pages;

    // navigation state, written by the listener thread's events
    private CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final Map<String, JsonNode> documentResponses = new HashMap<>(); // loaderId -> response
    private volatile String crashed;

    private Tab(CdpConnection cdp, String host, String contextId, String targetId, String sessionId) {
        this.cdp = cdp;
        this.host = host;
        this.contextId = contextId;
        this.targetId = targetId;
        this.sessionId = sessionId;
    }

    /** Opens a page in a new browser context and sets it up (blocking, resource rules, user agent). */
    public static Tab open(CdpConnection cdp, String host, RenderSettings settings, long deadline)
            throws CdpException, TimeoutException, InterruptedException {
        String context = cdp.send(null, "Target.createBrowserContext", CdpConnection.params(), deadline)
                .path("browserContextId").asText();
        String registered = null;
        try {
            String target = cdp.send(null, "Target.createTarget",
                    CdpConnection.params().put("url", "about:blank").put("browserContextId", context), deadline)
                    .path("targetId").asText();
            String session = cdp.send(null, "Target.attachToTarget",
                    CdpConnection.params().put("targetId", target).put("flatten", true), deadline)
                    .path("sessionId").asText();
            Tab tab = new Tab(cdp, host, context, target, session);
            registered = session;
            cdp.register(session, tab);
            // sent together, answered in order: one round trip's wait for them all
            CompletableFuture<JsonNode> page = cdp.call(session, "Page.enable", null);
            CompletableFuture<JsonNode> inspector = cdp.call(session, "Inspector.enable", null); // for targetCrashed
            CompletableFuture<JsonNode> network = cdp.call(session, "Network.enable",
                    CdpConnection.params().put("maxTotalBufferSize", 0).put("maxResourceBufferSize", 0));
            CompletableFuture<JsonNode> blocked = settings.blockResources()
                    ? cdp.call(session, "Network.setBlockedURLs", blockedUrls()) : null;
            CompletableFuture<JsonNode> intercepted = settings.blockResources()
                    ? cdp.call(session, "Fetch.enable", interceptedTypes()) : null;
            CompletableFuture<JsonNode> agent = settings.userAgent() == null || settings.userAgent().isBlank() ? null
                    : cdp.call(session, "Network.setUserAgentOverride", CdpConnection.params().put("userAgent", settings.userAgent()));
            CdpConnection.await(page, deadline, "Page.enable");
            CdpConnection.await(inspector, deadline, "Inspector.enable");
            CdpConnection.await(network, deadline, "Network.enable");
            if (blocked != null) {
                CdpConnection.await(blocked, deadline, "Network.setBlockedURLs");
                CdpConnection.await(intercepted, deadline, "Fetch.enable");
            }
            if (agent != null) {
                CdpConnection.await(agent, deadline, "Network.setUserAgentOverride");
            }
            return tab;
        } catch (CdpException | TimeoutException | InterruptedException | RuntimeException e) {
            if (registered != null) {
                cdp.unregister(registered);
            }
            cdp.call(null, "Target.disposeBrowserContext", CdpConnection.params().put("browserContextId", context));
            throw e;
        }
    }

    private static ObjectNode blockedUrls() {
        ObjectNode params = CdpConnection.params();
        ArrayNode patterns = params.putArray("urlPatterns");
        for (String extension : BLOCKED_EXTENSIONS) {
            // URLPattern syntax: any scheme, host and port; the path's end; any query
            patterns.addObject().put("urlPattern", "*://*:*/*." + extension).put("block", true);
            patterns.addObject().put("urlPattern", "*://*:*/*." + extension + "\\?*").put("block", true);
        }
        return params;
    }

    /**
     * What the URL patterns miss (an image at {@code /photo?id=3}, a stylesheet from a CDN path
     * without an extension) the browser pauses by its resource type and {@link #event} refuses:
     * one small message each way for such a request, none for the rest.
     */
    private static ObjectNode interceptedTypes() {
        ObjectNode params = CdpConnection.params();
        ArrayNode patterns = params.putArray("patterns");
        for (String type : List.of("Image", "Stylesheet", "Font", "Media")) {
            patterns.addObject().put("urlPattern", "*").put("resourceType", type).put("requestStage", "Request");
        }
        return params;
    }

    public String host() {
        return host;
    }

    public int pages() {
        return pages;
    }

    /**
     * Navigates to {@code url} and waits (until {@code deadline}) for the load event of this
     * navigation, then for a Product JSON-LD block or {@code waitFor} to be in the DOM; returns the
     * DOM's HTML. Throws {@link CdpException} when the page or the browser failed under it (the
     * caller retries once), never for the page's own trouble, which is a result.
     */
    public Rendered render(URI url, String waitFor, long start, long deadline) throws CdpException, InterruptedException {
        pages++;
        CompletableFuture<Void> load = new CompletableFuture<>();
        synchronized (this) {
            loaded = load; // before navigating: the load event may come before Page.navigate's answer
            documentResponses.clear();
        }
        JsonNode navigation;
        try {
            navigation = cdp.send(sessionId, "Page.navigate", CdpConnection.params().put("url", url.toString()), deadline);
        } catch (TimeoutException e) {
            return failed(FailureReason.TIMEOUT, "the browser did not reach " + url + " within the render timeout", start);
        }
        String errorText = navigation.path("errorText").asText("");
        String loaderId = navigation.path("loaderId").asText("");
        if (!errorText.isEmpty()) {
            JsonNode response = documentResponse(loaderId);
            if (response != null && errorText.equals("net::ERR_HTTP_RESPONSE_CODE_FAILURE")) {
                // an error status with an empty body: Chromium shows its own page; the status is the answer
                return new Rendered(response(response, new byte[0], start), false);
            }
            return failed(NetErrors.reason(errorText), "chromium: " + errorText + " loading " + url, start);
        }
        if (loaderId.isEmpty()) { // a same-document navigation (a new #fragment): no loader, no load event, the same window
            try {
                evaluate("window.__trawlRead = false", deadline);
            } catch (TimeoutException e) {
                // the poll below times out as well
            }
        } else {
            try {
                load.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // still loading (a hanging script or image): take the DOM as it is below
            } catch (java.util.concurrent.ExecutionException e) {
                throw new CdpException("the page crashed loading " + url, false);
            }
        }
        JsonNode response = documentResponse(loaderId);
        int status = response == null ? 200 : response.path("status").asInt(200);
        if (status < 400) {
            awaitProduct(waitFor, deadline);
        }
        String html;
        try {
            JsonNode value = evaluate(READ_DOM, deadline + READ_GRACE_NANOS);
            html = value.asText("");
        } catch (TimeoutException e) {
            return failed(FailureReason.TIMEOUT, "the page's DOM could not be read within the render timeout (a busy script?)", start);
        }
        Rendered rendered = new Rendered(response(response, html.getBytes(StandardCharsets.UTF_8), start), crashed == null);
        if (crashed != null) {
            throw new CdpException("the page crashed: " + crashed, false);
        }
        return rendered;
    }

    /** Evaluated after the DOM is read: marks the document, so that a poll after the next navigation can tell it from the new one. */
    private static final String READ_DOM = "(() => { window.__trawlRead = true; const d = document.documentElement;"
            + " const t = document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>\\n' : '';"
            + " return d ? t + d.outerHTML : ''; })()";

    /** Polls every 50 ms until the product is attached, or {@code waitFor} matches, or the deadline passes. */
    private void awaitProduct(String waitFor, long deadline) throws CdpException, InterruptedException {
        String selector = waitFor == null || waitFor.isBlank() ? "null" : CdpConnection.JSON.valueToTree(waitFor).toString();
        String probe = "(() => { if (window.__trawlRead) return 0; const sel = " + selector + ";"
                + " if (sel) { try { if (document.querySelector(sel)) return 2; } catch (e) {} }"
                + " for (const s of document.querySelectorAll('script[type=\"application/ld+json\"]'))"
                + " if (s.textContent.includes('Product')) return 2;"
                + " return 1; })()";
        while (true) {
            long next = System.nanoTime() + POLL_NANOS;
            try {
                if (evaluate(probe, deadline).asInt() == 2) {
                    return;
                }
            } catch (TimeoutException e) {
                return;
            }
            if (crashed != null || next >= deadline) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
        }
    }

    private JsonNode evaluate(String expression, long deadline) throws CdpException, TimeoutException, InterruptedException {
        JsonNode result = cdp.send(sessionId, "Runtime.evaluate",
                CdpConnection.params().put("expression", expression).put("returnByValue", true), deadline);
        return result.path("result").path("value");
    }

    private synchronized JsonNode documentResponse(String loaderId) {
        JsonNode response = documentResponses.get(loaderId);
        if (response == null && documentResponses.size() == 1) {
            response = documentResponses.values().iterator().next();
        }
        return response;
    }

    private static FetchResult.Response response(JsonNode response, byte[] body, long start) {
        int status = response == null ? 200 : response.path("status").asInt(200);
        JsonNode headers = response == null ? null : response.path("headers");
        return new FetchResult.Response(status, CONTENT_TYPE, null, header(headers, "retry-after"), header(headers, "etag"),
                header(headers, "last-modified"), body, System.nanoTime() - start);
    }

    private static String header(JsonNode headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().asText();
            }
        }
        return null;
    }

    private static Rendered failed(FailureReason reason, String detail, long start) {
        return new Rendered(new FetchResult.Error(reason, detail, System.nanoTime() - start), false);
    }

    /** Closes the page and its context (the context's cookies and storage go with it); waits a little for the browser's answer. */
    public void close() throws InterruptedException {
        cdp.unregister(sessionId);
        try {
            cdp.send(null, "Target.disposeBrowserContext", CdpConnection.params().put("browserContextId", contextId),
                    System.nanoTime() + CLOSE_NANOS);
        } catch (CdpException | TimeoutException e) {
            // the browser is gone or the context with it
        }
    }

    @Override
    public void event(String method, JsonNode params) {
        switch (method) {
            case "Network.responseReceived" -> {
                if ("Document".equals(params.path("type").asText()) && targetId.equals(params.path("frameId").asText())) {
                    synchronized (this) {
                        documentResponses.put(params.path("loaderId").asText(""), params.path("response"));
                    }
                }
            }
            case "Fetch.requestPaused" -> cdp.call(sessionId, "Fetch.failRequest", CdpConnection.params()
                    .put("requestId", params.path("requestId").asText()).put("errorReason", "BlockedByClient"));
            case "Page.loadEventFired" -> {
                CompletableFuture<Void> load;
                synchronized (this) {
                    load = loaded;
                }
                load.complete(null);
            }
            case "Inspector.targetCrashed" -> {
                crashed = "renderer process crashed";
                CompletableFuture<Void> load;
                synchronized (this) {
                    load = loaded;
                }
                load.completeExceptionally(new IllegalStateException(crashed));
            }
            default -> { }
        }
    }
}
