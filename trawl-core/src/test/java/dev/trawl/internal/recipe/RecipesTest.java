package dev.trawl.internal.recipe;

import dev.trawl.recipe.RecipeException;
import dev.trawl.Recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.extract.Availability;
import dev.trawl.extract.Extractor;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipesTest {
    @TempDir
    Path dir;

    private static final String RECIPE = """
            name: shop-b
            match: "/item/\\\\d+"
            currency: EUR
            fields:
              name: {selector: "h1.title"}
              sku: {selector: ".sku", regex: "Art\\\\.-Nr\\\\.:\\\\s*(\\\\S+)"}
              price: {selector: ".price"}
              availability: {selector: ".stock"}
              images: {selector: ".gallery img", attribute: src, all: true}
              category: {selector: ".crumbs a", all: true}
              rating: {selector: ".stars", attribute: data-rating}
            follow:
              - "a.item"
            """;

    private static final String PAGE = """
            <html><body><div class="crumbs"><a href="/">Home</a> › <a href="/c/kitchen">Küche</a></div>
            <h1 class="title">Kaffeemühle &amp; Co</h1><p class="sku">Art.-Nr.: KM-42</p>
            <div class="price"><del>1.499,00 €</del> <b>1.299,99 €</b></div>
            <span class="stock">Auf Lager — in stock</span><div class="stars" data-rating="4,5"></div>
            <div class="gallery"><img src="/img/km-1.jpg"><img src="https://cdn.example/km-2.jpg"></div></body></html>
            """;

    private RecipeBook load(String yaml) throws Exception {
        Path file = dir.resolve("shop-b.yaml");
        Files.writeString(file, yaml);
        return new RecipeBook(Recipes.load(List.of(file)));
    }

    private static Page page(String url, String html) {
        return new Page(URI.create(url), 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldOfAPageWithoutStructuredData() throws Exception {
        Extractor extractor = load(RECIPE).over(p -> List.of());
        List<Product> products = extractor.extract(page("http://b.example/item/42", PAGE));
        assertEquals(1, products.size());
        Product p = products.getFirst();
        assertEquals("Kaffeemühle & Co", p.name());
        assertEquals("KM-42", p.sku());
        assertEquals(new BigDecimal("1299.99"), p.price());
        assertEquals("EUR", p.currency());
        assertEquals(new BigDecimal("1499.00"), p.listPrice());
        assertEquals(Availability.IN_STOCK, p.availability());
        assertEquals(List.of("http://b.example/img/km-1.jpg", "https://cdn.example/km-2.jpg"), p.images());
        assertEquals(List.of("Home", "Küche"), p.category());
        assertEquals(new BigDecimal("4.5"), p.rating());
        assertEquals("recipe:shop-b", p.source());
        assertEquals(URI.create("http://b.example/item/42"), p.url());
    }

    @Test
    void fillsWhatTheRecipeLacksFromStructuredDataAndLeavesOtherPagesToIt() throws Exception {
        Product structured = Product.builder().name("ignored").gtin("4006381333931").brand("Acme").source("json-ld").build();
        Extractor extractor = load(RECIPE).over(p -> List.of(structured));
        Product p = extractor.extract(page("http://b.example/item/42", PAGE)).getFirst();
        assertEquals("Kaffeemühle & Co", p.name());
        assertEquals("4006381333931", p.gtin());
        assertEquals("Acme", p.brand());
        assertEquals(List.of(structured), extractor.extract(page("http://b.example/about", PAGE)));
    }

    @Test
    void reportsEachFieldThatReadNothingWithACount() throws Exception {
        RecipeBook recipes = load(RECIPE);
        Extractor extractor = recipes.over(p -> List.of());
        extractor.extract(page("http://b.example/item/1", PAGE));
        extractor.extract(page("http://b.example/item/2", PAGE.replace("class=\"sku\"", "class=\"code\"")));
        extractor.extract(page("http://b.example/item/3", PAGE.replace("class=\"sku\"", "class=\"code\"")));
        assertEquals(List.of("recipe shop-b (" + dir.resolve("shop-b.yaml") + "): field sku read nothing on 2 of 3 pages, e.g. "
                + "http://b.example/item/2"), recipes.report());
    }

    @Test
    void aRecipeThatMatchesNoPageIsReported() throws Exception {
        RecipeBook recipes = load(RECIPE);
        recipes.over(p -> List.of()).extract(page("http://b.example/other", PAGE));
        assertTrue(recipes.report().getFirst().endsWith("matched no page (match: /item/\\d+)"), recipes.report().toString());
    }

    @Test
    void followSelectorsApplyWhereFollowMatchFinds() throws Exception {
        assertEquals(List.of("a.item"), load(RECIPE).followSelectors(URI.create("http://b.example/c/1")));
        RecipeBook narrow = load(RECIPE + "follow_match: \"/c/\"\n");
        assertEquals(List.of("a.item"), narrow.followSelectors(URI.create("http://b.example/c/1")));
        assertEquals(List.of(), narrow.followSelectors(URI.create("http://b.example/item/1")));
    }

    @Test
    void aRecipeSaysWhenItsPagesAreRenderedAndWhatTheBrowserWaitsFor() throws Exception {
        var recipe = load(RECIPE + "render: always\nwait_for: \"#app .price\"\n").list().getFirst();
        assertEquals(dev.trawl.fetch.RenderMode.ALWAYS, recipe.render());
        assertEquals("#app .price", recipe.waitFor());
        var plain = load(RECIPE).list().getFirst();
        assertEquals(null, plain.render(), "the crawl's mode decides");
        assertEquals(null, plain.waitFor());
        RecipeException mode = assertThrows(RecipeException.class, () -> load(RECIPE + "render: sometimes\n"));
        assertTrue(mode.getMessage().contains("shop-b.yaml: render: 'sometimes' is not one of always, never, auto"), mode.getMessage());
        RecipeException css = assertThrows(RecipeException.class, () -> load(RECIPE + "wait_for: \"div[\"\n"));
        assertTrue(css.getMessage().contains("shop-b.yaml: wait_for: not a CSS selector"), css.getMessage());
    }

    @Test
    void badFilesSayWhereAndWhy() throws Exception {
        RecipeException unknown = assertThrows(RecipeException.class, () -> load(RECIPE.replace("currency: EUR", "currncy: EUR")));
        assertTrue(unknown.getMessage().matches(".*shop-b\\.yaml:3:\\d+: unknown key 'currncy'.*"), unknown.getMessage());
        RecipeException css = assertThrows(RecipeException.class, () -> load(RECIPE.replace("h1.title", "h1[")));
        assertTrue(css.getMessage().contains("shop-b.yaml: fields.name.selector: not a CSS selector: 'h1['"), css.getMessage());
        RecipeException regex = assertThrows(RecipeException.class, () -> load(RECIPE.replace("(\\\\S+)", "(\\\\S+")));
        assertTrue(regex.getMessage().contains("fields.sku.regex: not a regular expression"), regex.getMessage());
        RecipeException field = assertThrows(RecipeException.class, () -> load(RECIPE.replace("  name:", "  title:")));
        assertTrue(field.getMessage().contains("fields.title: unknown field"), field.getMessage());
        RecipeException blockedCss = assertThrows(RecipeException.class, () -> load(RECIPE + "blocked_if: {css: \"div[\"}\n"));
        assertTrue(blockedCss.getMessage().contains("shop-b.yaml: blocked_if.css[0]: not a CSS selector"), blockedCss.getMessage());
        RecipeException blockedStatus = assertThrows(RecipeException.class, () -> load(RECIPE + "blocked_if: {status: [200, 42]}\n"));
        assertTrue(blockedStatus.getMessage().contains("shop-b.yaml: blocked_if.status[1]: not an HTTP status (100 to 599): 42"),
                blockedStatus.getMessage());
        RecipeBook blocking = load(RECIPE + "blocked_if:\n  status: 202\n  text: [\"verify\", \"human\"]\n");
        assertEquals(java.util.Set.of(202), blocking.list().getFirst().blockedIf().statuses());
        assertEquals(2, blocking.list().getFirst().blockedIf().texts().size());
        RecipeException missing = assertThrows(RecipeException.class, () -> Recipes.load(List.of(dir.resolve("none.yaml"))));
        assertTrue(missing.getMessage().endsWith("none.yaml: no such file"), missing.getMessage());
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aRegexThatBacktracksWithoutEndFailsThePageNamingRecipeAndField() throws Exception {
        RecipeBook book = load(RECIPE.replace("regex: \"Art\\\\.-Nr\\\\.:\\\\s*(\\\\S+)\"", "regex: \"(.*a){12}$\""));
        String page = PAGE.replace("Art.-Nr.: KM-42", "a".repeat(5_000) + "b");
        RuntimeException e = assertThrows(RuntimeException.class, () -> book.over(p -> List.of()).extract(page("http://b.example/item/2", page)));
        assertTrue(e.getMessage().startsWith("recipe shop-b (" + dir.resolve("shop-b.yaml") + ") field sku: the regex (.*a){12}$ read more than"),
                e.getMessage());
    }
}
