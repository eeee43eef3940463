package dev.trawl.internal.text;

/**
 * The attributes of one HTML start tag, read from raw text the way a browser's tokenizer reads
 * them: names in any case, values double-quoted, single-quoted or bare, a {@code >} inside a
 * quoted value not ending the tag, the first of two same-named attributes winning. Values are
 * returned as written (no entity decoding): the attributes trawl reads never need it.
 */
public final class StartTag {
    private static final int MAX_ATTRIBUTES = 32;

    private final String text;
    /** Per attribute: name start, name end, value start, value end (value start -1: no value). */
    private final int[] spans = new int[MAX_ATTRIBUTES * 4];
    private int count;
    private int end;

    private StartTag(String text) {
        this.text = text;
    }

    /**
     * Reads the attributes that follow a tag name ending at {@code from}. Null when the tag never
     * closes before the end of the text (browsers then ignore it).
     */
    public static StartTag read(String text, int from) {
        StartTag tag = new StartTag(text);
        return tag.parse(from) ? tag : null;
    }

    /** The index just past the tag's closing {@code >}. */
    public int end() {
        return end;
    }

    /** The value of the attribute with this lower-case name: "" when it has no value, null when absent. */
    public String attribute(String lowerName) {
        for (int a = 0; a < count * 4; a += 4) {
            if (spans[a + 1] - spans[a] == lowerName.length() && Ascii.matches(text, spans[a], lowerName)) {
                return spans[a + 2] < 0 ? "" : text.substring(spans[a + 2], spans[a + 3]);
            }
        }
        return null;
    }

    private boolean parse(int from) {
        String s = text;
        int n = s.length();
        int i = from;
        while (true) {
            while (i < n && (Ascii.isSpace(s.charAt(i)) || s.charAt(i) == '/')) {
                i++;
            }
            if (i >= n) {
                return false;
            }
            if (s.charAt(i) == '>') {
                end = i + 1;
                return true;
            }
            int nameStart = i++;
            while (i < n && !Ascii.isSpace(s.charAt(i)) && "/>=".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            int nameEnd = i;
            while (i < n && Ascii.isSpace(s.charAt(i))) {
                i++;
            }
            int valueStart = -1;
            int valueEnd = -1;
            if (i < n && s.charAt(i) == '=') {
                i++;
                while (i < n && Ascii.isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return false;
                }
                char quote = s.charAt(i);
                if (quote == '"' || quote == '\'') {
                    int close = s.indexOf(quote, i + 1);
                    if (close < 0) {
                        return false;
                    }
                    valueStart = i + 1;
                    valueEnd = close;
                    i = close + 1;
                } else {
                    valueStart = i;
                    while (i < n && !Ascii.isSpace(s.charAt(i)) && s.charAt(i) != '>') {
                        i++;
                    }
                    valueEnd = i;
                }
            }
            if (count < MAX_ATTRIBUTES) {
                int a = count++ * 4;
                spans[a] = nameStart;
                spans[a + 1] = nameEnd;
                spans[a + 2] = valueStart;
                spans[a + 3] = valueEnd;
            }
        }
    }
}
