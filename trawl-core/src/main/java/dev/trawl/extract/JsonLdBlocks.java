package dev.trawl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the text of every {@code <script type="application/ld+json">} block in raw HTML, with
 * plain string scanning: no regular expression over the page, no DOM. Tag and attribute names
 * match in any case, quoted or not, among other attributes in any order.
 */
final class JsonLdBlocks {
    private JsonLdBlocks() {}

    /** The text of each block, unwrapped. */
    static List<String> find(String html) {
        List<String> blocks = new ArrayList<>(2);
        for (int[] r : ranges(html)) {
            blocks.add(unwrap(html.substring(r[0], r[1])));
        }
        return blocks;
    }

    /**
     * Where each block's text starts and ends. Works on a Latin-1 view of the raw bytes too: the
     * markers are ASCII, so offsets in the view are byte offsets.
     */
    static List<int[]> ranges(String html) {
        List<int[]> blocks = new ArrayList<>(2);
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            if (i + 7 >= html.length()) {
                break;
            }
            if (!html.regionMatches(true, i + 1, "script", 0, 6) || !isTagNameEnd(html.charAt(i + 7))) {
                i++;
                continue;
            }
            int tagEnd = html.indexOf('>', i + 7);
            if (tagEnd < 0) {
                break;
            }
            int bodyStart = tagEnd + 1;
            int close = indexOfIgnoreCase(html, "</script", bodyStart);
            int bodyEnd = close < 0 ? html.length() : close;
            if (isJsonLd(html.substring(i + 7, tagEnd))) {
                blocks.add(new int[] {bodyStart, bodyEnd});
            }
            i = bodyEnd;
        }
        return blocks;
    }

    private static boolean isTagNameEnd(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    /** Whether the open tag's attributes say type="application/ld+json" (parameters allowed). */
    private static boolean isJsonLd(String attributes) {
        String a = attributes.toLowerCase(Locale.ROOT);
        int at = a.indexOf("type");
        while (at >= 0) {
            int j = at + 4;
            while (j < a.length() && Character.isWhitespace(a.charAt(j))) {
                j++;
            }
            if (j < a.length() && a.charAt(j) == '=' && (at == 0 || !Character.isLetterOrDigit(a.charAt(at - 1)) && a.charAt(at - 1) != '-')) {
                j++;
                while (j < a.length() && (Character.isWhitespace(a.charAt(j)) || a.charAt(j) == '"' || a.charAt(j) == '\'')) {
                    j++;
                }
                return a.startsWith("application/ld+json", j);
            }
            at = a.indexOf("type", at + 4);
        }
        return false;
    }

    /** Strips the CDATA or HTML comment wrappers some CMSs put inside the script. */
    static String unwrap(String body) {
        String s = body.strip();
        if (s.startsWith("<!--")) {
            s = s.substring(4);
            s = s.endsWith("-->") ? s.substring(0, s.length() - 3) : s;
        }
        s = s.strip();
        if (s.startsWith("//<![CDATA[")) {
            s = s.substring(11);
        } else if (s.startsWith("<![CDATA[")) {
            s = s.substring(9);
        }
        if (s.endsWith("//]]>")) {
            s = s.substring(0, s.length() - 5);
        } else if (s.endsWith("]]>")) {
            s = s.substring(0, s.length() - 3);
        }
        return s.strip();
    }

    static int indexOfIgnoreCase(String s, String lowerNeedle, int from) {
        char first = lowerNeedle.charAt(0);
        for (int i = s.indexOf(first, from); i >= 0; i = s.indexOf(first, i + 1)) {
            if (s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return i;
            }
        }
        return -1;
    }
}
