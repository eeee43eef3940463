package dev.trawl.internal.extract;

import dev.trawl.internal.extract.CurrencySigns.Sign;
import dev.trawl.internal.extract.PriceTokens.Kind;
import dev.trawl.internal.extract.PriceTokens.Token;
import dev.trawl.internal.extract.VatMarkers.Vat;
import dev.trawl.internal.text.Prices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Prices read from the text a shop shows in its HTML ({@code "1.299,99 €"}, {@code "from £9.99"},
 * {@code "Was $20.00 Now $15.00"}), for site recipes that select that text. {@link Prices} is the
 * strict reader for structured data; this one reads what people write.
 *
 * <p>Promises: it never throws, whatever the text or hint; it returns null when the text states no
 * price; amounts are exact {@link BigDecimal}s with the scale the text shows, never over 15 integer
 * digits; a currency is an ISO 4217 code. Only the first 200 characters are read.
 *
 * <p>How ambiguous text is read: a single {@code .} or {@code ,} followed by exactly three digits
 * groups thousands ({@code 1,299} is 1299) unless the currency has three minor digits (KWD, BHD:
 * 1.299); any other single {@code .} or {@code ,} is the decimal point, and so is the last one when
 * the other kind, a space or an apostrophe groups the digits before it. {@code ,-} after a number
 * means no cents; {@code 12€50} is 12.50. A point followed by one space and two digits is still
 * the decimal point ({@code 392. 00}, {@code 118, 99 TL}), unless a list, a count or a percentage
 * follows ({@code 36, 38, 40}); groups of three parted by spaces stay thousands ({@code 1 160}).
 * When a text names a currency, numbers without one ("Only 3 left!") are not prices, and nor is a
 * bare whole number followed by a word like "left" or "items". Two prices joined by a dash, "to",
 * "bis" and the like are a range. A word like "was", "RRP", "statt" or "regular" marks the
 * struck-out price; "now", "sale", "nur" the new one; two unmarked prices of one currency are a
 * sale, the lower being the price. Discounts ("save $5", "$5 off", "-20%") are never the price;
 * unit prices ("$1.20/100 g") only when nothing else is.
 *
 * <p>Prices with and without tax: when a text shows both ({@code EUR29.66 (inc VAT) EUR24.71 (exc
 * VAT)}, "incl. VAT", "inkl. MwSt.", "TTC" against "HT", "tax incl.", in either order), the price
 * including tax is the price and the other is dropped, not taken for a struck-out price; so is a
 * price marked as without tax beside an unmarked one up to 30% higher ({@code £29.66 (£24.71 ex
 * VAT)}). See {@link VatMarkers}.
 *
 * <p>Currencies ({@link CurrencySigns} holds the table): symbols, ISO codes (upper case, or lower
 * case when the code is not also a word: {@code pln}, {@code eur}, not {@code try}), and signs
 * written as words ({@code zł}, {@code Rp}, {@code TL}, {@code руб.}, {@code RM}, {@code euros}),
 * only as whole words ({@code TL} is not in {@code TOTAL}). A code or prefix before {@code $}
 * says which dollar ({@code SGD$}, {@code NZD $}, {@code NT$}, {@code AU $}, {@code CAN$},
 * {@code R$} the real). A sign with several readings takes the caller's hint when the hint is one
 * of them, else: {@code $} is USD, {@code £} GBP, {@code ¥} JPY (CNY only under the hint CNY: the
 * sign alone does not say, and this was the reading before); {@code kr} (SEK, NOK, DKK, ISK),
 * {@code Rs} (INR, PKR, LKR, ...), {@code ريال} (SAR, IRR, QAR, OMR, YER) and the like leave the
 * currency absent rather than guess. The toman ({@code تومان}) is ten rials and no ISO 4217
 * currency: its amount is kept as written and its currency is absent, even under the hint IRR.
 */
public final class PriceText {
    /** Only this many characters of a text are read: a price is short, and the cap bounds the work. */
    static final int MAX_SCAN = 200;

    private enum Role { NONE, WAS, NOW, SAVE }

    /** One price or range, ready to be chosen between. */
    private record Entry(BigDecimal low, BigDecimal high, String currency, Role role) {}

    /** A number in the token list and what surrounds it. */
    private static final class Price {
        final int number;
        int first;
        int last;
        Role role;
        Sign sign;
        boolean percent;
        boolean unit;
        boolean count;
        Price rangeEnd;
        Vat vat = Vat.UNSTATED;
        String currency;
        BigDecimal value;

        Price(int number, Role role) {
            this.number = number;
            this.first = number;
            this.last = number;
            this.role = role;
        }
    }

