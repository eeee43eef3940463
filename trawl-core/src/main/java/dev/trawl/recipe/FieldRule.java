package dev.trawl.recipe;

import java.util.regex.Pattern;

/**
 * How a recipe reads one field: the elements a CSS selector picks; the value of an attribute of
 * each, or its text; then, when a regex is given, its first group (or the whole match).
 *
 * @param selector  a CSS selector, jsoup syntax
 * @param attribute the attribute to read instead of the text, or null ({@code src} and {@code href} become absolute URLs)
 * @param regex     applied to the value, or null
 * @param all       every picked element gives a value (for lists such as images); else the first that does
 * @param optional  pages may lack it (a list price only on sale): then reading nothing is not reported
 */
public record FieldRule(String selector, String attribute, Pattern regex, boolean all, boolean optional) {}
