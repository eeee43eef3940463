package dev.trawl.demoshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's products, computed in-process. */
class CatalogueTest {

    @Test
    void theFirstFieldsAreThoseOfTheShopBeforeMarkupsForEveryMarkup() {
        // name | sku | price | availability as the shop made them before gtin, list price, rating and variants existed
        List<String> before = List.of(
                "1 0 Eco Marble Basket | S1-000000000 | 930.29 | https://schema.org/InStock",
                "1 42 Classic Leather Shelf | S1-000000042 | 605.76 | https://schema.org/InStock",
                "1 999999 Premium Oak Chair | S1-000999999 | 162.56 | https://schema.org/PreOrder",
                "2 1 Heavy-Duty Ceramic Cushion, 2-Pack | S2-000000001 | 996.77 | https://schema.org/InStock",
                "2 42 Ultra Wool Towel Set \"Signature\" Edition | S2-000000042 | 1028.66 | https://schema.org/InStock",
                "2 777 Smart Linen Clock | S2-000000777 | 445.34 | https://schema.org/OutOfStock");
        for (Markup markup : Markup.values()) {
            for (String line : before) {
                String[] f = line.split(" ", 3);
                int site = Integer.parseInt(f[0]);
                CatalogueProduct p = new Catalogue(site, 1_000_000, site == 1 ? 1 : 3, "USD", markup).product(Long.parseLong(f[1]));
                assertEquals(line, site + " " + p.id() + " " + p.name() + " | " + p.sku() + " | " + p.price() + " | " + p.availability());
            }
        }
    }

    @Test
    void gtinsHaveThirteenDigitsAndAValidCheckDigit() {
        assertEquals("4006381333931", Gtin.gtin13("400638133393"), "a published EAN-13");
        assertTrue(Gtin.isValid("4006381333931"));
        assertFalse(Gtin.isValid("4006381333932"));
        Catalogue catalogue = new Catalogue(3, 100_000, 1, "EUR");
        for (long id = 0; id < 100_000; id += 7) {
            String gtin = catalogue.product(id).gtin13();
            assertTrue(Gtin.isValid(gtin), id + ": " + gtin);
        }
    }

    @Test
    void aboutOneInFiveIsOnSaleOneInFourUnratedAndOneInEightAGroupOfThreeSizes() {
        Catalogue catalogue = new Catalogue(1, 10_000, 2, "USD");
        int onSale = 0;
        int unrated = 0;
        int groups = 0;
        for (long id = 0; id < 10_000; id++) {
            CatalogueProduct p = catalogue.product(id);
            if (p.listPrice() != null) {
                onSale++;
                assertTrue(p.listPrice().compareTo(p.price()) > 0, p.path());
                assertEquals(2, p.listPrice().scale());
            }
            if (p.rating() == null) {
                unrated++;
                assertNull(p.reviewCount());
            } else {
                assertTrue(p.rating().scale() == 1 && p.rating().compareTo(BigDecimal.ONE) >= 0
                        && p.rating().compareTo(BigDecimal.valueOf(5)) <= 0 && p.reviewCount() > 0, p.path());
            }
            assertEquals("https://cdn.shop.test/img/" + p.sku() + "-1.jpg", p.image());
            if (p.isGroup()) {
                groups++;
                assertNull(p.listPrice(), "a group is not on sale as a whole");
                List<CatalogueVariant> v = p.variants();
                assertEquals(List.of(p.sku() + "-S", p.sku() + "-M", p.sku() + "-L"), v.stream().map(CatalogueVariant::sku).toList());
                assertEquals(p.name() + " \u2013 M", v.get(1).name());
                assertEquals(p.price(), v.get(0).price(), "the shopper first sees S");
                assertEquals(p.price(), v.get(1).price());
                assertEquals(p.price().add(new BigDecimal("5.00")), v.get(2).price());
                assertEquals(p.availability(), v.get(0).availability());
            }
        }
        assertTrue(onSale > 1_500 && onSale < 2_200, "on sale " + onSale);
        assertTrue(unrated > 2_200 && unrated < 2_800, "unrated " + unrated);
        assertTrue(groups > 1_050 && groups < 1_450, "groups " + groups);
    }

    @Test
    void onlyAJsonLdShopHasVariants() {
        for (Markup markup : List.of(Markup.MICRODATA, Markup.PLAIN)) {
            Catalogue catalogue = new Catalogue(1, 1_000, 1, "USD", markup);
            for (long id = 0; id < 1_000; id++) {
                assertFalse(catalogue.product(id).isGroup(), markup + " " + id);
            }
        }
    }
}
