package dev.trawl.demoshop;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A deterministic synthetic shop served over HTTP/1.1 on one loopback address, for trawl's tests,
 * demo and benchmarks. Pages are generated from the product id on each request, never stored.
 *
 * <pre>
 * /                          home: links to the categories
 * /robots.txt                Disallow /cart, /search, /*?*sort= and /drafts/ (Allow /c/), optional Crawl-delay;
 *                            BadBot disallowed everything; a Sitemap: line
 * /sitemap.xml               sitemap index; children /sitemaps/products-K.xml (even K) and .xml.gz (odd K);
 *                            the first child also lists the drafts
 * /c/{category}?page=N       listings, 24 products a page, rel="next" to the next page, add-to-cart and sort
 *                            links, an ItemList JSON-LD in a JSON-LD shop
 * /p/{id}                    product page, 20–60 KB, in the shop's {@link Markup} and {@link PriceFormat}
 *                            (ids 0 … products−1); a {@link Markup#JS} product's is an app shell of about 13 KB
 *                            ({@link #isJs(long)}, {@link Builder#jsShare(int)})
 * /api/products/{id}.json    the product's data as the app shell's script fetches it: the catalogue line's
 *                            fields, the texts the page shows and the Product JSON-LD's text (for every id)
 * /drafts/p/{id}             a draft's product page (see {@link #disallowedSitemapPaths()}), disallowed by robots.txt
 * /fault/{500,503,429,reset,hang,drip,oversized,redirect-loop,redirect,gzip-bomb,bad-gzip,bad-chunk,wrong-charset}
 *                            a fault on demand; ?times=N faults only the first N requests, then serves /p/{id}
 *                            (&amp;id=, default 1); 429 takes ?retry-after=S and &amp;date=1; redirect takes ?to=PATH
 * /fault/{endless-header,endless-headers,header-drip,huge-header,many-headers,http09,empty-location,offsite-sitemap}
 *                            hostile answers ({@link HostileResponses}): a header line or header section that never
 *                            ends (header-drip: a line every 100 ms), a 10 MB header line, ?lines=N (150) header lines
 *                            of a ?size=B (16) byte value, a body with no status line,
 *                            a 302 with an empty Location, a sitemap (?index=1: an index) listing entries on other hosts
 * /fault/challenge?kind=K    a bot manager's challenge or block page ({@link ChallengePages}): cloudflare (403 and
 *                            cf-mitigated), cloudflare-page (503), datadome, perimeterx, akamai (403), awswaf (202 and
 *                            x-amzn-waf-action), amazon (200), plain (200, no known marker); ?status=N overrides, ?times=N as above
 * /as-written/               links written as shops write them (raw spaces, non-ASCII, backslashes; {@link AsWrittenLinks});
 *                            any other path under it answers a page with no links
 * /_shop/counters            this shop's counters as JSON (?path=P adds one path's count and first start times; ?paths=1 all counts)
 * /_shop/reset               zeroes the counters
 * /_shop/urls.txt            every product URL, a line each (drafts not included)
 * /_shop/catalogue.jsonl     every product as a JSON line: what a perfect extractor reads from its page
 * </pre>
 *
 * Product pages (drafts too) and listings carry a strong {@code ETag} and a {@code Last-Modified},
 * both derived from a hash of the page's bytes, so they change exactly when the page does (from one
 * {@link Builder#day(int) day} to the next, a price); a GET or HEAD whose {@code If-None-Match} lists
 * the ETag, or with no If-None-Match, whose {@code If-Modified-Since} is exactly the Last-Modified,
 * gets {@code 304 Not Modified} with the ETag and no body. {@link Builder#conditional(boolean)} turns this off.
 *
 * <p>GET and HEAD everywhere, POST only to {@code /_shop/reset}; other methods get 405, and a
 * malformed request 400 and a closed connection. Requests to {@code /_shop/} are not counted. Faults by rate hit product pages chosen by a hash of
 * (site, id, kind): {@link #faultFor(String)} says which.
 *
 * <p>Pages built in the browser: in a {@link Markup#JS} shop (or a {@link Markup#JSON_LD} one with a
 * {@link Builder#jsShare(int) js share}) the pages of some products (all, by default, in a JS shop)
 * are app shells whose script, after the {@link Builder#renderDelay(Duration) render delay}, fetches
 * {@code /api/products/{id}.json} and builds the product box and its Product JSON-LD ({@link AppShell});
 * the other products' pages are server-rendered JSON-LD pages. Everything else is a JSON-LD shop's:
 * listings, sitemaps and the catalogue, whose lines are what trawl reads from the rendered page.
 * {@link ShopCounters#jsPages()}, {@link ShopCounters#serverPages()}, {@link ShopCounters#apiRequests()}
 * and {@link #apiRequestsFor(long)} count the two kinds of page and the API calls (a browser that ran a shell).
 * Drafts and fixed faults' pages are shells for JS products too. Guards (throttle, rate, cookie) stay on
 * product pages; API requests are counted (in flight, gaps, by status) as every other request is.
 */
