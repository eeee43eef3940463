package dev.trawl.demoshop;

import java.util.Map;

/**
 * What a demo shop counted since it started or was last reset. Requests to {@code /_shop/} are
 * not counted.
 *
 * @param connections        TCP connections accepted
 * @param maxInFlight        most requests at once, from reading the request line to the response's last byte
 * @param minGapMicros       smallest gap between two consecutive request starts (-1 before two requests)
 * @param firstRequestEpochMillis wall-clock time of the first request (0 before any)
 * @param lastResponseEpochMillis wall-clock time the last response ended (0 before any)
 * @param byStatus           responses by HTTP status
 * @param bytesSent          bytes written to sockets, headers included
 * @param notModified        304 Not Modified responses, counted before they are sent (byStatus counts them once sent)
 * @param productPages       requests to product pages {@code /p/{id}}, whatever they were answered with
 *                           (server-rendered and {@link Markup#JS} ones; not drafts, not faults by path)
 * @param jsPages            of those, requests to the pages of {@link Markup#JS} products (their app shells):
 *                           {@code productPages - jsPages} is {@link #serverPages()}
 * @param apiRequests        requests to {@code /api/products/{id}.json}: each is a browser that ran a shell's
 *                           script (or a client that calls the API itself)
 */
public record ShopCounters(long requests, long connections, long inFlight, long maxInFlight, long minGapMicros,
                           long firstRequestEpochMillis, long lastResponseEpochMillis, Map<Integer, Long> byStatus,
                           long bytesSent, long notModified, long productPages, long jsPages, long apiRequests) {

    /** Requests to the product pages of server-rendered products. */
    public long serverPages() {
        return productPages - jsPages;
    }

    /** The counters as the JSON object {@code /_shop/counters} serves. */
    String toJson() {
        StringBuilder s = new StringBuilder(256).append('{')
                .append("\"requests\":").append(requests)
                .append(",\"connections\":").append(connections)
                .append(",\"inFlight\":").append(inFlight)
                .append(",\"maxInFlight\":").append(maxInFlight)
                .append(",\"minGapMicros\":").append(minGapMicros)
                .append(",\"firstRequestEpochMillis\":").append(firstRequestEpochMillis)
                .append(",\"lastResponseEpochMillis\":").append(lastResponseEpochMillis)
                .append(",\"bytesSent\":").append(bytesSent)
                .append(",\"notModified\":").append(notModified)
                .append(",\"productPages\":").append(productPages)
                .append(",\"serverPages\":").append(serverPages())
                .append(",\"jsPages\":").append(jsPages)
                .append(",\"apiRequests\":").append(apiRequests)
                .append(",\"byStatus\":{");
        String sep = "";
        for (Map.Entry<Integer, Long> e : byStatus.entrySet()) {
            s.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
            sep = ",";
        }
        return s.append("}}").toString();
    }
}
