package dev.trawl.demoshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Product pages rendered in-process, many at a time. */
class PagesTest {

    @ParameterizedTest
    @EnumSource(value = Markup.class, names = "JS", mode = EnumSource.Mode.EXCLUDE) // a JS product's page is its shell, not a ProductPage
    void everyPageIsExactlyItsCatalogueSizeOnEverySiteInEveryMarkupAndPriceFormat(Markup markup) {
        for (int site = 1; site <= 3; site++) {
            Catalogue catalogue = new Catalogue(site, 1_000_000, 2, "EUR", markup);
            PriceFormat format = PriceFormat.values()[site % 2];
            ProductPage page = new ProductPage(markup, format, catalogue.seller());
            PageBuffer b = new PageBuffer();
            for (long id = 0; id < 1_000_000; id += 97) {
                CatalogueProduct p = catalogue.product(id);
                b.reset();
                page.render(b, p, "http://127.0.0.9:65535");
                assertEquals(p.pageBytes(), b.length, p.path() + " " + format);
                assertTrue(p.pageBytes() >= 20_000 && p.pageBytes() <= 60_000, p.path());
            }
        }
    }

    @Test
    void thePaddingIsOneWellFormedCommentBeforeTheDescriptionEnds() {
        PageBuffer b = new PageBuffer();
        new ProductPage(Markup.JSON_LD, PriceFormat.US, "Demo Shop 1").render(b, new Catalogue(1, 10, 1, "USD").product(7), "http://127.0.0.1:1");
        String html = new String(b.bytes, 0, b.length, java.nio.charset.StandardCharsets.UTF_8);
        int open = html.indexOf("<!--");
        assertTrue(open > 0 && html.indexOf("<!--", open + 1) < 0, "one comment");
        assertTrue(html.startsWith("--></section>", html.indexOf("-->", open)), "it closes right before </section>");
    }
}
