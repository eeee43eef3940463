package dev.trawl.demoshop;

import java.math.BigDecimal;

/**
 * How prices are shown to shoppers. Machine-readable values (JSON-LD, microdata {@code content})
 * are always plain decimals such as {@code 1299.99}, whatever the format.
 */
public enum PriceFormat {
    /** {@code $1,299.99}: symbol first, comma thousands, point decimals. */
    US,
    /** {@code 1.299,99 €}: point thousands, comma decimals, a no-break space (U+00A0) and the symbol after. */
    EU;

    private static final char NO_BREAK_SPACE = '\u00A0';

    /** The amount as a shopper reads it, e.g. {@code $1,299.99} or {@code 1.299,99 €}. */
    public String format(BigDecimal amount, String currency) {
        String plain = amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
        int point = plain.indexOf('.');
        String whole = grouped(plain.substring(0, point), this == US ? ',' : '.');
        String symbol = symbol(currency);
        if (this == EU) {
            return whole + ',' + plain.substring(point + 1) + NO_BREAK_SPACE + symbol;
        }
        // a letter symbol ("kr", "CHF") is kept apart from the digits, a sign ("$") is not
        String gap = Character.isLetter(symbol.charAt(symbol.length() - 1)) ? " " : "";
        return symbol + gap + whole + '.' + plain.substring(point + 1);
    }

    /** The currency's usual sign, else its ISO 4217 code. */
    static String symbol(String currency) {
        return switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY" -> "¥";
            case "INR" -> "₹";
            case "KRW" -> "₩";
            case "SEK", "NOK", "DKK" -> "kr";
            default -> currency;
        };
    }

    private static String grouped(String digits, char separator) {
        boolean negative = digits.startsWith("-");
        String d = negative ? digits.substring(1) : digits;
        StringBuilder s = new StringBuilder(d.length() + d.length() / 3);
        for (int i = 0; i < d.length(); i++) {
            if (i > 0 && (d.length() - i) % 3 == 0) {
                s.append(separator);
            }
            s.append(d.charAt(i));
        }
        return (negative ? "-" : "") + s;
    }
}
