package dev.trawl.internal.text;

/**
 * Control characters in text trawl did not write itself (a page's, a URL file's, a flag's): C0
 * (U+0000 to U+001F), DEL (U+007F) and C1 (U+0080 to U+009F). On a terminal they move the cursor,
 * set the window title, clear the screen (ESC, CSI, OSC, BEL), so they are kept out of product
 * records ({@link #strip}) and escaped in every line trawl prints ({@link #escape}); input a line
 * echoes is also cut short ({@link #shown}). The one place this is decided.
 */
public final class ControlChars {
    /** How many characters of echoed input a line shows at most, before {@code …}. */
    public static final int SHOWN = 200;

    private ControlChars() {}

    /** Whether {@code c} is a C0 or C1 control character or DEL. */
    public static boolean is(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /** Whether the text holds a control character. */
    public static boolean any(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (is(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Tab, line feed, vertical tab, form feed, carriage return and next line (U+0085): they separate words. */
    private static boolean isBreak(char c) {
        return c >= 0x09 && c <= 0x0D || c == 0x85;
    }

    /**
     * Text fit for a record: each run of spaces holding a tab or line break (see {@link #isBreak})
     * becomes one space, every other control character is dropped, and the ends are stripped;
     * null when nothing is left. Text without control characters is returned as it is (the same
     * instance), null as null.
     */
    public static String strip(String s) {
        if (s == null || !any(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || isBreak(c)) {
                int end = i;
                boolean breaks = false;
                while (end < s.length() && (s.charAt(end) == ' ' || isBreak(s.charAt(end)) || is(s.charAt(end)))) {
                    breaks |= isBreak(s.charAt(end));
                    end++;
                }
                if (breaks) {
                    out.append(' ');
                } else {
                    for (int k = i; k < end; k++) {
                        if (!is(s.charAt(k))) {
                            out.append(s.charAt(k));
                        }
                    }
                }
                i = end - 1;
            } else if (!is(c)) {
                out.append(c);
            }
        }
        String done = out.toString().strip();
        return done.isEmpty() ? null : done;
    }

    /**
     * Text fit for a line on a terminal: each control character written as an escape ({@code \n},
     * {@code \r}, {@code \t}, else {@code \}{@code u001b}), everything else as it is; null as {@code "null"}.
     */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        if (!any(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            append(out, s.charAt(i));
        }
        return out.toString();
    }

    /**
     * Input as a line echoes it: escaped as by {@link #escape}, and cut after {@value #SHOWN}
     * characters with {@code …} (a 1 MB line in a URL file is not printed whole).
     */
    public static String shown(String s) {
        if (s == null) {
            return "null";
        }
        if (s.length() <= SHOWN && !any(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(SHOWN + 8);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= SHOWN) {
                return out.append('…').toString();
            }
            char c = s.charAt(i);
            append(out, c);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(s.charAt(++i)); // a pair is never cut in two
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (is(c)) {
                    out.append("\\u").append(String.format("%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
