package dev.trawl.internal.extract;

/** Global Trade Item Numbers (EAN, UPC, ISBN-13, ITF-14) as pages write them. */
final class Gtin {
    private Gtin() {}

    /**
     * The GTIN a text states as its digits alone: spaces and hyphens between digit groups are
     * dropped; what remains must be 8, 12, 13 or 14 digits, else null. The check digit is not
     * verified: a page's number is reported as stated.
     */
    static String digits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder d = new StringBuilder(14);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (d.length() == 14) {
                    return null;
                }
                d.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        int n = d.length();
        return n == 8 || n == 12 || n == 13 || n == 14 ? d.toString() : null;
    }
}
