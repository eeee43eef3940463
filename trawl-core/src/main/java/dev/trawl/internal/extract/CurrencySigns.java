package dev.trawl.internal.extract;

import dev.trawl.internal.text.Prices;

import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The currency signs {@link PriceText} knows: symbols ({@code €}, {@code ₺}, {@code د.إ}), words
 * and abbreviations ({@code zł}, {@code Rp}, {@code руб.}, {@code euros}), ISO 4217 codes, and the
 * prefixes that say which dollar a {@code $} is ({@code NZD $}, {@code NT$}, {@code CAN$}).
 *
 * <p>A sign means one currency, or is ambiguous: then it names the candidates a caller's hint may
 * pick between and, only where one reading is overwhelmingly the usual one ({@code $} USD,
 * {@code £} GBP, {@code ¥} JPY), a default; without one ({@code kr}, {@code Rs}, {@code ريال})
 * the currency is absent unless the hint is a candidate. The toman ({@code تومان}) is a sign with
 * no currency at all: it is ten Iranian rials, not an ISO 4217 currency, and its amount is kept as
 * written rather than converted.
 */
final class CurrencySigns {
    /**
     * A currency sign.
     *
     * @param code the currency it means without a hint, or null when it is ambiguous (or the toman)
     * @param candidates the codes a caller's hint may pick instead
     * @param prefixOnly whether it counts only right before a number ({@code R 10}, not "R &amp; D")
     */
    record Sign(String code, Set<String> candidates, boolean prefixOnly) {
        /** The currency under a hint: the hint when it is a candidate, else the default, which may be null. */
        String resolve(String hint) {
            return hint != null && candidates.contains(hint) ? hint : code;
        }
    }

    private static final Set<String> DOLLARS = Set.of("CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP",
            "COP", "UYU", "DOP", "BSD", "BBD", "BZD", "BMD", "BND", "FJD", "GYD", "JMD", "KYD", "LRD", "NAD", "SBD", "SRD",
            "TTD", "XCD");
    private static final Sign DOLLAR = new Sign("USD", DOLLARS, false);
    private static final Sign RUPEE = ambiguous("INR", "PKR", "LKR", "NPR", "MUR", "SCR");
    private static final Sign KRONE = ambiguous("SEK", "NOK", "DKK", "ISK");
    private static final Sign RIAL = ambiguous("SAR", "IRR", "QAR", "OMR", "YER");
    private static final Sign TOMAN = new Sign(null, Set.of(), false);

    /** Signs that are not one word of letters; matched longest first, never inside a word. */
    private static final Map<String, Sign> SYMBOLS = Map.ofEntries(
            Map.entry("$", DOLLAR), Map.entry("U$S", fixed("USD")),
            Map.entry("€", fixed("EUR")),
            Map.entry("£", new Sign("GBP", Set.of("EGP", "GIP", "FKP", "SHP"), false)),
            Map.entry("E£", fixed("EGP")),
            Map.entry("¥", new Sign("JPY", Set.of("CNY"), false)),
            Map.entry("JP¥", fixed("JPY")), Map.entry("CN¥", fixed("CNY")),
            Map.entry("元", new Sign("CNY", Set.of("TWD", "HKD", "MOP"), false)),
            Map.entry("円", fixed("JPY")), Map.entry("₹", fixed("INR")), Map.entry("₨", RUPEE), Map.entry("₩", fixed("KRW")),
            Map.entry("₽", fixed("RUB")), Map.entry("₺", fixed("TRY")), Map.entry("₫", fixed("VND")),
            Map.entry("₪", fixed("ILS")), Map.entry("ש״ח", fixed("ILS")), Map.entry("₱", fixed("PHP")),
            Map.entry("฿", fixed("THB")), Map.entry("₴", fixed("UAH")), Map.entry("₦", fixed("NGN")),
            Map.entry("₸", fixed("KZT")), Map.entry("₡", fixed("CRC")), Map.entry("₲", fixed("PYG")),
            Map.entry("₾", fixed("GEL")), Map.entry("₼", fixed("AZN")), Map.entry("৳", fixed("BDT")),
            Map.entry("₭", fixed("LAK")), Map.entry("₮", fixed("MNT")), Map.entry("៛", fixed("KHR")),
            Map.entry("֏", fixed("AMD")), Map.entry("₵", fixed("GHS")), Map.entry("GH₵", fixed("GHS")),
            Map.entry("S/", new Sign("PEN", Set.of(), true)), Map.entry("S/.", fixed("PEN")),
            Map.entry("B/.", fixed("PAB")), Map.entry("؋", fixed("AFN")),
            Map.entry("ƒ", new Sign(null, Set.of("ANG", "AWG"), false)),
            Map.entry("﷼", RIAL),
            Map.entry("د.إ", fixed("AED")), Map.entry("ر.س", fixed("SAR")), Map.entry("ر.ق", fixed("QAR")),
            Map.entry("ر.ع", fixed("OMR")), Map.entry("د.ك", fixed("KWD")), Map.entry("د.ب", fixed("BHD")),
            Map.entry("د.ا", fixed("JOD")), Map.entry("ج.م", fixed("EGP")), Map.entry("ل.ل", fixed("LBP")));
    private static final List<String> SYMBOLS_LONGEST_FIRST =
            SYMBOLS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /** Whole words; lower-case keys match in any case, the others exactly ("Ft", not "ft" for feet). */
    private static final Map<String, Sign> WORDS = words();

