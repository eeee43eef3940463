package dev.trawl.store;

/** A crawl store cannot be opened, read or written; the message says which store and why. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
