package dev.trawl.render.internal;

/**
 * A DevTools call that failed. {@link #connectionLost()} tells a browser that went away (the
 * socket closed, the process died: the page may be retried on a fresh browser) from an error the
 * browser answered (a target that closed, a bad parameter).
 */
public final class CdpException extends Exception {

    private final boolean connectionLost;

    public CdpException(String message, boolean connectionLost) {
        super(message, null, false, false);
        this.connectionLost = connectionLost;
    }

    public boolean connectionLost() {
        return connectionLost;
    }
}
