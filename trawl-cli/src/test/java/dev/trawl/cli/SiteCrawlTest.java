package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.demoshop.DemoShop;
import dev.trawl.demoshop.Markup;
import dev.trawl.demoshop.PriceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trawl crawl --site}: from a running shop's root to every product, field by field, with no URL list. */
class SiteCrawlTest {
    @TempDir
    Path dir;

    private static final Path PLAIN_RECIPE = Path.of("..", "recipes", "demo-shop-plain.yaml");

    @Test
    void aJsonLdShopNeedsNoRecipe() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(600).sitemapChildSize(250).start()) {
            Path out = dir.resolve("products.jsonl");
            CrawlCommandTest.Run run = CrawlCommandTest.trawl("crawl", "--site", shop.baseUri().toString(), "--out", out.toString());
            assertEquals(0, run.code(), run.err());
            assertEquals("", run.warnings());
            assertExact(out, shop);
            for (String draft : shop.disallowedSitemapPaths()) {
                assertEquals(0, shop.requestsFor(draft), draft + " is disallowed by robots.txt");
            }
        }
    }

    @Test
    void aMicrodataShopNeedsNoRecipe() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(300).markup(Markup.MICRODATA).currency("GBP").start()) {
            Path out = dir.resolve("products.jsonl");
            CrawlCommandTest.Run run = CrawlCommandTest.trawl("crawl", "--site", shop.baseUri().toString(), "--out", out.toString());
            assertEquals(0, run.code(), run.err());
            assertExact(out, shop);
        }
    }

    @Test
    void aPlainShopIsReadByItsRecipe() throws Exception {
        // The shipped recipe's match names README's plain shop: 127.0.0.9:8089.
        try (DemoShop shop = DemoShop.builder().address("127.0.0.9").port(8089).products(300).markup(Markup.PLAIN).priceFormat(PriceFormat.EU)
                .currency("EUR").start();
             DemoShop jsonLd = DemoShop.builder().address("127.0.0.10").products(20).start()) {
            Path out = dir.resolve("products.jsonl");
            CrawlCommandTest.Run run = CrawlCommandTest.trawl("crawl", "--site", shop.baseUri().toString(), "--recipe",
                    PLAIN_RECIPE.toString(), "--out", out.toString());
            assertEquals(0, run.code(), run.err());
            assertEquals("", run.warnings(), "the recipe read every field it must on every page");
            assertExact(out, shop);
            assertTrue(Files.readString(out).contains("\"source\":\"recipe:demo-shop-plain\""));

            // Another site's pages are not the recipe's: their JSON-LD is read, not the recipe's selectors.
            Path other = dir.resolve("other.jsonl");
            assertEquals(0, CrawlCommandTest.trawl("crawl", "--site", jsonLd.baseUri().toString(), "--recipe", PLAIN_RECIPE.toString(),
                    "--out", other.toString()).code());
            assertEquals(20, Files.readAllLines(other).size());
            assertTrue(Files.readAllLines(other).stream().noneMatch(l -> l.contains("recipe:")), "no page read by the recipe");

            // Without it, the pages hold no product: nothing is invented.
            Path bare = dir.resolve("bare.jsonl");
            assertEquals(0, CrawlCommandTest.trawl("crawl", "--site", shop.baseUri().toString(), "--out", bare.toString()).code());
            assertEquals(List.of(), Files.readAllLines(bare));
        }
    }

    @Test
    void aRecipeThatReadsNothingIsReportedPerField() throws Exception {
        try (DemoShop shop = DemoShop.builder().address("127.0.0.9").port(8089).products(40).markup(Markup.PLAIN).start()) {
            Path recipe = dir.resolve("broken.yaml");
            Files.writeString(recipe, Files.readString(PLAIN_RECIPE).replace(".product-sku", ".sku-that-is-not-there"));
            CrawlCommandTest.Run run = CrawlCommandTest.trawl("crawl", "--site", shop.baseUri().toString(), "--recipe", recipe.toString(),
                    "--quiet");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.err().contains("trawl: recipe demo-shop-plain (" + recipe + "): field sku read nothing on 40 of 40 pages, e.g. "
                    + shop.baseUri()), run.err());
        }
    }

    private static void assertExact(Path out, DemoShop shop) throws Exception {
        DemoCheck.Result check = DemoCheck.verify(out, List.of(shop));
        assertEquals(null, check.firstMismatch());
        assertEquals(shop.catalogue().size(), check.exact());
        assertEquals(shop.catalogue().size(), Files.readAllLines(out).size());
    }
}