public final class DemoShop implements AutoCloseable {
    private static final ThreadFactory THREADS = Thread.ofVirtual().name("demo-shop-", 0).factory();

    private final Builder config;
    private final Catalogue catalogue;
    private final ProductPage productPage;
    private final AppShell appShell;
    private final ListingPage listingPage;
    private final Drafts drafts;
    private final ShopStats stats;
    private final java.util.concurrent.atomic.LongAdder sharedConnections = new java.util.concurrent.atomic.LongAdder();
    private final RateGuard rateGuard;
    private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> byClient = new java.util.concurrent.ConcurrentHashMap<>();
    private final ShopRoutes routes;
    private final ServerSocket server;
    private final URI baseUri;
    private final Map<Socket, Thread> open = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private final ShopCertificate certificate;
    private final ServerSocket tlsServer;
    private final URI httpsUri;
    private final Thread tlsAcceptor;
    private volatile boolean closed;

    private DemoShop(Builder b) throws IOException {
        this.config = b;
        this.catalogue = new Catalogue(b.site, b.products, b.day, b.currency, b.structured());
        this.productPage = new ProductPage(b.structured(), b.priceFormat, catalogue.seller());
        this.appShell = new AppShell(b.renderDelay);
        this.listingPage = new ListingPage(b.structured(), b.priceFormat);
        this.drafts = new Drafts(b.products, b.sitemapChildSize);
        this.rateGuard = b.guardRate > 0 ? new RateGuard(b.guardRate, b.guardBan) : null;
        this.stats = new ShopStats(b.products);
        this.routes = new ShopRoutes(this, stats);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(b.address), b.port), 1024);
        this.baseUri = URI.create("http://" + b.address + ":" + server.getLocalPort() + "/");
        this.acceptor = THREADS.newThread(() -> accept(server));
        if (b.tlsCertificate != null) {
            try {
                this.certificate = ShopCertificate.make(b.address, b.tlsCertificate);
            } catch (IOException e) {
                server.close();
                throw e;
            }
            this.tlsServer = certificate.context().getServerSocketFactory().createServerSocket();
            tlsServer.setReuseAddress(true);
            tlsServer.bind(new InetSocketAddress(InetAddress.getByName(b.address), b.tlsPort), 1024);
            this.httpsUri = URI.create("https://" + b.address + ":" + tlsServer.getLocalPort() + "/");
            this.tlsAcceptor = THREADS.newThread(() -> accept(tlsServer));
        } else {
            this.certificate = null;
            this.tlsServer = null;
            this.httpsUri = null;
            this.tlsAcceptor = null;
        }
        acceptor.start();
        if (tlsAcceptor != null) {
            tlsAcceptor.start();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://ADDRESS:PORT/}. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * {@code https://ADDRESS:PORT/}: the same shop over TLS, its certificate in
     * {@link #certificateFile()}; null unless {@link Builder#tls(Path)} asked for it.
     */
    public URI httpsUri() {
        return httpsUri;
    }

    /** The PEM file of the shop's self-signed certificate, for a client to trust; null without TLS. */
    public java.nio.file.Path certificateFile() {
        return certificate == null ? null : certificate.pem();
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Markup markup() {
        return config.markup;
    }

    /** The share of products, in percent, whose pages are {@link Markup#JS} app shells (see {@link Builder#jsShare(int)}). */
    public int jsShare() {
        return config.jsShare;
    }

    /** How long an app shell's script waits before it fetches its product's data. */
    public Duration renderDelay() {
        return config.renderDelay;
    }

    /**
     * Whether product {@code id}'s page is an app shell built in the browser, not server-rendered:
     * chosen by a hash of (site, id), so the same in every shop of that site and share.
     */
    public boolean isJs(long id) {
        int share = config.jsShare;
        return share >= 100 || share > 0 && Math.floorMod(Mix.hash(config.site, id, 300), 100L) < share;
    }

    /** The ids of the products whose pages are app shells, ascending (for tests: a list of up to all the ids). */
    public List<Long> jsProductIds() {
        List<Long> ids = new java.util.ArrayList<>();
        for (long id = 0; id < catalogue.size() && config.jsShare > 0; id++) {
            if (isJs(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Requests to {@code /api/products/{id}.json} since start or reset: how many times a browser ran that shell's script. */
    public long apiRequestsFor(long id) {
        return id >= 0 && id < catalogue.size() ? stats.apiRequestsFor(id) : 0;
    }

    public PriceFormat priceFormat() {
        return config.priceFormat;
    }

    /**
     * The line {@code /_shop/catalogue.jsonl} serves for product {@code id}: the record a perfect
     * extractor reads from its page, as trawl's product lines write it.
     */
    public String expectedLine(long id) {
        String base = baseUri().toString();
        return CatalogueLine.of(catalogue().product(id), base.substring(0, base.length() - 1), config.structured(), catalogue().seller());
    }

    /**
     * The paths the sitemap lists but robots.txt disallows, e.g. {@code /drafts/p/7}: draft
     * product pages that are served, so that a test can count whether a crawler requested them.
     */
    public List<String> disallowedSitemapPaths() {
        return drafts.paths();
    }

    public ShopCounters counters() {
        return stats.snapshot();
    }

    /** Requests by the client address they came from (a proxy's outgoing address), since start. */
    public java.util.Map<String, Long> requestsByClient() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        byClient.forEach((address, n) -> counts.put(address, n.sum()));
        return counts;
    }

    /** Connections that carried two different cookie-guard passes: two clients' (sessions') requests on one connection. */
    public long connectionsSharedByTwoPasses() {
        return sharedConnections.sum();
    }

    public void resetCounters() {
        stats.reset();
    }

    /** Requests to one path (with its query, except for product pages and the API), since start or reset. */
    public long requestsFor(String path) {
        long api = routes.apiId(path);
        if (api >= 0) {
            return stats.apiRequestsFor(api);
        }
        long id = routes.productId(path);
        return stats.requestsFor(id >= 0 ? "/p/" + id : path, id);
    }

    /** When the requests to one path started, epoch microseconds, first 16 only (shops of ≤ 20,000 products). */
    public List<Long> requestStarts(String path) {
        long api = routes.apiId(path);
        if (api >= 0) {
            return stats.startsOf(ProductApi.path(api));
        }
        long id = routes.productId(path);
        return stats.startsOf(id >= 0 ? "/p/" + id : path);
    }

    /** The fault injected by rate on this product page, if any (the test oracle). */
    public Optional<Fault> faultFor(String path) {
        long id = routes.productId(path);
        if (id < 0) {
            return Optional.empty();
        }
        for (Map.Entry<Fault, Double> e : config.faults.entrySet()) {
            if (Mix.unit(Mix.hash(config.site, id, 100 + e.getKey().ordinal())) < e.getValue()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Renders {@code pages} product pages without serving them, so the page code is compiled before requests come. */
    public void warmUp(int pages) {
        PageBuffer buffer = new PageBuffer();
        String base = baseUri.toString().substring(0, baseUri.toString().length() - 1);
        for (int i = 0; i < pages; i++) {
            buffer.reset();
            renderProduct(buffer, i % catalogue.size(), base);
        }
    }

    /** Appends product {@code id}'s page: its app shell when {@link #isJs(long) it is a JS product}, else the server-rendered page. */
    void renderProduct(PageBuffer b, long id, String base) {
        CatalogueProduct p = catalogue.product(id);
        if (isJs(id)) {
            appShell.render(b, p, base);
        } else {
            productPage.render(b, p, base);
        }
    }

    ProductPage productPage() {
        return productPage;
    }

    ListingPage listingPage() {
        return listingPage;
    }

    Drafts drafts() {
        return drafts;
    }

    /** The rate guard, or null when the shop has none. */
    RateGuard rateGuard() {
        return rateGuard;
    }

    /** What the rate guard saw, by client address; empty without one. */
    public Map<String, RateGuardCounts> guardCounts() {
        Map<String, RateGuardCounts> out = new java.util.TreeMap<>();
        if (rateGuard != null) {
            rateGuard.counts().forEach((a, c) -> out.put(a, new RateGuardCounts(c.requests(), c.bans(), c.challenges())));
        }
        return out;
    }

    /** Requests that came back with a cookie-guard pass that was banned before: a session used after its ban. */
    public long requestsOnABannedSession() {
        return rateGuard == null ? 0 : rateGuard.requestsAfterBan();
    }

    boolean guardCookie() {
        return config.guardCookie;
    }

    int throttleAbove() {
        return config.throttleAbove;
    }

    Duration crawlDelay() {
        return config.crawlDelay;
    }

    int faultAttempts() {
        return config.faultAttempts;
    }

    int retryAfterSeconds() {
        return config.retryAfterSeconds;
    }

    boolean compression() {
        return config.compression;
    }

    boolean conditional() {
        return config.conditional;
    }

    int sitemapChildSize() {
        return config.sitemapChildSize;
    }

    void sleepLatency() throws InterruptedException {
        long min = config.latencyMin.toNanos();
        long max = config.latencyMax.toNanos();
        long nanos = max > min ? ThreadLocalRandom.current().nextLong(min, max + 1) : min;
        if (nanos > 0) {
            Thread.sleep(Duration.ofNanos(nanos));
        }
    }

    private void accept(ServerSocket server) {
        while (!closed) {
            try {
                Socket socket = server.accept();
                stats.connection();
                Thread t = THREADS.newThread(() -> serve(socket));
                open.put(socket, t);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("demo shop: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(new Counting(socket.getOutputStream()), 64 * 1024);
            PageBuffer buffer = new PageBuffer();
            String pass = null; // the cookie guard's pass this connection has carried: a second one means two sessions shared it
            boolean shared = false;
            while (!closed) {
                Request request;
                try {
                    request = Request.read(in);
                } catch (Request.BadRequest e) {
                    Exchange x = new Exchange(new Request("GET", "/", "/", "", false, "", null, null, null), socket, out, buffer);
                    x.send(400, "text/plain; charset=utf-8", e.getMessage() + "\n");
                    return;
                }
                if (request == null) {
                    return;
                }
                byClient.computeIfAbsent(socket.getInetAddress().getHostAddress(), a -> new java.util.concurrent.atomic.LongAdder())
                        .increment();
                String carried = CookieGuard.pass(request);
                if (carried != null && !shared) {
                    if (pass != null && !pass.equals(carried)) {
                        shared = true;
                        sharedConnections.increment();
                    }
                    pass = carried;
                }
                Exchange x = new Exchange(request, socket, out, buffer);
                routes.handle(x);
                if (x.closeAfter || socket.isClosed()) {
                    return;
                }
            }
        } catch (SocketException | java.io.EOFException | javax.net.ssl.SSLException e) {
            // the client went away, did not trust the certificate, or the shop is closing: nothing to report
        } catch (IOException e) {
            if (!closed) {
                System.err.println("demo shop: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    /** Counts the bytes that reach the socket. */
    private final class Counting extends FilterOutputStream {
        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            stats.sent(len);
        }
    }

    /** Stops accepting, closes every connection (hung ones too) and returns when every shop thread has ended. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
            if (tlsServer != null) {
                tlsServer.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            acceptor.join();
            if (tlsAcceptor != null) {
                tlsAcceptor.join();
            }
            for (Map.Entry<Socket, Thread> e : open.entrySet()) {
                try {
                    e.getKey().close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                e.getValue().interrupt();
            }
            for (Thread t : open.values()) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a shop; {@link #start()} validates, binds and serves. */
    public static final class Builder {
        private String address = "127.0.0.1";
        private int port;
        private int site = 1;
        private long products = 10_000;
        private int day = 1;
        private String currency = "USD";
        private Markup markup = Markup.JSON_LD;
        private Integer jsShareAsked;
        private int jsShare;
        private Duration renderDelay = Duration.ofMillis(200);
        private PriceFormat priceFormat = PriceFormat.US;
        private Duration crawlDelay = Duration.ZERO;
        private int throttleAbove;
        private boolean guardCookie;
        private int guardRate;
        private Duration guardBan = Duration.ofSeconds(10);
        private Duration latencyMin = Duration.ZERO;
        private Duration latencyMax = Duration.ZERO;
        private final Map<Fault, Double> faults = new EnumMap<>(Fault.class);
        private int faultAttempts = 1;
        private int retryAfterSeconds = 1;
        private int sitemapChildSize = 50_000;
        private boolean compression;
        private boolean conditional = true;
        private java.nio.file.Path tlsCertificate;
        private int tlsPort;

        private Builder() {}

        /**
         * Also serves the shop over HTTPS, on a port of its own ({@link DemoShop#httpsUri()}), with a
         * self-signed certificate for its address made at start and written (PEM) to {@code certificate}.
         */
        public Builder tls(java.nio.file.Path certificate) {
            this.tlsCertificate = certificate;
            return this;
        }

        /** The HTTPS port with {@link #tls}; 0 (the default) picks a free one. */
        public Builder tlsPort(int port) {
            this.tlsPort = port;
            return this;
        }

        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Seeds the catalogue: shops with different sites have different products. */
        public Builder site(int site) {
            this.site = site;
            return this;
        }

        public Builder products(long products) {
            this.products = products;
            return this;
        }

        /** Prices change from day to day (about 30 % of them differ from day 1's). */
        public Builder day(int day) {
            this.day = day;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** How product pages state their product for machines (default {@link Markup#JSON_LD}). */
        public Builder markup(Markup markup) {
            this.markup = markup;
            return this;
        }

        /**
         * The share of products, 0 to 100 percent, whose pages are {@link Markup#JS} app shells, chosen
         * by a hash of (site, id) ({@link DemoShop#isJs(long)}); the others' pages are server-rendered
         * JSON-LD pages, and the catalogue is the same either way. Default 100 in a {@link Markup#JS}
         * shop, 0 otherwise; only a JS or {@link Markup#JSON_LD} shop can have JS pages.
         */
        public Builder jsShare(int percent) {
            this.jsShareAsked = percent;
            return this;
        }

        /** How long an app shell's script waits ({@code setTimeout}) before it fetches its product (default 200 ms). */
        public Builder renderDelay(Duration delay) {
            this.renderDelay = delay;
            return this;
        }

        /** The markup that states the product once the page is rendered: a JS shop's is JSON-LD's. */
        Markup structured() {
            return markup == Markup.JS ? Markup.JSON_LD : markup;
        }

        /** How pages show prices to shoppers (default {@link PriceFormat#US}). */
        public Builder priceFormat(PriceFormat priceFormat) {
            this.priceFormat = priceFormat;
            return this;
        }

        /**
         * Product pages only for clients that keep cookies, as a bot manager's cookie check lets them
         * through: a request without the shop's cookie gets a 302 that sets it, to the page with
         * {@code ?pass=1}; that request, with the cookie, is sent back to the page, and without it gets
         * a 200 challenge page (Cloudflare's markers). {@code counters().byStatus()} counts the 302s.
         */
        public Builder guardRate(int perSecond, Duration ban) {
            this.guardRate = perSecond;
            this.guardBan = ban;
            return this;
        }

        public Builder guardCookie(boolean guard) {
            this.guardCookie = guard;
            return this;
        }

        /**
         * A product page requested while more than {@code requests} are being served gets a 429
         * with no Retry-After (default 0: never), as a shop at its capacity answers.
         */
        public Builder throttleAbove(int requests) {
            this.throttleAbove = requests;
            return this;
        }

        /** A Crawl-delay for every crawler in robots.txt, in seconds there; zero (the default) leaves it out. */
        public Builder crawlDelay(Duration crawlDelay) {
            this.crawlDelay = crawlDelay;
            return this;
        }

        public Builder latency(Duration fixed) {
            return latency(fixed, fixed);
        }

        /** Latency drawn uniformly from [min, max] for each request. */
        public Builder latency(Duration min, Duration max) {
            this.latencyMin = min;
            this.latencyMax = max;
            return this;
        }

        /** Injects {@code kind} on this share of product pages (0 to 1). */
        public Builder fault(Fault kind, double rate) {
            this.faults.put(kind, rate);
            return this;
        }

        /** How many requests to a faulty page fail before it serves normally (default 1). */
        public Builder faultAttempts(int attempts) {
            this.faultAttempts = attempts;
            return this;
        }

        public Builder retryAfterSeconds(int seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        public Builder sitemapChildSize(int size) {
            this.sitemapChildSize = size;
            return this;
        }

        public Builder compression(boolean compression) {
            this.compression = compression;
            return this;
        }

        /** Whether pages carry ETag and Last-Modified and answer matching requests with 304 (default true). */
        public Builder conditional(boolean conditional) {
            this.conditional = conditional;
            return this;
        }

        /** Validates, binds the address and starts serving. */
        public DemoShop start() {
            check(products >= 1 && products <= Integer.MAX_VALUE - 8, "products must be between 1 and " + (Integer.MAX_VALUE - 8) + ", was " + products);
            check(port >= 0 && port <= 65535, "port must be between 0 and 65535, was " + port);
            check(tlsPort >= 0 && tlsPort <= 65535, "tlsPort must be between 0 and 65535, was " + tlsPort);
            check(currency != null && currency.matches("[A-Z]{3}"), "currency must be an ISO 4217 code such as USD, was " + currency);
            check(markup != null, "markup must be one of " + List.of(Markup.values()) + ", was null");
            jsShare = jsShareAsked != null ? jsShareAsked : markup == Markup.JS ? 100 : 0;
            check(jsShare >= 0 && jsShare <= 100, "jsShare must be between 0 and 100 (percent), was " + jsShare);
            check(jsShare == 0 || markup == Markup.JS || markup == Markup.JSON_LD,
                    "jsShare needs markup JS or JSON_LD (a JS page renders JSON-LD), was markup " + markup + " with jsShare " + jsShare);
            check(renderDelay != null && !renderDelay.isNegative(), "renderDelay must be ≥ 0, was " + renderDelay);
            check(priceFormat != null, "priceFormat must be one of " + List.of(PriceFormat.values()) + ", was null");
            check(crawlDelay != null && !crawlDelay.isNegative(), "crawlDelay must be ≥ 0, was " + crawlDelay);
            check(throttleAbove >= 0, "throttleAbove must be ≥ 0, was " + throttleAbove);
            check(guardRate >= 0, "guardRate must be ≥ 0, was " + guardRate);
            check(guardBan != null && !guardBan.isNegative() && !guardBan.isZero(), "guardBan must be a positive duration, was " + guardBan);
            check(latencyMin != null && latencyMax != null && !latencyMin.isNegative() && latencyMax.compareTo(latencyMin) >= 0,
                    "latency must be ≥ 0 with max ≥ min, was " + latencyMin + ".." + latencyMax);
            faults.forEach((k, r) -> check(r >= 0 && r <= 1, "fault rate of " + k + " must be between 0 and 1, was " + r));
            check(faultAttempts >= 0, "faultAttempts must be ≥ 0, was " + faultAttempts);
            check(retryAfterSeconds >= 0, "retryAfterSeconds must be ≥ 0, was " + retryAfterSeconds);
            check(sitemapChildSize >= 1 && sitemapChildSize <= 50_000, "sitemapChildSize must be between 1 and 50000, was " + sitemapChildSize);
            try {
                return new DemoShop(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
            }
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
