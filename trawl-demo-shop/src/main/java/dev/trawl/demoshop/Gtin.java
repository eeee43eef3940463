package dev.trawl.demoshop;

/** GTIN-13 (EAN-13) numbers: the check digit that makes twelve digits a valid GTIN. */
final class Gtin {
    private Gtin() {}

    /** The twelve digits followed by their check digit. */
    static String gtin13(String twelveDigits) {
        if (!twelveDigits.matches("\\d{12}")) {
            throw new IllegalArgumentException("a GTIN-13 needs twelve digits before its check digit, was " + twelveDigits);
        }
        return twelveDigits + checkDigit(twelveDigits);
    }

    /** Whether these are thirteen digits whose last is the check digit of the others. */
    static boolean isValid(String gtin13) {
        return gtin13 != null && gtin13.matches("\\d{13}") && checkDigit(gtin13.substring(0, 12)) == gtin13.charAt(12) - '0';
    }

    /** Weights 1 and 3 alternate from the leftmost digit; the check digit tops the sum up to a multiple of ten. */
    private static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }
}
