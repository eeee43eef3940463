package dev.trawl.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket to a browser's DevTools endpoint, carrying every tab's messages as flat sessions
 * (a {@code sessionId} on each message). Calls are matched to answers by id; events go to the
 * sink registered for their session (browser-level events to the browser sink).
 *
 * <p>Threads: the socket's listener runs on two platform threads of this connection's own, never
 * on a request's virtual thread, and never blocks: it assembles partial text frames, completes
 * futures and hands events to sinks that must not block either. Sends are serialised (the JDK's
 * WebSocket allows one outstanding {@code sendText}): each waits for the previous one's future.
 * When the socket closes or fails, or {@link #fail} is called (the process died), every pending
 * and later call fails at once with {@link CdpException#connectionLost()}.
 */
public final class CdpConnection implements WebSocket.Listener {

    /** Receives a session's events; called on the listener thread: must not block. */
    @FunctionalInterface
    public interface EventSink {
        void event(String method, JsonNode params);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService executor;
    private final HttpClient client;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, EventSink> sessions = new ConcurrentHashMap<>();
    private volatile EventSink browserSink = (method, params) -> {};
    private volatile String closedReason;
    private volatile Runnable onLost = () -> {};
    private final StringBuilder partial = new StringBuilder(); // listener thread only
    private final Object sendLock = new Object();
    private CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null); // guarded by sendLock
    private WebSocket socket;

    private CdpConnection() {
        executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("trawl-cdp-", 0).daemon(true).factory());
        client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Connects to {@code endpoint} (the browser's {@code ws://} URL); blocks: call it on a platform thread. */
    public static CdpConnection open(URI endpoint, Duration timeout) throws CdpException {
        CdpConnection connection = new CdpConnection();
        try {
            connection.socket = connection.client.newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(endpoint, connection).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return connection;
        } catch (ExecutionException | TimeoutException e) {
            connection.close();
            throw new CdpException("no DevTools connection to " + endpoint + ": " + e, true);
        } catch (InterruptedException e) {
            connection.close();
            Thread.currentThread().interrupt();
            throw new CdpException("interrupted while connecting to " + endpoint, true);
        }
    }

    public void browserEvents(EventSink sink) {
        browserSink = sink;
    }

    /** Runs once when the connection is lost (not when {@link #close()}d). */
    public void onLost(Runnable action) {
        onLost = action;
    }

    public void register(String sessionId, EventSink sink) {
        sessions.put(sessionId, sink);
    }

    public void unregister(String sessionId) {
        sessions.remove(sessionId);
    }

    public boolean isOpen() {
        return closedReason == null;
    }

    /** Sends a call ({@code sessionId} null for the browser itself); the future holds its {@code result}. */
    public CompletableFuture<JsonNode> call(String sessionId, String method, ObjectNode params) {
        String reason = closedReason;
        if (reason != null) {
            return CompletableFuture.failedFuture(new CdpException(reason, true));
        }
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        if (params != null) {
            message.set("params", params);
        }
        String text = message.toString();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        if (closedReason != null) { // closed between the check and the put: failAll may have missed it
            pending.remove(id);
            return CompletableFuture.failedFuture(new CdpException(closedReason, true));
        }
        synchronized (sendLock) {
            sendTail = sendTail.handle((ignored, error) -> null)
                    .thenCompose(ignored -> socket.sendText(text, true))
                    .whenComplete((ignored, error) -> {
                        if (error != null) {
                            lost("DevTools send failed: " + error);
                        }
                    });
        }
        return answer;
    }

    /** {@link #call} and wait, parking the calling (virtual) thread, until {@code deadlineNanos} ({@link System#nanoTime()}). */
    public JsonNode send(String sessionId, String method, ObjectNode params, long deadlineNanos)
            throws CdpException, TimeoutException, InterruptedException {
        return await(call(sessionId, method, params), deadlineNanos, method);
    }

    /** Waits for a call's answer until {@code deadlineNanos}. */
    public static JsonNode await(CompletableFuture<JsonNode> answer, long deadlineNanos, String what)
            throws CdpException, TimeoutException, InterruptedException {
        try {
            return answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CdpException cdp) {
                throw cdp;
            }
            throw new CdpException(what + ": " + e.getCause(), false);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new TimeoutException(what + " got no answer in time");
        }
    }

    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** The connection is gone (the browser process died): every call fails from now on. */
    public void fail(String reason) {
        lost(reason);
    }

    /** Closes the socket and the connection's threads; pending calls fail. */
    public void close() {
        failAll("DevTools connection closed");
        if (socket != null) {
            socket.abort();
        }
        client.shutdownNow();
        executor.shutdownNow();
    }

    // --- listener: runs on this connection's executor, one call at a time, never blocks

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            dispatch(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lost("the browser closed the DevTools connection (" + statusCode + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lost("the DevTools connection failed: " + error);
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (Exception e) {
            return; // not JSON: the protocol never sends that; ignore rather than kill the listener
        }
        JsonNode id = message.get("id");
        if (id != null) {
            CompletableFuture<JsonNode> answer = pending.remove(id.asLong());
            if (answer != null) {
                JsonNode error = message.get("error");
                if (error != null) {
                    answer.completeExceptionally(new CdpException(error.path("message").asText("error"), false));
                } else {
                    answer.complete(message.path("result"));
                }
            }
            return;
        }
        String method = message.path("method").asText("");
        JsonNode params = message.path("params");
        JsonNode session = message.get("sessionId");
        EventSink sink = session == null ? browserSink : sessions.get(session.asText());
        if (sink != null) {
            try {
                sink.event(method, params);
            } catch (RuntimeException e) {
                // a sink's bug must not stop the listener, which every tab depends on
            }
        }
    }

    private void lost(String reason) {
        if (failAll(reason)) {
            onLost.run();
        }
    }

    /** Marks the connection closed and fails every pending call; true the first time. */
    private boolean failAll(String reason) {
        boolean first;
        synchronized (this) {
            first = closedReason == null;
            if (first) {
                closedReason = reason;
            }
        }
        for (Long id : pending.keySet()) {
            CompletableFuture<JsonNode> answer = pending.remove(id);
            if (answer != null) {
                answer.completeExceptionally(new CdpException(closedReason, true));
            }
        }
        return first;
    }
}
