package dev.trawl.internal.engine;

import dev.trawl.config.CrawlConfig;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.RenderCounts;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RenderMode;
import dev.trawl.fetch.Renderer;
import dev.trawl.fetch.RequestSession;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.RequestKind;
import dev.trawl.internal.recipe.RecipeBook;
import dev.trawl.internal.render.AppShell;
import dev.trawl.internal.render.RenderGate;
import dev.trawl.internal.stats.RenderStats;
import dev.trawl.recipe.Recipe;
import java.util.List;

/**
 * The browser's part in a crawl (DESIGN.md, data flow step 4): which pages are rendered rather
 * than, or after, being fetched ({@link RenderGate}), the render itself, and its counters. A
 * render is a request like a fetch: it goes through the host's slot, delay and robots.txt.
 */
final class RenderStep implements AutoCloseable {
    private final RenderGate gate;
    private final RecipeBook recipes;
    private final RenderStats stats = new RenderStats();
    /** Null when the crawl has no browser. */
    private final Renderer renderer;

    RenderStep(CrawlConfig.Render config, RecipeBook recipes) {
        this.gate = new RenderGate(config.mode());
        this.recipes = recipes;
        this.renderer = config.renderer() == null ? null : config.renderer().create(config.settings());
    }

    /** The request as it goes out: rendered at once when its page (its host, its recipe) is rendered without a fetch first. */
    CrawlRequest beforeSending(CrawlRequest request) {
        if (renderer == null || request.render() || request.kind() == RequestKind.ROBOTS || request.kind() == RequestKind.SITEMAP) {
            return request;
        }
        Recipe recipe = recipe(request);
        RenderMode mode = recipe != null && recipe.render() != null ? recipe.render() : gate.mode();
        boolean productPage = request.kind() == RequestKind.PAGE || recipe != null;
        if (mode == RenderMode.ALWAYS || productPage && gate.renderFirst(request.host(), mode)) {
            return request.renderInstead();
        }
        return request;
    }

    /**
     * A product page was fetched: whether it is rendered next ({@code products}: it gave some, and is
     * not). One that gave none, looks scripted and is not rendered is counted.
     */
    boolean renderNext(CrawlRequest request, Page page, boolean products) {
        boolean scripted = !products && page != null && AppShell.looksRendered(page.document());
        gate.fetched(request.host(), scripted);
        if (!scripted) {
            return false;
        }
        Recipe recipe = recipe(request);
        if (renderer != null && gate.renderAfterFetch(request.host(), recipe == null ? null : recipe.render(), true)) {
            return true;
        }
        stats.scripted(request.url().toString());
        return false;
    }

    /** A rendered page's products are in. */
    void rendered(CrawlRequest request, Outcome outcome, List<Product> products) {
        gate.rendered(request.host(), !products.isEmpty());
        if (outcome instanceof Outcome.Done d) {
            stats.rendered(d.elapsed().toNanos(), !products.isEmpty());
        }
    }

    /**
     * Loads the page in the browser, on the request's virtual thread (it waits for a tab), in the
     * request's session (its cookies and proxy; null: none).
     */
    FetchResult render(CrawlRequest request, RequestSession session) {
        if (renderer == null) {
            return new FetchResult.Error(FailureReason.IO_ERROR, "no browser to render in", 0);
        }
        Recipe recipe = recipe(request);
        return renderer.render(request.url(), recipe == null ? null : recipe.waitFor(), session);
    }

    RenderCounts counts() {
        return stats.snapshot(gate.mode(), renderer);
    }

    private Recipe recipe(CrawlRequest request) {
        try {
            return recipes.matching(request.url());
        } catch (RuntimeException e) {
            return null; // a match past its budget: the extractor says so
        }
    }

    @Override
    public void close() {
        if (renderer != null) {
            renderer.close();
        }
    }
}
