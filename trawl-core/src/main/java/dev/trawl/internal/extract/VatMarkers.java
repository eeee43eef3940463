package dev.trawl.internal.extract;

import dev.trawl.internal.extract.PriceTokens.Kind;
import dev.trawl.internal.extract.PriceTokens.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which prices of a text say they include tax and which exclude it: "EUR29.66 (inc VAT)",
 * "incl. VAT", "inkl. MwSt.", "tax incl.", "TTC", "brutto" against "(exc VAT)", "ex. VAT",
 * "excl. tax", "zzgl. MwSt.", "+ VAT", "HT", "netto"; "税込" against "税抜". A marker is a tax word ("VAT", "MwSt",
 * "TVA", "IVA", "GST", "DPH", ...) beside an including or excluding word, in either order, or one
 * of the words that say both. It belongs to the price in the same brackets, else to the next
 * price when a colon follows it ("Ex Tax: £12.47"), else to the price on the side the text's
 * first marker shows ("price, marker" or "marker price").
 */
final class VatMarkers {
    enum Vat { UNSTATED, INCLUDED, EXCLUDED }

    private static final Set<String> INCLUDING = Set.of("inc", "incl", "including", "included", "inclusive", "inkl",
            "inklusive", "inklusiv", "inkludiert", "inkluderet", "incluido", "incluida", "incluidos", "incluído", "inclus",
            "incluse", "inclusa", "incluso", "inclusief", "compris", "comprise", "comprises", "con", "z", "vč", "vc",
            "with", "mit", "med", "s", "с", "вкл", "включая", "включено", "sis", "w");
    private static final Set<String> EXCLUDING = Set.of("ex", "exc", "excl", "excluding", "excluded", "exclusive", "exkl",
            "exklusive", "exklusiv", "zzgl", "zuzüglich", "plus", "sin", "hors", "bez", "без", "without", "ohne",
            "exclusief", "excluido", "excluida", "escl", "escluso", "esclusa", "uden", "utan");
    private static final Set<String> TAX = Set.of("vat", "tax", "taxes", "mwst", "ust", "btw", "tva", "iva", "gst", "hst",
            "dph", "moms", "alv", "ddv", "pdv", "áfa", "afa", "kdv", "ндс", "пдв", "ддс", "φπα", "mehrwertsteuer",
            "umsatzsteuer", "taxe", "tasse", "imposte", "pvn", "pvm", "vsk");
    private static final Map<String, Vat> BOTH = Map.ofEntries(Map.entry("ttc", Vat.INCLUDED), Map.entry("ht", Vat.EXCLUDED),
            Map.entry("brutto", Vat.INCLUDED), Map.entry("netto", Vat.EXCLUDED), Map.entry("税込", Vat.INCLUDED),
            Map.entry("税込み", Vat.INCLUDED), Map.entry("税抜", Vat.EXCLUDED), Map.entry("税抜き", Vat.EXCLUDED),
            Map.entry("税別", Vat.EXCLUDED), Map.entry("含税", Vat.INCLUDED), Map.entry("不含税", Vat.EXCLUDED));
    private static final Set<String> FILLERS = Set.of("of", "the", "de", "la", "le", "der", "die");
    /** Tokens looked past between the two words of a marker ("incl. 19 % MwSt."). */
    private static final int REACH = 5;

    /** A marker starting at a token; a label when a colon follows it ("Ex Tax: £12.47"). */
    private record Marker(int at, Vat vat, boolean label) {}

    private VatMarkers() {}

