package dev.trawl.internal.render;

import dev.trawl.fetch.RenderMode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, per host, whether a product page is rendered in the browser (DESIGN.md, data flow
 * step 4). In {@link RenderMode#AUTO} a host starts fetched; a page that yields no product and
 * looks built by scripts is rendered after its fetch. Once {@value #SAMPLE} product pages were
 * fetched and {@value #SAMPLE} rendered, a host where at least {@value #DIRECT_SHARE}% of the
 * fetched ones needed the browser and {@value #DIRECT_SHARE}% of the renders gave products is
 * rendered directly (its fetches were wasted), one page in {@value #SAMPLE} still fetched first to
 * notice a site that stops needing it; a site where only some pages need it (a mixed one) stays
 * fetched first. A host where the first {@value #SAMPLE} renders found nothing is no longer
 * rendered. A recipe's {@code render} decides for its pages whatever the crawl's mode.
 */
public final class RenderGate {
    static final int SAMPLE = 20;
    static final int DIRECT_SHARE = 80;

    private final RenderMode mode;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    public RenderGate(RenderMode mode) {
        this.mode = mode;
    }

    public RenderMode mode() {
        return mode;
    }

    /** Whether a product page of {@code host} is rendered without being fetched first; {@code recipe}: its recipe's mode, or null. */
    public boolean renderFirst(String host, RenderMode recipe) {
        RenderMode m = recipe != null ? recipe : mode;
        return switch (m) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> host(host).renderFirst();
        };
    }

    /** Whether a fetched product page of {@code host} that gave no product and looks {@code scripted} is rendered next. */
    public boolean renderAfterFetch(String host, RenderMode recipe, boolean scripted) {
        RenderMode m = recipe != null ? recipe : mode;
        return m == RenderMode.AUTO && scripted && host(host).worthRendering();
    }

    /** A product page of {@code host} was fetched (not rendered); {@code neededRender}: it gave no product and looked scripted. */
    public void fetched(String host, boolean neededRender) {
        host(host).fetched(neededRender);
    }

    /** A page of {@code host} was rendered; {@code products}: whether it gave any. */
    public void rendered(String host, boolean products) {
        host(host).rendered(products);
    }

    private Host host(String host) {
        return hosts.computeIfAbsent(host, h -> new Host());
    }

    /** One host's fetches and renders so far. */
    private static final class Host {
        private int fetched;
        private int neededRender;
        private int renders;
        private int withProducts;
        private long direct;

        synchronized boolean renderFirst() {
            return directly() && direct++ % SAMPLE != SAMPLE - 1;
        }

        synchronized boolean worthRendering() {
            return renders < SAMPLE || withProducts > 0;
        }

        synchronized void fetched(boolean needed) {
            fetched++;
            if (needed) {
                neededRender++;
            }
        }

        synchronized void rendered(boolean products) {
            renders++;
            if (products) {
                withProducts++;
            }
        }

        private boolean directly() {
            return fetched >= SAMPLE && renders >= SAMPLE && neededRender * 100 >= DIRECT_SHARE * fetched
                    && withProducts * 100 >= DIRECT_SHARE * renders;
        }
    }
}
