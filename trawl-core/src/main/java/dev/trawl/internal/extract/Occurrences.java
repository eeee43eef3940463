package dev.trawl.internal.extract;

/**
 * Where any of a few markers next occurs in a text, in document order. Each marker is searched
 * with the JDK's vectorised {@code indexOf} (for a one-character marker, the even faster
 * {@code indexOf(char)}) and searched again only once the scan has passed it: on a 40 KB page,
 * stopping at every {@code '<'} would cost many times more. One text, one thread.
 */
final class Occurrences {
    private final String text;
    private final int end;
    private final String[] markers;
    private final int[] next;

    /** Markers in the whole text. */
    Occurrences(String text, String... markers) {
        this(text, text.length(), markers);
    }

    /** Markers that start before {@code end}. */
    Occurrences(String text, int end, String... markers) {
        this.text = text;
        this.end = end;
        this.markers = markers;
        this.next = new int[markers.length];
        for (int k = 0; k < markers.length; k++) {
            next[k] = find(k, 0);
        }
    }

    /** The first position at or after {@code from} where a marker occurs, or -1. */
    int next(int from) {
        int first = -1;
        for (int k = 0; k < markers.length; k++) {
            if (next[k] >= 0 && next[k] < from) {
                next[k] = find(k, from);
            }
            if (next[k] >= 0 && (first < 0 || next[k] < first)) {
                first = next[k];
            }
        }
        return first;
    }

    /** Whether marker {@code k} (in the order given) is the one at {@code position}, as {@link #next} last returned it. */
    boolean isAt(int k, int position) {
        return next[k] == position;
    }

    private int find(int k, int from) {
        if (from >= end) {
            return -1;
        }
        String m = markers[k];
        return m.length() == 1 ? text.indexOf(m.charAt(0), from, end) : text.indexOf(m, from, end);
    }
}