    /** Lower-case codes that are read as currencies; not those that are also words ("all", "try", "top", "cup"). */
    private static final Set<String> LOWER_CODES = Set.of("eur", "usd", "gbp", "pln", "chf", "sek", "nok", "dkk", "isk",
            "czk", "huf", "ron", "bgn", "rub", "uah", "kzt", "byn", "jpy", "cny", "krw", "inr", "pkr", "lkr", "idr", "myr",
            "thb", "vnd", "sgd", "hkd", "twd", "aud", "nzd", "cad", "brl", "mxn", "ars", "clp", "zar", "aed", "sar", "qar",
            "kwd", "bhd", "omr", "ils", "egp", "ngn", "kes", "rsd", "hrk", "irr");

    /** What a word glued to a {@code $} ({@code NT$}), or upper-case and one space before it ({@code AU $}), says. */
    private static final Map<String, String> DOLLAR_PREFIXES = Map.ofEntries(
            Map.entry("US", "USD"), Map.entry("U", "USD"), Map.entry("C", "CAD"), Map.entry("CA", "CAD"),
            Map.entry("CAN", "CAD"), Map.entry("CDN", "CAD"), Map.entry("A", "AUD"), Map.entry("AU", "AUD"),
            Map.entry("NZ", "NZD"), Map.entry("HK", "HKD"), Map.entry("S", "SGD"), Map.entry("SG", "SGD"),
            Map.entry("NT", "TWD"), Map.entry("R", "BRL"), Map.entry("MX", "MXN"), Map.entry("MEX", "MXN"),
            Map.entry("RD", "DOP"), Map.entry("TT", "TTD"), Map.entry("J", "JMD"), Map.entry("BZ", "BZD"),
            Map.entry("EC", "XCD"), Map.entry("FJ", "FJD"), Map.entry("N", "NAD"), Map.entry("G", "GYD"),
            Map.entry("L", "LRD"), Map.entry("SI", "SBD"), Map.entry("WS", "WST"), Map.entry("T", "TOP"),
            Map.entry("BD", "BMD"), Map.entry("BDS", "BBD"), Map.entry("CI", "KYD"), Map.entry("COL", "COP"),
            Map.entry("AR", "ARS"), Map.entry("UY", "UYU"));

    private CurrencySigns() {}

    /** The symbol that starts at i and is not part of a longer word, or null. */
    static String symbolAt(String s, int i) {
        for (String symbol : SYMBOLS_LONGEST_FIRST) {
            if (s.startsWith(symbol, i) && !insideWord(s, i, symbol)) {
                return symbol;
            }
        }
        return null;
    }

    static Sign symbol(String symbol) {
        return SYMBOLS.get(symbol);
    }

