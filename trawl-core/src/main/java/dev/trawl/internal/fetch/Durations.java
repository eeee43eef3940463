package dev.trawl.internal.fetch;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 500ms}, {@code 3s}, {@code 1m}, {@code 1h}, {@code 1.5s}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {}

    /** Parses {@code 500ms}, {@code 3s}, {@code 1m}, {@code 2h}; throws IllegalArgumentException with the accepted forms. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write it like 500ms, 3s, 1m or 1h");
        }
        double value = Double.parseDouble(m.group(1));
        long millis = switch (m.group(2)) {
            case "ms" -> Math.round(value);
            case "s" -> Math.round(value * 1_000);
            case "m" -> Math.round(value * 60_000);
            default -> Math.round(value * 3_600_000);
        };
        return Duration.ofMillis(millis);
    }

    /** The shortest of the forms above that states {@code d} exactly to the millisecond. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1_000 == 0 && ms > 0) return ms / 1_000 + "s";
        return ms + "ms";
    }
}
