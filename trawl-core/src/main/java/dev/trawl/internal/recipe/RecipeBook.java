package dev.trawl.internal.recipe;

import dev.trawl.recipe.Recipe;


import dev.trawl.extract.Extractor;
import dev.trawl.extract.Product;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The site recipes of a crawl, as the engine uses them. {@link #over(Extractor)} reads a page
 * with the first recipe whose {@code match} finds its URL, and fills what the recipe does not
 * read from the page's structured data; other pages go to the structured-data extractor alone.
 * Every field a recipe reads nothing for (unless marked optional) is counted, and {@link #report()}
 * says so: a recipe that matches nothing is reported, not silently empty. Thread-safe.
 */
public final class RecipeBook {
    private final List<Recipe> recipes;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    public RecipeBook(List<Recipe> recipes) {
        this.recipes = List.copyOf(recipes);
        for (Recipe r : recipes) {
            tallies.put(r.name(), new Tally(r));
        }
    }

    public List<Recipe> list() {
        return recipes;
    }

    /** An extractor that reads recipe pages by their recipe (filled from {@code structured}) and others by {@code structured}. */
    public Extractor over(Extractor structured) {
        if (recipes.isEmpty()) {
            return structured;
        }
        return page -> {
            Recipe recipe = matching(page.url());
            if (recipe == null) {
                return structured.extract(page);
            }
            Tally tally = tallies.get(recipe.name());
            tally.pages.increment();
            Product product = RecipeReader.read(recipe, page.url(), page.document(), field -> tally.miss(field, page.url()));
            if (product == null) {
                return structured.extract(page);
            }
            List<Product> others = structured.extract(page);
            return List.of(others.size() == 1 ? product.orElse(others.getFirst()) : product);
        };
    }

    /** The CSS selectors of links the recipes say to follow from this page. */
    public List<String> followSelectors(URI url) {
        List<String> selectors = new ArrayList<>();
        String u = url.toString();
        for (Recipe r : recipes) {
            if (!r.follow().isEmpty() && (r.followMatch() == null || BoundedRegex.matcher(r.followMatch(), u, who(r) + " follow_match").find())) {
                selectors.addAll(r.follow());
            }
        }
        return selectors;
    }

    /**
     * One line per recipe field that read nothing on some pages, e.g. {@code recipe shop-b
     * (recipes/b.yaml): field sku read nothing on 3 of 400 pages, e.g. http://...}; and one per
     * recipe that matched no page. Empty when every recipe read every field of every page.
     */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        for (Recipe r : recipes) {
            Tally t = tallies.get(r.name());
            long pages = t.pages.sum();
            String who = who(r);
            if (pages == 0) {
                lines.add(who + ": matched no page (match: " + r.match().pattern() + ")");
                continue;
            }
            for (var e : t.misses.entrySet()) {
                long n = e.getValue().count.sum();
                if (n == 0) {
                    continue;
                }
                lines.add(who + ": field " + e.getKey() + " read nothing on " + n + " of " + pages + " pages, e.g. "
                        + e.getValue().example);
            }
        }
        return lines;
    }

    /** How messages name a recipe: {@code recipe shop-b (recipes/b.yaml)}. */
    public static String who(Recipe r) {
        return "recipe " + r.name() + " (" + r.file() + ")";
    }

    /** The recipe that reads this page: the first whose {@code match} finds its URL; null for none. */
    public Recipe matching(URI url) {
        String u = url.toString();
        for (Recipe r : recipes) {
            if (BoundedRegex.matcher(r.match(), u, who(r) + " match").find()) {
                return r;
            }
        }
        return null;
    }

    private static final class Tally {
        final LongAdder pages = new LongAdder();
        final Map<String, Miss> misses;

        Tally(Recipe recipe) {
            Map<String, Miss> m = new LinkedHashMap<>();
            recipe.fields().forEach((name, rule) -> {
                if (!rule.optional()) {
                    m.put(name, new Miss());
                }
            });
            this.misses = m;
        }

        void miss(String field, URI url) {
            Miss m = misses.get(field);
            if (m == null) {
                return; // optional
            }
            m.count.increment();
            if (m.example == null) {
                m.example = url;
            }
        }
    }

    private static final class Miss {
        final LongAdder count = new LongAdder();
        volatile URI example;
    }
}