    /** The sign a whole word is ("zł", "Rp", "kr", "euros", "EUR", "pln"), or null. */
    static Sign word(String word) {
        Sign sign = WORDS.get(word);
        if (sign != null) {
            return sign;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        sign = WORDS.get(lower);
        if (sign != null) {
            return sign;
        }
        String code = isUpperAscii(word) || LOWER_CODES.contains(lower) ? isoCode(word) : null;
        return code != null && word.length() == 3 ? fixed(code) : null;
    }

    /**
     * The sign a word before a {@code $} makes of it: a code or a known prefix when glued to it
     * ({@code SGD$}, {@code NT$}, {@code Can$}; a one-letter prefix, or a code not of a dollar,
     * only in upper case); when a space parts them, only an upper-case code of a dollar or peso
     * ({@code NZD $}) or an upper-case prefix of two letters or more ({@code AU $}).
     */
    static Sign dollarPrefix(String word, boolean spaced) {
        String code = dollarCode(word, spaced);
        return code == null ? null : fixed(code);
    }

    private static String dollarCode(String word, boolean spaced) {
        String upper = word.toUpperCase(Locale.ROOT);
        boolean asWritten = word.equals(upper);
        String prefix = DOLLAR_PREFIXES.get(upper);
        String code = word.length() == 3 ? isoCode(word) : null;
        boolean dollarCode = code != null && (DOLLARS.contains(code) || code.equals("USD"));
        if (!spaced) {
            if (prefix != null && (asWritten || word.length() >= 3)) {
                return prefix; // "C$", "Can$", "Bds$"
            }
            return code != null && (asWritten || dollarCode) ? code : null;
        }
        if (!asWritten) {
            return null;
        }
        return dollarCode ? code : word.length() >= 2 ? prefix : null;
    }

    /** An upper-cased ISO 4217 code of a real currency (not XXX, XAU and the like), or null. */
    static String isoCode(String text) {
        String code = Prices.currency(text);
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0 ? code : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every currency code a sign may name, for tests. */
    static Set<String> allCodes() {
        Set<String> codes = new TreeSet<>(DOLLAR_PREFIXES.values());
        for (Map<String, Sign> table : List.of(SYMBOLS, WORDS)) {
            for (Sign sign : table.values()) {
                if (sign.code() != null) {
                    codes.add(sign.code());
                }
                codes.addAll(sign.candidates());
            }
        }
        return codes;
    }

    static boolean isWordChar(char c) {
        return Character.isLetter(c) && c != '元' && c != '円';
    }

    private static boolean insideWord(String s, int i, String symbol) {
        boolean before = Character.isLetter(symbol.charAt(0)) && i > 0 && isWordChar(s.charAt(i - 1));
        int end = i + symbol.length();
        boolean after = Character.isLetter(symbol.charAt(symbol.length() - 1)) && end < s.length()
                && isWordChar(s.charAt(end));
        return before || after;
    }

    private static boolean isUpperAscii(String s) {
        return s.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    private static Sign fixed(String code) {
        return new Sign(code, Set.of(), false);
    }

    private static Sign ambiguous(String... candidates) {
        return new Sign(null, Set.of(candidates), false);
    }

    private static Map<String, Sign> words() {
        Map<String, Sign> m = new HashMap<>();
        put(m, RUPEE, "rs", "rupee", "rupees");
        put(m, KRONE, "kr");
        put(m, fixed("SEK"), "kronor");
        put(m, ambiguous("DKK", "NOK"), "kroner");
        put(m, fixed("ISK"), "krónur");
        put(m, RIAL, "ريال", "ریال", "rial", "rials", "riyal", "riyals");
        put(m, TOMAN, "تومان", "تومن", "toman", "tomans");
        put(m, ambiguous("AED", "MAD"), "درهم", "dirham", "dirhams");
        put(m, ambiguous("XOF", "XAF"), "fcfa", "cfa");
        put(m, DOLLAR, "dollar", "dollars");
        put(m, new Sign("RON", Set.of("MDL"), false), "lei");
        put(m, fixed("EUR"), "euro", "euros", "евро");
        put(m, fixed("PLN"), "zł", "zl", "zloty", "złoty", "złotych", "zlotych");
        put(m, fixed("CZK"), "kč");
        put(m, fixed("RUB"), "р", "руб", "рублей", "рубля", "рубль", "rubles", "roubles", "ruble");
        put(m, fixed("UAH"), "грн", "гривень", "гривен", "гривна");
        put(m, fixed("BGN"), "лв", "leva");
        put(m, fixed("KZT"), "тенге", "тг", "tenge");
        put(m, fixed("TRY"), "tl", "lira");
        put(m, fixed("IDR"), "rp", "rupiah");
        put(m, fixed("MYR"), "ringgit");
        put(m, fixed("THB"), "baht", "บาท");
        put(m, fixed("VND"), "đ", "vnđ");
        put(m, fixed("KRW"), "원");
        put(m, fixed("JPY"), "yen");
        put(m, fixed("CNY"), "yuan", "rmb");
        put(m, fixed("HRK"), "kn", "kuna");
        put(m, fixed("KES"), "ksh");
        put(m, fixed("HUF"), "forint");
        put(m, fixed("HUF"), "Ft");
        put(m, fixed("CHF"), "Fr", "SFr");
        put(m, fixed("MYR"), "RM");
        // Abbreviations as shops write them, matched in this case only (facts from shops' pages; "KD 12.500" has 3 decimals).
        put(m, fixed("KWD"), "KD");
        put(m, fixed("BHD"), "BD");
        put(m, fixed("TND"), "DT");
        put(m, fixed("LYD"), "LD");
        put(m, fixed("BYN"), "Br");
        put(m, ambiguous("BOB", "VES"), "Bs");
        put(m, fixed("ALL"), "Lek", "Lekë");
        put(m, fixed("ZMW"), "ZK");
        put(m, fixed("TZS"), "TSh");
        put(m, fixed("UGX"), "USh");
        put(m, fixed("KES"), "KSh", "KShs");
        put(m, fixed("BIF"), "FBu");
        put(m, fixed("DJF"), "Fdj");
        put(m, fixed("GNF"), "FG");
        put(m, fixed("ERN"), "Nfk");
        put(m, fixed("MVR"), "Rf");
        put(m, fixed("VUV"), "VT");
        put(m, fixed("BTN"), "Nu");
        put(m, fixed("STN"), "Db");
        put(m, fixed("MRU"), "UM");
        put(m, fixed("MWK"), "MK");
        put(m, fixed("BAM"), "KM");
        put(m, fixed("RSD"), "dinara", "дин");
        put(m, ambiguous("EGP", "SDG"), "جنيه");
        m.put("R", new Sign("ZAR", Set.of(), true));
        return Map.copyOf(m);
    }

    private static void put(Map<String, Sign> m, Sign sign, String... words) {
        for (String w : words) {
            m.put(w, sign);
        }
    }
}
