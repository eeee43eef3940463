package dev.trawl.demoshop;

import java.math.BigDecimal;
import java.math.RoundingMode;

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

    private final int site;
    private final long size;
    private final int day;
    private final String currency;

    Catalogue(int site, long size, int day, String currency) {
        this.site = site;
        this.size = size;
        this.day = day;
        this.currency = currency;
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
        int a = Mix.pick(h, 5, 20);
        String availability = AVAILABILITY[a < 17 ? 0 : a < 19 ? 1 : 2];
        String sku = "S" + site + "-" + String.valueOf(1_000_000_000L + id).substring(1);
        return new CatalogueProduct(id, name, BRANDS[Mix.pick(h, 6, BRANDS.length)], sku, price, currency, availability,
                category(id), "/p/" + id, pageBytes(id));
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
