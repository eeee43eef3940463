package dev.trawl.internal.extract;

import dev.trawl.internal.text.Ascii;
import dev.trawl.internal.text.StartTag;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every {@code <script type="application/ld+json">} block in raw HTML by plain string
 * scanning: no regular expression over the page, no DOM. The tag and its attributes match in any
 * case, quoted or not, among other attributes in any order; the type may carry parameters
 * ({@code ; charset=utf-8}). Other script types, and markup inside HTML comments, are ignored. A
 * script without a closing tag runs to the end of the page, as in a browser.
 */
final class JsonLdBlocks {
    private static final String MEDIA_TYPE = "application/ld+json";
    /** Wrappers some CMSs put around the JSON, longest first where one ends another. */
    private static final String[] PREFIXES = {"/*<![CDATA[*/", "//<![CDATA[", "<![CDATA[", "<!--"};
    private static final String[] SUFFIXES = {"/*]]>*/", "//]]>", "]]>", "//-->", "-->"};

    /** Where one block's JSON text is: {@code [start, end)}, wrappers and surrounding whitespace cut off. */
    record Range(int start, int end) {}

    private JsonLdBlocks() {}

    /** The JSON text of each block, in document order. */
    static List<String> find(String html) {
        List<String> blocks = new ArrayList<>(2);
        for (Range r : ranges(html)) {
            blocks.add(html.substring(r.start(), r.end()));
        }
        return blocks;
    }

    /**
     * Where each non-empty block is, in document order. Only ASCII markers are looked for, so this
     * also works on a Latin-1 view of the raw bytes of any ASCII-compatible page, whose offsets
     * are then byte offsets.
     */
    static List<Range> ranges(String html) {
        List<Range> blocks = new ArrayList<>(2);
        int n = html.length();
        // Only "<s", "<S" and "<!--" can start anything that matters here; comments are found
        // through their '!', a rare character.
        Occurrences markers = new Occurrences(html, "<s", "<S", "!");
        int i = 0;
        while (true) {
            int at = markers.next(i);
            if (at < 0) {
                break;
            }
            if (markers.isAt(2, at)) {
                if (at == 0 || html.charAt(at - 1) != '<' || !html.startsWith("--", at + 1)) {
                    i = at + 1;
                    continue;
                }
                int close = html.indexOf("-->", at + 1); // also ends "<!-->" and "<!--->", as browsers do
                if (close < 0) {
                    break;
                }
                i = close + 3;
            } else if (Ascii.matches(html, at + 1, "script") && Ascii.endsTagName(html, at + 7)) {
                StartTag tag = StartTag.read(html, at + 7);
                if (tag == null) {
                    break;
                }
                int close = closingTag(html, tag.end());
                int bodyEnd = close < 0 ? n : close;
                if (isJsonLd(tag.attribute("type"))) {
                    Range r = unwrap(html, tag.end(), bodyEnd);
                    if (r.end() > r.start()) {
                        blocks.add(r);
                    }
                }
                if (close < 0) {
                    break;
                }
                i = close + 8;
            } else {
                i = at + 2;
            }
        }
        return blocks;
    }

    /** Where the next {@code </script} (any case) is, or -1: a script's text ends at the first one, whatever it is inside. */
    private static int closingTag(String html, int from) {
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            if (Ascii.matches(html, i + 2, "script")) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a type attribute names JSON-LD, with or without parameters. */
    static boolean isJsonLd(String type) {
        if (type == null) {
            return false;
        }
        int start = 0;
        while (start < type.length() && Ascii.isSpace(type.charAt(start))) {
            start++;
        }
        int after = start + MEDIA_TYPE.length();
        return Ascii.matches(type, start, MEDIA_TYPE)
                && (after == type.length() || type.charAt(after) == ';' || Ascii.isSpace(type.charAt(after)));
    }

    /** The range inside {@code [start, end)} left when whitespace and CDATA / comment wrappers are cut off. */
    static Range unwrap(String s, int start, int end) {
        boolean cut = true;
        while (cut) {
            while (start < end && Character.isWhitespace(s.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
                end--;
            }
            cut = false;
            for (String p : PREFIXES) {
                if (end - start >= p.length() && s.startsWith(p, start)) {
                    start += p.length();
                    cut = true;
                    break;
                }
            }
            for (String x : SUFFIXES) {
                if (end - start >= x.length() && s.startsWith(x, end - x.length())) {
                    end -= x.length();
                    cut = true;
                    break;
                }
            }
        }
        return new Range(start, end);
    }
}
