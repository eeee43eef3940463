package dev.trawl;

/**
 * A crawl setting out of its range, thrown by {@link CrawlBuilder#build()}. {@link #setting()} is
 * the builder method's name ({@code concurrency}, {@code backoff}...), so a command line can name
 * its own flag; the message names it too: {@code backoff must be a positive duration, was -10ms}.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(setting + " " + message);
        this.setting = setting;
    }

    /** The builder method whose value is at fault. */
    public String setting() {
        return setting;
    }

    /** The message without the setting's name: {@code must be a positive duration, was -10ms}. */
    public String problem() {
        return getMessage().substring(setting.length() + 1);
    }
}
