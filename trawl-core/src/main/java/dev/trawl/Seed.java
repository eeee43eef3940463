package dev.trawl;

/**
 * One seed as given by the user, before validation.
 *
 * @param text   the URL text, trimmed
 * @param source where it came from, for messages: {@code urls.txt:12}, {@code stdin:3}, {@code list:0}
 */
public record Seed(String text, String source) {}
