package dev.trawl.cli;

import dev.trawl.internal.fetch.Durations;
import java.time.Duration;

/** A duration flag's value, shown as it is written ({@code 30s}, {@code 250ms}) in help and messages. */
record Span(Duration value) {

    static Span parse(String text) {
        return new Span(Durations.parse(text));
    }

    @Override
    public String toString() {
        return Durations.format(value);
    }
}
