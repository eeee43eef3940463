package dev.trawl.extract;

/** Decodes the HTML entities shops leave inside JSON-LD strings: the five named ones and numeric ones. */
final class HtmlEntities {
    private HtmlEntities() {}

    static String decode(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String name = s.substring(i + 1, semi);
                int code = codePoint(name);
                if (code >= 0) {
                    out.appendCodePoint(code);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int codePoint(String name) {
        switch (name) {
            case "amp": return '&';
            case "quot": return '"';
            case "apos", "#39": return '\'';
            case "lt": return '<';
            case "gt": return '>';
            case "nbsp": return 0xA0;
            default:
        }
        try {
            int cp = -1;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                cp = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                cp = Integer.parseInt(name.substring(1));
            }
            return Character.isValidCodePoint(cp) ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
