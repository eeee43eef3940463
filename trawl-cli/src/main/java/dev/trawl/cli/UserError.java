package dev.trawl.cli;

/** An expected failure the user can fix; printed as one line, never with a stack trace. */
final class UserError extends RuntimeException {
    private final int exitCode;

    UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
