package dev.trawl.extract;

import dev.trawl.internal.text.ControlChars;
import dev.trawl.internal.text.Prices;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/**
 * A product as read from a page: the product record of DESIGN.md. A field the page does not have
 * is null (an empty list for the list fields): absent, never invented. Build one with
 * {@link #builder()}.
 *
 * @param url          the page the product was read from
 * @param canonicalUrl the product's own URL as the page states it (JSON-LD {@code url}, {@code og:url}, {@code rel=canonical})
 * @param name         the name, HTML references decoded; like every text field, without control characters
 * @param brand        the brand's name
 * @param sku          the seller's stock-keeping unit as text
 * @param gtin         a GTIN (8, 12, 13 or 14 digits) as text
 * @param mpn          the manufacturer's part number
 * @param price        the exact price the page states (never a double's approximation), never negative
 * @param currency     ISO 4217: three upper-case letters A-Z
 * @param listPrice    the "was" price beside a lower selling price, exact
 * @param availability a schema.org availability term
 * @param condition    a schema.org condition term
 * @param images       image URLs, as stated
 * @param category     the category path, outermost first ({@code ["Shoes", "Running"]})
 * @param rating       the average rating
 * @param reviewCount  how many reviews (or ratings) the average is over
 * @param seller       who sells it
 * @param offers       the variants (size, colour...) with their own SKU, price and availability
 * @param source       which extractor read it: {@code json-ld}, {@code microdata}, {@code opengraph}, {@code recipe:NAME}
 */
public record Product(URI url, String canonicalUrl, String name, String brand, String sku, String gtin, String mpn,
                      BigDecimal price, String currency, BigDecimal listPrice, Availability availability, Condition condition,
                      List<String> images, List<String> category, BigDecimal rating, Integer reviewCount, String seller,
                      List<Offer> offers, String source) {

    /**
     * Every product is finalised here, whoever built it (trawl's extractors, a recipe, your own
     * {@link Extractor}): text fields lose their control characters (C0, DEL, C1: a name with
     * {@code ESC]0;...BEL} would retitle the terminal that prints it), a tab or line break
     * becoming a space; a field left empty by that is absent (null, or dropped from a list).
     *
     * @throws IllegalArgumentException if a price is negative or the currency is not three letters A-Z
     */
    public Product {
        checkMoney(price, currency);
        checkMoney(listPrice, null);
        canonicalUrl = ControlChars.strip(canonicalUrl);
        name = ControlChars.strip(name);
        brand = ControlChars.strip(brand);
        sku = ControlChars.strip(sku);
        gtin = ControlChars.strip(gtin);
        mpn = ControlChars.strip(mpn);
        seller = ControlChars.strip(seller);
        source = ControlChars.strip(source);
        images = texts(images);
        category = texts(category);
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /** A list of text fields, each stripped of control characters; empty ones dropped. */
    private static List<String> texts(List<String> list) {
        if (list == null) {
            return List.of();
        }
        if (list.stream().noneMatch(t -> t != null && ControlChars.any(t))) {
            return List.copyOf(list);
        }
        return list.stream().map(ControlChars::strip).filter(java.util.Objects::nonNull).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this product's fields, to change some. */
    public Builder toBuilder() {
        return new Builder().url(url).canonicalUrl(canonicalUrl).name(name).brand(brand).sku(sku).gtin(gtin).mpn(mpn)
                .price(price).currency(currency).listPrice(listPrice).availability(availability).condition(condition)
                .images(images).category(category).rating(rating).reviewCount(reviewCount).seller(seller).offers(offers)
                .source(source);
    }

    /**
     * This product with each field it lacks taken from {@code other} (a less trusted reading of the
     * same product): the fields it has are kept, never overwritten; a price taken from the other
     * comes with the other's currency, when it states one. The source stays this one's.
     */
    public Product orElse(Product other) {
        return new Product(url != null ? url : other.url, or(canonicalUrl, other.canonicalUrl), or(name, other.name),
                or(brand, other.brand), or(sku, other.sku), or(gtin, other.gtin), or(mpn, other.mpn),
                price != null ? price : other.price, currencyOrElse(other),
                or(listPrice, other.listPrice), or(availability, other.availability), or(condition, other.condition),
                images.isEmpty() ? other.images : images, category.isEmpty() ? other.category : category,
                or(rating, other.rating), or(reviewCount, other.reviewCount), or(seller, other.seller),
                offers.isEmpty() ? other.offers : offers, source);
    }

    /** A price keeps its own currency: a price taken from {@code other} takes other's currency when it states one. */
    private String currencyOrElse(Product other) {
        if (price != null || other.price == null) {
            return price != null ? currency : or(currency, other.currency);
        }
        return or(other.currency, currency);
    }

    private static <T> T or(T mine, T theirs) {
        return mine != null ? mine : theirs;
    }

    static void checkMoney(BigDecimal price, String currency) {
        if (price != null && price.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative: " + price.toPlainString());
        }
        if (currency != null && !Prices.isCurrencyCode(currency)) {
            throw new IllegalArgumentException("currency must be three upper-case letters A-Z: \"" + currency + "\"");
        }
    }

    /** Collects a product's fields; every one is optional. */
    public static final class Builder {
        private URI url;
        private String canonicalUrl;
        private String name;
        private String brand;
        private String sku;
        private String gtin;
        private String mpn;
        private BigDecimal price;
        private String currency;
        private BigDecimal listPrice;
        private Availability availability;
        private Condition condition;
        private List<String> images;
        private List<String> category;
        private BigDecimal rating;
        private Integer reviewCount;
        private String seller;
        private List<Offer> offers;
        private String source;

        private Builder() {}

        public Builder url(URI url) { this.url = url; return this; }
        public Builder canonicalUrl(String canonicalUrl) { this.canonicalUrl = canonicalUrl; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder brand(String brand) { this.brand = brand; return this; }
        public Builder sku(String sku) { this.sku = sku; return this; }
        public Builder gtin(String gtin) { this.gtin = gtin; return this; }
        public Builder mpn(String mpn) { this.mpn = mpn; return this; }
        public Builder price(BigDecimal price) { this.price = price; return this; }
        public Builder currency(String currency) { this.currency = currency; return this; }
        public Builder listPrice(BigDecimal listPrice) { this.listPrice = listPrice; return this; }
        public Builder availability(Availability availability) { this.availability = availability; return this; }
        public Builder condition(Condition condition) { this.condition = condition; return this; }
        public Builder images(List<String> images) { this.images = images; return this; }
        public Builder category(List<String> category) { this.category = category; return this; }
        public Builder rating(BigDecimal rating) { this.rating = rating; return this; }
        public Builder reviewCount(Integer reviewCount) { this.reviewCount = reviewCount; return this; }
        public Builder seller(String seller) { this.seller = seller; return this; }
        public Builder offers(List<Offer> offers) { this.offers = offers; return this; }
        public Builder source(String source) { this.source = source; return this; }

        /** @throws IllegalArgumentException if a price is negative or the currency is not three letters A-Z */
        public Product build() {
            return new Product(url, canonicalUrl, name, brand, sku, gtin, mpn, price, currency, listPrice, availability,
                    condition, images, category, rating, reviewCount, seller, offers, source);
        }
    }
}