    /**
     * The tax each price states, given the first and last token of each price in text order.
     */
    static Vat[] of(List<Token> t, int[] first, int[] last) {
        Vat[] out = new Vat[first.length];
        Arrays.fill(out, Vat.UNSTATED);
        List<Marker> markers = markers(t);
        if (markers.isEmpty() || first.length == 0) {
            return out;
        }
        int[] bracket = brackets(t);
        boolean follows = markers.get(0).at() > first[0];
        for (Marker m : markers) {
            int prev = -1;
            int next = -1;
            for (int k = 0; k < first.length; k++) {
                if (last[k] < m.at()) {
                    prev = k;
                } else if (first[k] > m.at() && next < 0) {
                    next = k;
                }
            }
            boolean prevInside = prev >= 0 && bracket[last[prev]] == bracket[m.at()];
            boolean nextInside = next >= 0 && bracket[first[next]] == bracket[m.at()];
            int owner;
            if (prevInside != nextInside) {
                owner = prevInside ? prev : next;
            } else if (m.label() && next >= 0) {
                owner = next;
            } else {
                owner = follows ? (prev >= 0 ? prev : next) : (next >= 0 ? next : prev);
            }
            if (owner >= 0) {
                out[owner] = m.vat();
            }
        }
        return out;
    }

    private static List<Marker> markers(List<Token> t) {
        List<Marker> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.kind() == Kind.OTHER && token.text().equals("+")) {
                int j = nextWord(t, i);
                if (j >= 0 && TAX.contains(t.get(j).text())) {
                    out.add(marker(t, i, j, Vat.EXCLUDED)); // "+ VAT", "+MwSt."
                    i = j;
                }
                continue;
            }
            if (token.kind() != Kind.WORD) {
                continue;
            }
            String w = token.text();
            Vat vat = BOTH.get(w);
            if (vat != null) {
                out.add(marker(t, i, i, vat));
                continue;
            }
            int j = nextWord(t, i);
            String other = j >= 0 ? t.get(j).text() : "";
            if (TAX.contains(w)) {
                vat = side(other); // "tax incl.", "VAT excluded"
            } else if (TAX.contains(other)) {
                vat = side(w); // "incl. VAT", "ex. VAT", "inkl. 19 % MwSt."
            }
            if (vat != null) {
                out.add(marker(t, i, j, vat));
                i = j;
            }
        }
        return out;
    }

    private static Marker marker(List<Token> t, int at, int end, Vat vat) {
        int k = end + 1;
        if (k < t.size() && t.get(k).text().equals(".")) {
            k++;
        }
        boolean label = k < t.size() && t.get(k).kind() == Kind.OTHER && t.get(k).text().equals(":");
        return new Marker(at, vat, label);
    }

    private static Vat side(String word) {
        return INCLUDING.contains(word) ? Vat.INCLUDED : EXCLUDING.contains(word) ? Vat.EXCLUDED : null;
    }

    /** The next word after i, looking past dots, dashes, a percentage and fillers like "of"; -1 if none is near. */
    private static int nextWord(List<Token> t, int i) {
        for (int k = i + 1; k < t.size() && k <= i + REACH; k++) {
            Token token = t.get(k);
            boolean percent = token.kind() == Kind.NUMBER && k + 1 < t.size() && t.get(k + 1).kind() == Kind.PERCENT;
            if (token.kind() == Kind.WORD && !FILLERS.contains(token.text())) {
                return k;
            }
            boolean skippable = token.kind() == Kind.WORD || token.kind() == Kind.DASH || token.kind() == Kind.PERCENT
                    || token.kind() == Kind.SLASH || percent
                    || token.kind() == Kind.OTHER && ".:".contains(token.text());
            if (!skippable) {
                return -1;
            }
        }
        return -1;
    }

    /** For each token, which pair of brackets it is in (0: none), the innermost when they nest. */
    private static int[] brackets(List<Token> t) {
        int[] out = new int[t.size()];
        Deque<Integer> open = new ArrayDeque<>();
        int opened = 0;
        for (int i = 0; i < t.size(); i++) {
            String s = t.get(i).text();
            boolean other = t.get(i).kind() == Kind.OTHER;
            if (other && (s.equals("(") || s.equals("["))) {
                open.push(++opened);
            }
            out[i] = open.isEmpty() ? 0 : open.peek();
            if (other && (s.equals(")") || s.equals("]")) && !open.isEmpty()) {
                open.pop();
            }
        }
        return out;
    }
}
