package dev.trawl.demoshop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A demo shop's products, computed from (site, id, day) on demand and never stored, so a shop of
 * a million products costs no memory. The same inputs always give the same product.
 */
public final class Catalogue {
    static final String[] CATEGORIES = {"kitchen", "garden", "office", "outdoor", "lighting", "bath", "toys", "audio",
            "tools", "textiles", "storage", "pets"};
    private static final String[] ADJECTIVES = {"Classic", "Compact", "Deluxe", "Rustic", "Modern", "Vintage", "Ultra",
            "Smart", "Eco", "Heavy-Duty", "Portable", "Premium", "Soft", "Nordic", "Urban", "Café"};
    private static final String[] MATERIALS = {"Oak", "Steel", "Linen", "Ceramic", "Bamboo", "Cotton", "Glass", "Copper",
            "Wool", "Walnut", "Leather", "Marble"};
    private static final String[] NOUNS = {"Lamp", "Kettle", "Chair", "Mug", "Blanket", "Planter", "Speaker", "Shelf",
            "Desk Organizer", "Backpack", "Towel Set", "Toolbox", "Cushion", "Frame", "Clock", "Basket"};
    private static final String[] BRANDS = {"Northwind", "Acme", "Lumen & Co", "Hearth", "Fjord", "Oakridge", "Brightly",
            "Maison Émile", "Tandem", "Kestrel"};
    private static final String[] AVAILABILITY = {"https://schema.org/InStock", "https://schema.org/OutOfStock",
            "https://schema.org/PreOrder"};
    private static final String[] SIZES = {"S", "M", "L"};
    private static final BigDecimal LARGE_SURCHARGE = new BigDecimal("5.00");

    private final int site;
    private final long size;
    private final int day;
    private final String currency;
    private final Markup markup;

    Catalogue(int site, long size, int day, String currency) {
        this(site, size, day, currency, Markup.JSON_LD);
    }

    /** Only a JSON-LD shop (a {@link Markup#JS} one too: its pages render JSON-LD) has product groups: the other markups cannot state variants. */
    Catalogue(int site, long size, int day, String currency, Markup markup) {
        this.site = site;
        this.size = size;
        this.day = day;
        this.currency = currency;
        this.markup = markup;
    }

    /** How many products the shop has (ids 0 to size − 1). */
    public long size() {
        return size;
    }

    /** The product with this id; ids run from 0 to {@link #size()} − 1. */
    public CatalogueProduct product(long id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("id must be in [0, " + size + "), was " + id);
        }
        long h = Mix.hash(site, id, 0);
        String name = ADJECTIVES[Mix.pick(h, 0, ADJECTIVES.length)] + " " + MATERIALS[Mix.pick(h, 1, MATERIALS.length)] + " "
                + NOUNS[Mix.pick(h, 2, NOUNS.length)];
        switch (Mix.pick(h, 3, 16)) {
            case 0 -> name += " \"Signature\" Edition";
            case 1 -> name += ", 2-Pack";
            case 2 -> name += " & Stand";
            default -> { }
        }
        long cents = 199 + Mix.pick(h, 4, 99_800);
        BigDecimal price = BigDecimal.valueOf(cents, 2);
        if (day != 1 && Mix.unit(Mix.hash(site, id, day)) < 0.3) {
            double factor = 0.8 + 0.4 * Mix.unit(Mix.hash(site, id, 1000 + day));
            price = price.multiply(BigDecimal.valueOf(Math.round(factor * 100), 2)).setScale(2, RoundingMode.HALF_EVEN);
        }
        String availability = availability(h, 5);
        String sku = "S" + site + "-" + String.valueOf(1_000_000_000L + id).substring(1);
        // Slots 0-6 of h made the products before markups existed; the newer fields take later
        // slots, so the first ones' name, SKU and price per id stay as they were.
        String gtin = Gtin.gtin13("40" + String.valueOf(10_000_000_000L + Math.floorMod(Mix.mix(h + 7), 10_000_000_000L)).substring(1));
        List<CatalogueVariant> variants = (markup == Markup.JSON_LD || markup == Markup.JS) && Mix.pick(h, 8, 8) == 0
                ? variants(h, sku, name, price, availability) : List.of();
        BigDecimal listPrice = variants.isEmpty() && Mix.pick(h, 9, 5) == 0 ? listPrice(price, Mix.pick(h, 10, 41)) : null;
        boolean rated = Mix.pick(h, 11, 4) != 0;
        BigDecimal rating = rated ? BigDecimal.valueOf(10 + Mix.pick(h, 12, 41), 1) : null;
        Integer reviews = rated ? 1 + Mix.pick(h, 13, 2_000) : null;
        return new CatalogueProduct(id, name, BRANDS[Mix.pick(h, 6, BRANDS.length)], sku, gtin, price, listPrice, currency,
                availability, category(id), "https://cdn.shop.test/img/" + sku + "-1.jpg", rating, reviews, variants,
                "/p/" + id, pageBytes(id));
    }

    /** The seller that JSON-LD offers name. */
    public String seller() {
        return "Demo Shop " + site;
    }

    /** Sizes S, M and L; S (what the shopper first sees) is the product's own price and availability. */
    private static List<CatalogueVariant> variants(long h, String sku, String name, BigDecimal price, String availability) {
        CatalogueVariant[] v = new CatalogueVariant[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            String size = SIZES[i];
            v[i] = new CatalogueVariant(sku + "-" + size, name + " \u2013 " + size, size.equals("L") ? price.add(LARGE_SURCHARGE) : price,
                    i == 0 ? availability : availability(h, 14 + i));
        }
        return List.of(v);
    }

    /** 10 % to 50 % above the price, rounded up to a whole amount less one cent (e.g. 1499.99). */
    private static BigDecimal listPrice(BigDecimal price, int percentAbove) {
        BigDecimal raised = price.multiply(BigDecimal.valueOf(110 + percentAbove, 2)).setScale(0, RoundingMode.CEILING);
        return raised.subtract(new BigDecimal("0.01"));
    }

    /** Mostly in stock: 17 in 20 InStock, 2 OutOfStock, 1 PreOrder. */
    private static String availability(long h, int slot) {
        int a = Mix.pick(h, slot, 20);
        return AVAILABILITY[a < 17 ? 0 : a < 19 ? 1 : 2];
    }

    /** A schema.org IRI's term, e.g. {@code InStock} for {@code https://schema.org/InStock}. */
    static String term(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** The exact size of a product page, 21,000 to 58,999 bytes, chosen by id. */
    static int pageBytes(long id) {
        return 21_000 + Mix.pick(Mix.hash(id, 17, 3), 0, 38_000);
    }

    static String category(long id) {
        return CATEGORIES[(int) (id % CATEGORIES.length)];
    }

    int site() {
        return site;
    }
}
