package dev.trawl.internal.recipe;

import dev.trawl.recipe.FieldRule;
import dev.trawl.recipe.Recipe;

import dev.trawl.extract.Availability;
import dev.trawl.extract.Condition;
import dev.trawl.internal.extract.ParsedPrice;
import dev.trawl.internal.extract.PriceText;
import dev.trawl.extract.Product;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads one page with one recipe into a product. A field whose selector (or regex) finds nothing,
 * or whose text cannot be read as its kind (a price, a rating), is a miss, handed to
 * {@code misses} by name. A price element holding a struck-out old price ({@code del}, {@code s},
 * {@code strike}) gives the new price, and the old one as the list price.
 */
public final class RecipeReader {
    private static final String STRUCK = "del, s, strike";
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern NOT_DIGITS = Pattern.compile("[^0-9]");

    private RecipeReader() {}

    /** The product, or null when the recipe read neither a name, a SKU nor a price. */
    public static Product read(Recipe recipe, URI url, Document doc, Consumer<String> misses) {
        Product.Builder p = Product.builder().url(url).source("recipe:" + recipe.name());
        BigDecimal was = null;
        String textCurrency = null;
        boolean any = false;
        for (var e : recipe.fields().entrySet()) {
            String field = e.getKey();
            FieldRule rule = e.getValue();
            List<Element> picked = doc.select(rule.selector());
            boolean read = switch (field) {
                case "price", "list_price" -> {
                    ParsedPrice price = price(picked, recipe.currency());
                    if (price == null) {
                        yield false;
                    }
                    if (field.equals("price")) {
                        p.price(price.amount());
                        textCurrency = price.currency();
                        was = price.was();
                    } else {
                        p.listPrice(price.was() != null ? price.was() : price.amount());
                    }
                    yield true;
                }
                case "images", "category" -> {
                    List<String> values = values(picked, rule, true, where(recipe, field));
                    if (field.equals("images")) {
                        p.images(values);
                    } else {
                        p.category(values);
                    }
                    yield !values.isEmpty();
                }
                default -> {
                    List<String> values = values(picked, rule, false, where(recipe, field));
                    yield !values.isEmpty() && text(p, field, values.getFirst());
                }
            };
            if (read) {
                any |= field.equals("name") || field.equals("sku") || field.equals("price");
            } else {
                misses.accept(field);
            }
        }
        if (!any) {
            return null;
        }
        Product product = p.build();
        Product.Builder done = product.toBuilder();
        if (product.currency() == null) {
            done.currency(textCurrency != null ? textCurrency : recipe.currency());
        }
        if (product.listPrice() == null && was != null) {
            done.listPrice(was);
        }
        return done.build();
    }

    /** Sets a single-valued field from its text; false when the text is not a value of the field's kind. */
    private static boolean text(Product.Builder p, String field, String value) {
        switch (field) {
            case "name" -> p.name(value);
            case "brand" -> p.brand(value);
            case "sku" -> p.sku(value);
            case "gtin" -> {
                String digits = NOT_DIGITS.matcher(value).replaceAll("");
                if (digits.length() < 8 || digits.length() > 14) {
                    return false;
                }
                p.gtin(digits);
            }
            case "mpn" -> p.mpn(value);
            case "canonical_url" -> p.canonicalUrl(value);
            case "seller" -> p.seller(value);
            case "currency" -> {
                String code = value.strip().toUpperCase(Locale.ROOT);
                if (!code.matches("[A-Z]{3}")) {
                    return false;
                }
                p.currency(code);
            }
            case "availability" -> {
                Availability a = Availability.describedBy(value);
                if (a == null) {
                    return false;
                }
                p.availability(a);
            }
            case "condition" -> {
                Condition c = Condition.parse(value);
                if (c == null) {
                    return false;
                }
                p.condition(c);
            }
            case "rating" -> {
                Matcher m = DECIMAL.matcher(value);
                if (!m.find()) {
                    return false;
                }
                p.rating(new BigDecimal(m.group().replace(',', '.')));
            }
            case "review_count" -> {
                String digits = NOT_DIGITS.matcher(value).replaceAll("");
                if (digits.isEmpty() || digits.length() > 9) {
                    return false;
                }
                p.reviewCount(Integer.parseInt(digits));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The price of the first picked element that states one; its struck-out part, if any, is the "was" price. */
    private static ParsedPrice price(List<Element> picked, String currency) {
        for (Element e : picked) {
            Elements struck = e.select(STRUCK);
            if (struck.isEmpty()) {
                ParsedPrice p = PriceText.parse(e.text(), currency);
                if (p != null) {
                    return p;
                }
                continue;
            }
            Element now = e.clone();
            now.select(STRUCK).remove();
            ParsedPrice p = PriceText.parse(now.text(), currency);
            if (p == null) {
                continue;
            }
            ParsedPrice old = PriceText.parse(struck.text(), currency);
            return new ParsedPrice(p.amount(), p.currency(), p.high(), old != null ? old.amount() : p.was());
        }
        return null;
    }

    private static String where(Recipe recipe, String field) {
        return "recipe " + recipe.name() + " (" + recipe.file() + ") field " + field;
    }

    private static List<String> values(List<Element> picked, FieldRule rule, boolean all, String where) {
        List<String> out = new ArrayList<>();
        for (Element e : picked) {
            String v = rule.attribute() == null ? e.text()
                    : rule.attribute().equals("src") || rule.attribute().equals("href") ? e.absUrl(rule.attribute())
                    : e.attr(rule.attribute());
            if (rule.regex() != null) {
                Matcher m = BoundedRegex.matcher(rule.regex(), v, where);
                v = !m.find() ? "" : m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            }
            v = v.strip();
            if (!v.isEmpty()) {
                out.add(v);
                if (!(all || rule.all())) {
                    break;
                }
            }
        }
        return out;
    }
}
