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
 */
public record ShopCounters(long requests, long connections, long inFlight, long maxInFlight, long minGapMicros,
                           long firstRequestEpochMillis, long lastResponseEpochMillis, Map<Integer, Long> byStatus,
                           long bytesSent, long notModified) {

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
                .append(",\"byStatus\":{");
        String sep = "";
        for (Map.Entry<Integer, Long> e : byStatus.entrySet()) {
            s.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
            sep = ",";
        }
        return s.append("}}").toString();
    }
}
