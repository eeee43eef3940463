package dev.trawl.internal.render;

import dev.trawl.fetch.RenderMode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, per host, whether a product page is rendered in the browser (DESIGN.md, data flow
 * step 4). In {@link RenderMode#AUTO} a host starts fetched; a page that yields no product and
 * looks built by scripts is rendered after its fetch. Once {@value #SAMPLE} such pages were
 * rendered, a host where at least {@value #DIRECT_SHARE}% of them gave products is rendered
 * directly (its fetch was wasted), with one page in {@value #SAMPLE} fetched still to notice a
 * site that stops needing it; a host where the first {@value #SAMPLE} renders found nothing is
 * no longer rendered. A recipe's {@code render} decides for its pages whatever the crawl's mode.
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

    /** A page of {@code host} was rendered; {@code products}: whether it gave any. */
    public void rendered(String host, boolean products) {
        host(host).rendered(products);
    }

    private Host host(String host) {
        return hosts.computeIfAbsent(host, h -> new Host());
    }

    /** One host's renders so far. */
    private static final class Host {
        private int renders;
        private int withProducts;
        private long direct;

        synchronized boolean renderFirst() {
            return directly() && direct++ % SAMPLE != SAMPLE - 1;
        }

        synchronized boolean worthRendering() {
            return renders < SAMPLE || withProducts > 0;
        }

        synchronized void rendered(boolean products) {
            renders++;
            if (products) {
                withProducts++;
            }
        }

        private boolean directly() {
            return renders >= SAMPLE && withProducts * 100 >= DIRECT_SHARE * renders;
        }
    }
}
