package dev.trawl.internal.extract;

import dev.trawl.internal.extract.CurrencySigns.Sign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A price text cut into numbers as written ({@code 1.299,99}, {@code 1 299}, {@code 12,-}),
 * currency signs, words (lower-cased) and punctuation, for {@link PriceText}. Spaces, digits of
 * other scripts, dashes, apostrophes and full-width signs are folded first.
 */
final class PriceTokens {
    enum Kind { NUMBER, MONEY, WORD, DASH, PERCENT, SLASH, OTHER }

    /** A token; a MONEY token has its sign, and its text is the code when it is written as one. */
    record Token(Kind kind, String text, Sign sign) {}

    /** Words after a bare whole number that make it a count ("Only 2 left"), not a price. */
    static final Set<String> COUNT_WORDS = Set.of("left", "item", "items", "piece", "pieces", "pc", "pcs", "unit",
            "units", "for", "review", "reviews", "rating", "ratings", "sold", "available", "in", "x", "pack", "stück", "stk",
            "artikel", "bewertungen", "avis", "disponibles", "restants");

    private static final String FOLD_FROM = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212~\u301c\uff5e\u2019\u2018\u02bc\u2032"
            + "\uffe5\uff04\uffe1\uff0c\uff0e\u066b\u066c";
    private static final String FOLD_TO = "----------''''¥$£,..,";

    private PriceTokens() {}

    /** The tokens of the first {@code max} characters of a text. */
    static List<Token> of(String text, int max) {
        return tokenize(normalize(text, max));
    }

