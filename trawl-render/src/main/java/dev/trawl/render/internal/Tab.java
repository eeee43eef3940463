package dev.trawl.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.fetch.RequestSession;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One page in a browser context of its own (cookies, storage and cache of one host only, or of
 * one session on one host, through that session's proxy), kept for its {@link TabKey}'s pages and
 * used by one request at a time. Its events arrive on the connection's
 * listener thread; {@link #render} runs on the calling request's virtual thread and parks while it
 * waits. With resources blocked, images, stylesheets, fonts and media are refused inside the
 * browser: by URL pattern (Network.setBlockedURLs, no message at all), and what the patterns miss
 * by resource type (the Fetch domain). A proxy that asks for credentials (407) gets the session's
 * through the Fetch domain too, once a request; a server's own 401 never does.
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

    private static final List<String> BLOCKED_TYPES = List.of("Image", "Stylesheet", "Font", "Media");

    private final CdpConnection cdp;
    private final TabKey key;
    private final boolean block;
    private final String contextId;
    private final String targetId;
    private final String sessionId;
    private int pages;
    /** When it was last given back, for the pool's sweep of sessions not seen again (guarded by the pool's lock). */
    long idleSince;
    /** The context's cookies for the key's host after the last page of a session (the render's thread only). */
    private Map<String, BrowserCookies.Held> cookies = Map.of();
    /** Requests whose proxy challenge was answered, and its realm: a second challenge (the credentials refused) is cancelled. */
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    /** The proxy refused the session's credentials during this page (written by the listener thread). */
    private volatile boolean credentialsRefused;

    // navigation state, written by the listener thread's events
    private CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final Map<String, JsonNode> documentResponses = new HashMap<>(); // loaderId -> response
    private volatile String crashed;

    private Tab(CdpConnection cdp, TabKey key, boolean block, String contextId, String targetId, String sessionId) {
        this.cdp = cdp;
        this.key = key;
        this.block = block;
        this.contextId = contextId;
        this.targetId = targetId;
        this.sessionId = sessionId;
    }

    /**
     * Opens a page in a new browser context and sets it up (blocking, resource rules, user agent).
     * The context of a key with a proxy sends every request through it, loopback addresses too
     * (Chromium bypasses proxies for localhost, 127.0.0.0/8 and [::1] unless told {@code <-loopback>}).
     */
    static Tab open(CdpConnection cdp, TabKey key, RenderSettings settings, long deadline)
            throws CdpException, TimeoutException, InterruptedException {
        ObjectNode contextParams = CdpConnection.params();
        ProxyServer proxy = key.proxy();
        if (proxy != null) {
            contextParams.put("proxyServer", proxy.scheme() + "://" + proxy.host() + ":" + proxy.port())
                    .put("proxyBypassList", "<-loopback>");
        }
        String context = cdp.send(null, "Target.createBrowserContext", contextParams, deadline)
                .path("browserContextId").asText();
        String registered = null;
        try {
            String target = cdp.send(null, "Target.createTarget",
                    CdpConnection.params().put("url", "about:blank").put("browserContextId", context), deadline)
                    .path("targetId").asText();
            String session = cdp.send(null, "Target.attachToTarget",
                    CdpConnection.params().put("targetId", target).put("flatten", true), deadline)
                    .path("sessionId").asText();
            Tab tab = new Tab(cdp, key, settings.blockResources(), context, target, session);
            registered = session;
            cdp.register(session, tab);
            // sent together, answered in order: one round trip's wait for them all
            CompletableFuture<JsonNode> page = cdp.call(session, "Page.enable", null);
            CompletableFuture<JsonNode> inspector = cdp.call(session, "Inspector.enable", null); // for targetCrashed
            CompletableFuture<JsonNode> network = cdp.call(session, "Network.enable",
                    CdpConnection.params().put("maxTotalBufferSize", 0).put("maxResourceBufferSize", 0));
            CompletableFuture<JsonNode> blocked = settings.blockResources()
                    ? cdp.call(session, "Network.setBlockedURLs", blockedUrls()) : null;
            boolean auth = proxy != null; // the proxy's challenge answered or refused by us, a server's 401 kept as its status
            CompletableFuture<JsonNode> intercepted = settings.blockResources() || auth
                    ? cdp.call(session, "Fetch.enable", interceptedTypes(settings.blockResources(), auth)) : null;
            CompletableFuture<JsonNode> agent = settings.userAgent() == null || settings.userAgent().isBlank() ? null
                    : cdp.call(session, "Network.setUserAgentOverride", CdpConnection.params().put("userAgent", settings.userAgent()));
            CdpConnection.await(page, deadline, "Page.enable");
            CdpConnection.await(inspector, deadline, "Inspector.enable");
            CdpConnection.await(network, deadline, "Network.enable");
            if (blocked != null) {
                CdpConnection.await(blocked, deadline, "Network.setBlockedURLs");
            }
            if (intercepted != null) {
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
     * one small message each way for such a request, none for the rest. With {@code auth}, a
     * proxy's challenge pauses its request for {@link #event} to answer (Fetch.authRequired). Chromium
     * raises it only for a request that matches a pattern: every request then is paused, and continued
     * (or refused by type) by {@link #event}, one small message each way a request.
     */
    private static ObjectNode interceptedTypes(boolean block, boolean auth) {
        ObjectNode params = CdpConnection.params();
        ArrayNode patterns = params.putArray("patterns");
        if (auth) {
            patterns.addObject().put("urlPattern", "*").put("requestStage", "Request");
            params.put("handleAuthRequests", true);
        } else if (block) {
            for (String type : BLOCKED_TYPES) {
                patterns.addObject().put("urlPattern", "*").put("resourceType", type).put("requestStage", "Request");
            }
        }
        return params;
    }

    TabKey key() {
        return key;
    }

    public int pages() {
        return pages;
    }

    /**
     * Navigates to {@code url} and waits (until {@code deadline}) for the load event of this
     * navigation, then for a Product JSON-LD block or {@code waitFor} to be in the DOM; returns the
     * DOM's HTML. Throws {@link CdpException} when the page or the browser failed under it (the
     * caller retries once), never for the page's own trouble, which is a result. With a
     * {@code session} (null: none), its cookies are set in the context first and the cookies the
     * page set or changed come back in the response (two more DevTools calls a page at most).
     */
    public Rendered render(URI url, String waitFor, RequestSession session, long start, long deadline)
            throws CdpException, InterruptedException {
        pages++;
        answered.clear();
        credentialsRefused = false;
        Map<String, BrowserCookies.Held> before = null;
        if (session != null) {
            try {
                before = giveCookies(url, session.cookie(), deadline);
            } catch (TimeoutException e) {
                return failed(FailureReason.TIMEOUT, "the browser did not take the session's cookies within the render timeout", start);
            }
        }
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
                if (proxyRefused(response)) {
                    return failed(FailureReason.PROXY, proxyRefusal(url), start);
                }
                List<String> setCookies;
                try {
                    setCookies = taken(url, before, deadline + READ_GRACE_NANOS);
                } catch (TimeoutException e) {
                    setCookies = List.of(); // the tab is not kept: its cookies go with it
                }
                return new Rendered(response(response, new byte[0], setCookies, start), false);
            }
            return failed(NetErrors.reason(errorText), "chromium: " + errorText + " loading " + url
                    + (key.proxy() == null ? "" : " through the proxy " + key.proxy()), start);
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
        if (proxyRefused(response)) {
            return failed(FailureReason.PROXY, proxyRefusal(url), start);
        }
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
        if (crashed != null) {
            throw new CdpException("the page crashed: " + crashed, false);
        }
        List<String> setCookies;
        try {
            setCookies = taken(url, before, deadline + READ_GRACE_NANOS);
        } catch (TimeoutException e) {
            return failed(FailureReason.TIMEOUT, "the page's cookies could not be read within the render timeout", start);
        }
        return new Rendered(response(response, html.getBytes(StandardCharsets.UTF_8), setCookies, start), true);
    }

    /**
     * Sets the session's cookies in this context where it does not hold them already (on the URL's
     * host, path {@code /}); returns the context's cookies for the host as they are before the page.
     */
    private Map<String, BrowserCookies.Held> giveCookies(URI url, String cookieHeader, long deadline)
            throws CdpException, TimeoutException, InterruptedException {
        List<Map.Entry<String, String>> missing = BrowserCookies.pairs(cookieHeader).stream()
                .filter(pair -> !BrowserCookies.holds(cookies, pair.getKey(), pair.getValue()))
                .toList();
        if (missing.isEmpty()) {
            return cookies;
        }
        ObjectNode params = BrowserCookies.ofContext(contextId);
        params.set("cookies", BrowserCookies.params(url, missing));
        cdp.send(null, "Storage.setCookies", params, deadline);
        cookies = held(url, deadline);
        return cookies;
    }

    /**
     * The cookies the page set or changed (null {@code before}: no session, none), as Set-Cookie
     * values; keeps them for the session's next page. In the host's shared tab (a session without
     * an id yet, whose first cookies these are) they are cleared from the context once read: they
     * are that session's, and the next session to use the tab must not carry them.
     */
    private List<String> taken(URI url, Map<String, BrowserCookies.Held> before, long deadline)
            throws CdpException, TimeoutException, InterruptedException {
        if (before == null) {
            return List.of();
        }
        Map<String, BrowserCookies.Held> after = held(url, deadline);
        List<String> changes = BrowserCookies.changes(before, after);
        if (key.session() == null && !after.isEmpty()) {
            cdp.send(null, "Storage.clearCookies", BrowserCookies.ofContext(contextId), deadline);
            after = Map.of();
        }
        cookies = after;
        return changes;
    }

    private Map<String, BrowserCookies.Held> held(URI url, long deadline) throws CdpException, TimeoutException, InterruptedException {
        JsonNode all = cdp.send(null, "Storage.getCookies", BrowserCookies.ofContext(contextId), deadline).path("cookies");
        return BrowserCookies.forHost(all, url.getHost());
    }

    /** A 407 for the page itself, or a challenge after the credentials: the proxy did not take the session's credentials (or was given none). */
    private boolean proxyRefused(JsonNode response) {
        return key.proxy() != null && (credentialsRefused || response != null && response.path("status").asInt() == 407);
    }

    private String proxyRefusal(URI url) {
        return "the proxy " + key.proxy() + " refused " + (key.proxy().user() == null ? "a request without credentials" : "its credentials")
                + " (407) loading " + url;
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

    private static FetchResult.Response response(JsonNode response, byte[] body, List<String> setCookies, long start) {
        int status = response == null ? 200 : response.path("status").asInt(200);
        JsonNode headers = response == null ? null : response.path("headers");
        return new FetchResult.Response(status, CONTENT_TYPE, null, header(headers, "retry-after"), header(headers, "etag"),
                header(headers, "last-modified"), Map.of(), setCookies, body, System.nanoTime() - start);
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
            case "Fetch.requestPaused" -> {
                String requestId = params.path("requestId").asText();
                if (block && BLOCKED_TYPES.contains(params.path("resourceType").asText())) {
                    cdp.call(sessionId, "Fetch.failRequest", CdpConnection.params()
                            .put("requestId", requestId).put("errorReason", "BlockedByClient"));
                } else {
                    cdp.call(sessionId, "Fetch.continueRequest", CdpConnection.params().put("requestId", requestId));
                }
            }
            case "Fetch.authRequired" -> answer(params);
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

    /**
     * A challenge: the proxy's gets the session's credentials, once a request (without any, the proxy
     * refused the page); a server's own (a 401) is cancelled, so that the page ends with its 401 and
     * no credential goes to it (unanswered, Chromium would end it with ERR_INVALID_AUTH_CREDENTIALS). A second
     * challenge on a request whose proxy challenge was answered means the proxy refused the
     * credentials, and is cancelled: a second 407, or a "server" challenge of the proxy's own realm
     * (tinyproxy answers wrong credentials with a 401 of realm "Tinyproxy").
     */
    private void answer(JsonNode params) {
        String requestId = params.path("requestId").asText();
        ProxyServer proxy = key.proxy();
        JsonNode challenge = params.path("authChallenge");
        String realm = challenge.path("scheme").asText("") + " " + challenge.path("realm").asText("");
        String proxyRealm = answered.get(requestId);
        ObjectNode response = CdpConnection.params();
        boolean fromProxy = challenge.path("source").asText().equals("Proxy");
        if (proxyRealm != null && (fromProxy || proxyRealm.equals(realm)) || fromProxy && (proxy == null || proxy.user() == null)) {
            credentialsRefused = true;
            response.put("response", "CancelAuth");
        } else if (fromProxy) {
            answered.put(requestId, realm);
            response.put("response", "ProvideCredentials").put("username", proxy.user())
                    .put("password", proxy.password() == null ? "" : proxy.password());
        } else {
            response.put("response", "CancelAuth");
        }
        ObjectNode call = CdpConnection.params().put("requestId", requestId);
        call.set("authChallengeResponse", response);
        cdp.call(sessionId, "Fetch.continueWithAuth", call);
    }
}
