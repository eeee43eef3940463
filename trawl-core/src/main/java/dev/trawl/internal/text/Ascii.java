package dev.trawl.internal.text;

/**
 * Case-insensitive matching of ASCII markup words in raw text, as HTML does it: only A-Z fold to
 * a-z, so no other character (the Kelvin sign, a dotless i) ever matches a tag name.
 */
public final class Ascii {
    private Ascii() {}

    /** Whether {@code lowerWord} (lower-case ASCII) occurs at {@code at} in any letter case. */
    public static boolean matches(String s, int at, String lowerWord) {
        if (at < 0 || at + lowerWord.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lowerWord.length(); k++) {
            if (lower(s.charAt(at + k)) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code lowerWord} (lower-case ASCII) next occurs in any letter case, or -1. */
    public static int indexOfAnyCase(String s, String lowerWord, int from) {
        for (int i = Math.max(from, 0), last = s.length() - lowerWord.length(); i <= last; i++) {
            if (matches(s, i, lowerWord)) {
                return i;
            }
        }
        return -1;
    }

    public static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** HTML's whitespace: space, tab, line feed, form feed, carriage return. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    public static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether the character after {@code <name} ends the tag name. */
    public static boolean endsTagName(String s, int at) {
        if (at >= s.length()) {
            return false;
        }
        char c = s.charAt(at);
        return c == '>' || c == '/' || isSpace(c);
    }
}