    /** The first max characters with every space a plain space, dashes, apostrophes, digits and full-width signs folded. */
    private static String normalize(String text, int max) {
        int n = Math.min(text.length(), max);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int fold = FOLD_FROM.indexOf(c);
            if (Character.getType(c) == Character.FORMAT) {
                continue; // soft hyphens, zero-width spaces, direction marks
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                c = ' ';
            } else if (Character.isDigit(c) && Character.digit(c, 10) >= 0) {
                c = (char) ('0' + Character.digit(c, 10));
            } else if (fold >= 0) {
                c = FOLD_TO.charAt(fold);
            }
            s.append(c);
        }
        return s.toString();
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            String symbol = CurrencySigns.symbolAt(s, i);
            if (c == ' ') {
                i++;
            } else if (c == '.' && i > 0 && s.charAt(i - 1) == '$' && isDigitAt(s, i + 1) && separatorAfterDigits(s, i + 1)) {
                i++; // "$.750.30", "$.75,333": the point belongs to the sign ("$." as some Latin American shops write it)
            } else if (isDigit(c) || (c == '.' || c == ',') && isDigitAt(s, i + 1)) {
                i = number(s, i, out);
            } else if (symbol != null) {
                out.add(new Token(Kind.MONEY, symbol, CurrencySigns.symbol(symbol)));
                i += symbol.length();
            } else if (CurrencySigns.isWordChar(c)) {
                i = word(s, i, out);
            } else {
                Kind kind = c == '-' ? Kind.DASH : c == '%' ? Kind.PERCENT : c == '/' ? Kind.SLASH : Kind.OTHER;
                out.add(new Token(kind, String.valueOf(c), null));
                i++;
            }
        }
        return out;
    }

    /**
     * Reads digits with their separators: . and , before a digit, a space or apostrophe before a
     * group of three, a closing ",-", and a decimal point typed with a space after it ("392. 00").
     */
    private static int number(String s, int start, List<Token> out) {
        int i = start;
        int group = 0;
        boolean pointSeen = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean point = c == '.' || c == ',';
            if (isDigit(c)) {
                group++;
            } else if (point && isDigitAt(s, i + 1)) {
                pointSeen = true;
                group = 0;
            } else if ((c == ' ' || c == '\'') && !pointSeen && group >= 1 && group <= 3 && isGroupAt(s, i + 1)) {
                group = 0;
            } else if (c == '€' && group > 0 && !pointSeen && euroCents(s, i) > 0) {
                // "12€50" or "35€ 99", as French shops write 12,50 €
                int cents = euroCents(s, i);
                out.add(new Token(Kind.NUMBER, s.substring(start, i) + "," + s.substring(cents, cents + 2), null));
                out.add(new Token(Kind.MONEY, "€", CurrencySigns.symbol("€")));
                return cents + 2;
            } else if (point && group > 0 && i + 1 < s.length() && s.charAt(i + 1) == '-' && !isDigitAt(s, i + 2)) {
                out.add(new Token(Kind.NUMBER, s.substring(start, i + 2), null));
                i += 2;
                if (i < s.length() && s.charAt(i) == '-' && !isDigitAt(s, i + 1)) {
                    i++; // ",--"
                }
                return i;
            } else if (point && group > 0 && isSpacedCents(s, start, i)) {
                out.add(new Token(Kind.NUMBER, s.substring(start, i + 1) + s.substring(i + 2, i + 4), null));
                return i + 4;
            } else {
                break;
            }
            i++;
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, i), null));
        return i;
    }

    /**
     * Whether the point at i is followed by one space and exactly two digits that are cents
     * ("$119. 95", "118, 99 TL"), not the next number of a list ("36, 38, 40"), a count
     * ("Now $5. 12 left") or a percentage.
     */
    private static boolean isSpacedCents(String s, int start, int i) {
        if (start >= 3 && s.charAt(start - 1) == ' ' && (s.charAt(start - 2) == ',' || s.charAt(start - 2) == '.')
                && isDigit(s.charAt(start - 3))) {
            return false; // this number follows another the same way: a list
        }
        if (i + 1 >= s.length() || s.charAt(i + 1) != ' ' || !isDigitAt(s, i + 2) || !isDigitAt(s, i + 3)
                || isDigitAt(s, i + 4)) {
            return false;
        }
        int after = i + 4;
        if (after < s.length() && (s.charAt(after) == '.' || s.charAt(after) == ',')) {
            int next = skipSpaces(s, after + 1);
            if (isDigitAt(s, next) || next == after + 1 && next < s.length() && s.charAt(next) == '-') {
                return false; // another number follows: a list; ",-" would be a whole amount
            }
        }
        int next = skipSpaces(s, after);
        if (next < s.length() && s.charAt(next) == '%') {
            return false;
        }
        int end = next;
        while (end < s.length() && CurrencySigns.isWordChar(s.charAt(end))) {
            end++;
        }
        return !COUNT_WORDS.contains(s.substring(next, end).toLowerCase(Locale.ROOT));
    }

    /**
     * Where the two cents digits after the {@code €} at i start: glued ("12€50") or after one
     * space ("35€ 99 dont ..."), but not when a sign or another number follows them ("10€ 20€",
     * "10€ 20 €" are two prices); -1 when the euro sign ends the number.
     */
    private static int euroCents(String s, int i) {
        boolean spaced = i + 1 < s.length() && s.charAt(i + 1) == ' ';
        int d = spaced ? i + 2 : i + 1;
        if (!isDigitAt(s, d) || !isDigitAt(s, d + 1) || isDigitAt(s, d + 2)) {
            return -1;
        }
        if (spaced) {
            int next = skipSpaces(s, d + 2);
            if (next < s.length() && (s.charAt(next) == '.' || s.charAt(next) == ',' || s.charAt(next) == '%'
                    || isDigit(s.charAt(next)) || CurrencySigns.symbolAt(s, next) != null)) {
                return -1;
            }
        }
        return d;
    }

    /** Whether the digits from i are followed by a separator and a digit ("750.30", "75,333"). */
    private static boolean separatorAfterDigits(String s, int i) {
        while (isDigitAt(s, i)) {
            i++;
        }
        return i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigitAt(s, i + 1);
    }

    private static int word(String s, int start, List<Token> out) {
        int i = start;
        while (i < s.length() && CurrencySigns.isWordChar(s.charAt(i))) {
            i++;
        }
        String word = s.substring(start, i);
        boolean spaced = i + 1 < s.length() && s.charAt(i) == ' ' && s.charAt(i + 1) == '$';
        if (i < s.length() && s.charAt(i) == '$' || spaced) {
            Sign dollar = CurrencySigns.dollarPrefix(word, spaced);
            if (dollar != null) {
                // "SGD$4.90", "NT$ 1,160", "AU $59.95": the prefix says which dollar.
                out.add(new Token(Kind.MONEY, word + "$", dollar));
                return (spaced ? i + 1 : i) + 1;
            }
        }
        Sign sign = CurrencySigns.word(word);
        if (sign != null && sign.prefixOnly() && !isDigitAt(s, skipSpaces(s, i))) {
            sign = null; // "R" is the rand only right before a number
        }
        if (sign != null) {
            boolean code = word.length() == 3 && word.equalsIgnoreCase(sign.code());
            if (!code && i < s.length() && s.charAt(i) == '.') {
                i++; // "Rs.", "Fr.", "kr.", "руб."
            }
            out.add(new Token(Kind.MONEY, code ? sign.code() : word, sign));
        } else {
            out.add(new Token(Kind.WORD, word.toLowerCase(Locale.ROOT), null));
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigitAt(String s, int i) {
        return i < s.length() && isDigit(s.charAt(i));
    }

    /** Whether exactly three digits start at i. */
    private static boolean isGroupAt(String s, int i) {
        return isDigitAt(s, i) && isDigitAt(s, i + 1) && isDigitAt(s, i + 2) && !isDigitAt(s, i + 3);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