    private static final Map<String, Role> MARKERS = markers();
    private static final Set<String> RANGE_WORDS = Set.of("to", "bis", "à", "a", "tot", "até", "до", "ila");
    private static final Set<String> FREE_WORDS = Set.of("free", "gratis", "kostenlos", "gratuit", "gratuite", "gratuito",
            "gratuita", "darmowy", "darmowa", "zdarma", "ingyenes", "ücretsiz", "бесплатно");
    /** "Free shipping" is not a free product. */
    private static final Set<String> FREE_WHAT = Set.of("shipping", "delivery", "returns", "return", "postage", "gift",
            "trial", "sample", "versand", "lieferung", "livraison", "envío", "envio", "spedizione", "verzending");

    private PriceText() {}

    /** The price a text states, as {@link #parse(String, String)} reads it without a currency hint. */
    public static ParsedPrice parse(String text) {
        return parse(text, null);
    }

    /**
     * The price a text states, or null when it states none ("Sold out", "Price on request", "").
     *
     * @param currencyHint the ISO 4217 code the recipe states for the shop, or null; it picks the
     *     currency an ambiguous sign means when it is one of its readings ({@code $} is CAD under
     *     the hint CAD, else USD; {@code kr} is NOK under NOK, else absent; {@code ¥} is JPY unless
     *     CNY), and is the currency when the text names none. A hint that is not a currency code is
     *     ignored.
     */
    public static ParsedPrice parse(String text, String currencyHint) {
        if (text == null) {
            return null;
        }
        String hint = isoCode(currencyHint);
        List<Token> tokens = PriceTokens.of(text, MAX_SCAN);
        List<Price> prices = prices(tokens);
        for (Price p : prices) {
            // An ambiguous sign the hint does not resolve leaves the currency absent, not the hint's.
            p.currency = p.sign == null ? hint : p.sign.resolve(hint);
            p.value = amount(tokens.get(p.number).text(), p.currency);
        }
        prices.removeIf(p -> p.value == null || p.percent || p.count || p.role == Role.SAVE);
        if (prices.stream().anyMatch(p -> p.sign != null)) {
            prices.removeIf(p -> p.sign == null);
        }
        if (prices.stream().anyMatch(p -> !p.unit)) {
            prices.removeIf(p -> p.unit);
        }
        dropPricesWithoutTax(tokens, prices);
        List<Entry> entries = entries(prices);
        if (entries.isEmpty()) {
            return isFree(tokens) ? new ParsedPrice(BigDecimal.ZERO, hint, null, null) : null;
        }
        return choose(entries);
    }

    private static ParsedPrice choose(List<Entry> entries) {
        Entry now = first(entries, Role.NOW);
        Entry was = first(entries, Role.WAS);
        if (was == null && entries.size() >= 2) {
            Entry a = entries.get(0);
            Entry b = entries.get(1);
            if (a.high() == null && b.high() == null && Objects.equals(a.currency(), b.currency())
                    && (now == null || now == a || now == b)) {
                Entry lower = a.low().compareTo(b.low()) <= 0 ? a : b;
                Entry higher = lower == a ? b : a;
                if (now == null) {
                    now = lower;
                }
                if (higher != now && higher.low().compareTo(now.low()) > 0) {
                    was = higher;
                }
            }
        }
        if (now == null) {
            now = first(entries, Role.NONE);
        }
        if (now == null) {
            // Only a "was" price is shown: it is still the one price the text states.
            now = was;
            was = null;
        }
        return new ParsedPrice(now.low(), now.currency(), now.high(), was == null ? null : was.low());
    }

    private static Entry first(List<Entry> entries, Role role) {
        for (Entry e : entries) {
            if (e.role() == role) {
                return e;
            }
        }
        return null;
    }

    private static List<Entry> entries(List<Price> prices) {
        List<Entry> out = new ArrayList<>();
        for (int k = 0; k < prices.size(); k++) {
            Price p = prices.get(k);
            Price q = k + 1 < prices.size() ? prices.get(k + 1) : null;
            if (q != null && p.rangeEnd == q && p.value.compareTo(q.value) <= 0) {
                out.add(new Entry(p.value, p.value.compareTo(q.value) < 0 ? q.value : null, p.currency, p.role));
                k++;
            } else {
                out.add(new Entry(p.value, null, p.currency, p.role));
            }
        }
        return out;
    }

