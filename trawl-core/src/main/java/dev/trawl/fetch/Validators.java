package dev.trawl.fetch;

/**
 * What a conditional GET sends back to the server: an earlier response's {@code ETag} (sent as
 * {@code If-None-Match}) and {@code Last-Modified} (sent as {@code If-Modified-Since}), each
 * exactly as the server wrote it. A null component is not sent; a blank one is taken as null.
 * {@link #NONE} sends neither: it, not null, is what a transport is given when there is nothing to send.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    /** @throws IllegalArgumentException for a value no HTTP header can carry (a control character other than tab, or above U+00FF) */
    public Validators {
        etag = checked("etag", etag);
        lastModified = checked("lastModified", lastModified);
    }

    private static String checked(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException(name + " cannot be sent in a header: it has U+%04X at index %d".formatted((int) c, i));
            }
        }
        return value;
    }
}
