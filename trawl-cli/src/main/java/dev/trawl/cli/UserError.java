package dev.trawl.cli;

import java.util.List;

/** An expected failure the user can fix; printed as one line per problem, never with a stack trace. */
final class UserError extends RuntimeException {
    private final int exitCode;
    private final List<String> lines;

    UserError(String message, int exitCode) {
        this(List.of(message), exitCode);
    }

    /** Several problems found at once (bad lines of one file), a line each. */
    UserError(List<String> lines, int exitCode) {
        super(String.join("; ", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    int exitCode() {
        return exitCode;
    }

    List<String> lines() {
        return lines;
    }
}