    /** Every number with the currency sign beside it, the marker word before it and what follows it; ranges linked. */
    private static List<Price> prices(List<Token> t) {
        List<Price> out = new ArrayList<>();
        boolean[] claimed = new boolean[t.size()];
        Role pending = Role.NONE;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.kind() == Kind.WORD) {
                pending = MARKERS.getOrDefault(token.text(), pending);
                continue;
            }
            if (token.kind() != Kind.NUMBER) {
                continue;
            }
            Price p = new Price(i, pending);
            pending = Role.NONE;
            // "US$:12.99", "EUR: 12,99": a colon may stand between a sign and its number.
            int before = is(t, i - 1, Kind.OTHER) && t.get(i - 1).text().equals(":") && is(t, i - 2, Kind.MONEY)
                    ? i - 2 : i - 1;
            if (is(t, before, Kind.MONEY) && !claimed[before]) {
                p.sign = t.get(before).sign();
                p.first = before;
                claimed[before] = true;
                if (isCodeToken(t, i + 1) && !is(t, i + 2, Kind.NUMBER)) {
                    // "$19.99 CAD": the code says which dollar.
                    p.sign = t.get(i + 1).sign();
                    p.last = i + 1;
                    claimed[i + 1] = true;
                }
            } else if (is(t, i + 1, Kind.MONEY) && !t.get(i + 1).sign().prefixOnly()
                    // A sign between two numbers belongs to the first only when the second has its own after it.
                    && (!is(t, i + 2, Kind.NUMBER) || is(t, i + 3, Kind.MONEY))) {
                p.sign = t.get(i + 1).sign();
                p.last = i + 1;
                claimed[i + 1] = true;
            }
            int next = p.last + 1;
            p.percent = is(t, next, Kind.PERCENT);
            p.unit = is(t, next, Kind.SLASH) || isWord(t, next, "per");
            p.count = p.sign == null && isWholeNumber(token.text()) && is(t, next, Kind.WORD)
                    && PriceTokens.COUNT_WORDS.contains(t.get(next).text());
            if (isWord(t, next, "off")) {
                p.role = Role.SAVE;
            }
            out.add(p);
        }
        for (int k = 0; k + 1 < out.size(); k++) {
            Price a = out.get(k);
            Price b = out.get(k + 1);
            int between = a.last + 1;
            boolean connector = is(t, between, Kind.DASH)
                    || is(t, between, Kind.WORD) && RANGE_WORDS.contains(t.get(between).text());
            if (b.first == between + 1 && connector) {
                a.rangeEnd = b;
                a.sign = a.sign != null ? a.sign : b.sign;
                b.sign = b.sign != null ? b.sign : a.sign;
                a.percent |= b.percent;
            }
        }
        return out;
    }

    /**
     * Of a price shown with and without tax, keeps the one with: the prices a marker says exclude
     * tax go when another says it includes it, or when an unmarked one is up to 30% higher, as the
     * unmarked price beside "(£24.71 ex VAT)" is the one with VAT.
     */
    private static void dropPricesWithoutTax(List<Token> t, List<Price> prices) {
        int n = prices.size();
        if (n < 2) {
            return;
        }
        int[] first = new int[n];
        int[] last = new int[n];
        for (int k = 0; k < n; k++) {
            first[k] = prices.get(k).first;
            last[k] = prices.get(k).last;
        }
        Vat[] vat = VatMarkers.of(t, first, last);
        for (int k = 0; k < n; k++) {
            prices.get(k).vat = vat[k];
        }
        for (Price p : prices) {
            Price q = p.rangeEnd;
            if (q != null && prices.contains(q) && (p.vat == Vat.UNSTATED) != (q.vat == Vat.UNSTATED)) {
                p.vat = q.vat = p.vat == Vat.UNSTATED ? q.vat : p.vat; // "£10 - £20 ex VAT": the whole range
            }
        }
        if (prices.stream().noneMatch(p -> p.vat == Vat.EXCLUDED)) {
            return;
        }
        if (prices.stream().anyMatch(p -> p.vat == Vat.INCLUDED)) {
            prices.removeIf(p -> p.vat == Vat.EXCLUDED);
            return;
        }
        List<Price> unmarked = prices.stream().filter(p -> p.vat == Vat.UNSTATED).toList();
        prices.removeIf(p -> p.vat == Vat.EXCLUDED && unmarked.stream().anyMatch(u -> withTax(u, p)));
    }

    /** Whether a price may be another with tax added: same currency, higher, by at most 30%. */
    private static boolean withTax(Price gross, Price net) {
        return Objects.equals(gross.currency, net.currency) && gross.value.compareTo(net.value) > 0
                && gross.value.compareTo(net.value.multiply(new BigDecimal("1.3"))) <= 0;
    }

    private static boolean isFree(List<Token> t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).kind() == Kind.WORD && FREE_WORDS.contains(t.get(i).text())
                    && !(is(t, i + 1, Kind.WORD) && FREE_WHAT.contains(t.get(i + 1).text()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean is(List<Token> t, int i, Kind kind) {
        return i >= 0 && i < t.size() && t.get(i).kind() == kind;
    }

    private static boolean isWord(List<Token> t, int i, String word) {
        return is(t, i, Kind.WORD) && t.get(i).text().equals(word);
    }

    private static boolean isCodeToken(List<Token> t, int i) {
        return is(t, i, Kind.MONEY) && t.get(i).text().equals(t.get(i).sign().code());
    }

    /**
     * The value of a number token as written ("1.299,99", "1 299", "1.299,-", ".99"), read with the
     * minor units of its currency; null when its grouping makes no sense or it is absurdly large.
     */
    static BigDecimal amount(String raw, String currency) {
        boolean whole = raw.endsWith("-");
        String s = whole ? raw.substring(0, raw.length() - 2) : raw;
        List<String> groups = new ArrayList<>();
        StringBuilder seps = new StringBuilder();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                groups.add(s.substring(start, i));
                seps.append(s.charAt(i));
                start = i + 1;
            }
        }
        groups.add(s.substring(start));
        int k = seps.length();
        boolean decimal = k > 0 && !whole && isDecimalPoint(seps, groups, currency);
        int integerGroups = decimal ? k : k + 1;
        if (!isGrouped(groups, seps, integerGroups)) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int g = 0; g < integerGroups; g++) {
            digits.append(groups.get(g));
        }
        if (digits.isEmpty()) {
            digits.append('0');
        }
        if (decimal) {
            digits.append('.').append(groups.get(k));
        }
        return Prices.check(new BigDecimal(digits.toString()));
    }

    /** Whether the last separator of a number is its decimal point. */
    private static boolean isDecimalPoint(CharSequence seps, List<String> groups, String currency) {
        int k = seps.length();
        char last = seps.charAt(k - 1);
        if (last != '.' && last != ',' || seps.toString().indexOf(last) < k - 1) {
            return false;
        }
        if (k > 1) {
            return true;
        }
        String first = groups.get(0);
        boolean looksGrouped = groups.get(1).length() == 3 && !first.isEmpty() && first.length() <= 3
                && first.charAt(0) != '0';
        return !looksGrouped || fractionDigits(currency) == 3;
    }

    /** Whether the integer part's groups are thousands (or Indian lakh) groups under one separator. */
    private static boolean isGrouped(List<String> groups, CharSequence seps, int integerGroups) {
        if (integerGroups == 1) {
            return true;
        }
        char sep = seps.charAt(0);
        int firstLength = groups.get(0).length();
        if (firstLength == 0 || firstLength > 3) {
            return false;
        }
        for (int g = 1; g < integerGroups; g++) {
            int length = groups.get(g).length();
            boolean lakh = sep == ',' && length == 2 && g < integerGroups - 1;
            if (seps.charAt(g - 1) != sep || length != 3 && !lakh) {
                return false;
            }
        }
        return true;
    }

    private static int fractionDigits(String code) {
        return code == null ? -1 : Currency.getInstance(code).getDefaultFractionDigits();
    }

    /** An upper-cased ISO 4217 code of a real currency (not XXX, XAU and the like), or null. */
    static String isoCode(String text) {
        return CurrencySigns.isoCode(text);
    }

    private static boolean isDigit(char c) {
        return PriceTokens.isDigit(c);
    }

    private static boolean isWholeNumber(String raw) {
        return raw.indexOf('.') < 0 && raw.indexOf(',') < 0;
    }

    private static Map<String, Role> markers() {
        Map<String, Role> m = new HashMap<>();
        for (String w : List.of("was", "rrp", "uvp", "msrp", "srp", "statt", "anstatt", "regular", "reg", "list",
                "original", "originally", "previously", "before", "compare", "retail", "normally", "usually", "instead",
                "avant", "lieu", "antes", "prima", "invece", "anziché", "zamiast", "vorher", "ehemals", "voorheen")) {
            m.put(w, Role.WAS);
        }
        for (String w : List.of("now", "sale", "our", "only", "special", "offer", "deal", "today", "nur", "jetzt",
                "sonderpreis", "aktionspreis", "angebot", "maintenant", "ahora", "ora", "teraz", "nu", "voor")) {
            m.put(w, Role.NOW);
        }
        for (String w : List.of("save", "saving", "savings", "discount", "spare", "sparen", "ersparnis", "rabatt",
                "économisez", "remise", "ahorra", "ahorro", "risparmi", "risparmia", "oszczędzasz")) {
            m.put(w, Role.SAVE);
        }
        return Map.copyOf(m);
    }
}
