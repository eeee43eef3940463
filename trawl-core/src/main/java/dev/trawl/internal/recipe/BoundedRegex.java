package dev.trawl.internal.recipe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's regex run within a budget: java.util.regex backtracks, and a pattern such as
 * {@code (.*a){12}$} can take longer than the universe on a long run of {@code a}. The input is cut
 * at {@link #MAX_INPUT} characters and every character the matcher reads counts against
 * {@link #MAX_STEPS}; past it the match ends with {@link TooComplex}, which the caller turns into
 * the page's {@code extract_error}, naming the recipe and field. A recipe's work per page is bounded,
 * so no recipe can hold a carrier thread against a stop request.
 */
public final class BoundedRegex {
    /** Characters of input a user regex sees at most. */
    static final int MAX_INPUT = 64 * 1024;
    /** Characters a user regex may read in one match (about 10 ms to 100 ms of work). */
    static final long MAX_STEPS = 5_000_000;

    /** A regex ran out of its budget. */
    public static final class TooComplex extends RuntimeException {
        TooComplex(String message) {
            super(message);
        }
    }

    private BoundedRegex() {}

    /** A matcher over {@code input} that throws {@link TooComplex} naming {@code where} when it reads too much. */
    public static Matcher matcher(Pattern pattern, String input, String where) {
        String cut = input.length() <= MAX_INPUT ? input : input.substring(0, MAX_INPUT);
        return pattern.matcher(new Counted(cut, pattern, where));
    }

    /** Reads of the text, counted. */
    private static final class Counted implements CharSequence {
        private final String text;
        private final Pattern pattern;
        private final String where;
        private final long[] steps;

        Counted(String text, Pattern pattern, String where) {
            this(text, pattern, where, new long[1]);
        }

        private Counted(String text, Pattern pattern, String where, long[] steps) {
            this.text = text;
            this.pattern = pattern;
            this.where = where;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_STEPS) {
                throw new TooComplex(where + ": the regex " + pattern.pattern() + " read more than " + MAX_STEPS
                        + " characters on a " + text.length() + "-character text (it backtracks too much: simplify it)");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.substring(start, end), pattern, where, steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
