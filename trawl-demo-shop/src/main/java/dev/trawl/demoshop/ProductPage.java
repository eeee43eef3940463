package dev.trawl.demoshop;

/**
 * A shop's product pages in its markup and price format, each exactly its product's
 * {@link CatalogueProduct#pageBytes()} long whatever the markup. The shared boilerplate of
 * {@link Pages} makes up most of a page; a page writes only its product's own parts.
 */
final class ProductPage {
    /** More than the specs, JSON-LD (a product group's with its three variants too) and footer after the description can take. */
    private static final int TAIL_BOUND = Pages.FOOTER.length + 4_000;
    /** The smallest padding comment, {@code <!--x-->}. */
    private static final int MIN_PAD = 8;
    private static final byte[] PAD_OPEN = Pages.bytes("<!--");
    private static final byte[] PAD_CLOSE = Pages.bytes("-->");
    /** Comment text for padding: letters and spaces, never "--". */
    private static final byte[] PAD = Pages.bytes("padding ".repeat(1024));

    private final Markup markup;
    private final PriceFormat prices;
    private final String seller;

    ProductPage(Markup markup, PriceFormat prices, String seller) {
        this.markup = markup;
        this.prices = prices;
        this.seller = seller;
    }

    /** Appends the page of {@code p}; {@code base} is the shop's URL without its final slash. */
    void render(PageBuffer b, CatalogueProduct p, String base) {
        int target = b.length + p.pageBytes();
        String url = base + p.path();
        String name = Pages.html(p.name());
        Pages.open(b, name + " | Demo Shop");
        b.add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"description\" content=\"")
                .add(name).add(" by ").add(Pages.html(p.brand())).add("\">\n<link rel=\"canonical\" href=\"").add(url).add("\">\n");
        if (markup != Markup.PLAIN) {
            b.add("<meta property=\"og:type\" content=\"product\"><meta property=\"og:title\" content=\"").add(name)
                    .add("\"><meta property=\"og:url\" content=\"").add(url).add("\">\n");
        }
        if (markup == Markup.JSON_LD) {
            b.add("<meta property=\"product:price:amount\" content=\"").add(p.price().toPlainString())
                    .add("\"><meta property=\"product:price:currency\" content=\"").add(p.currency()).add("\">\n");
        }
        b.add(Pages.HEAD_END).add(Pages.NAV)
                .add("<main id=\"main\"><ol class=\"breadcrumbs\"><li><a href=\"/\">Home</a></li><li><a href=\"/c/").add(p.category())
                .add("?page=1\">").add(p.categoryLabel()).add("</a></li><li>").add(name).add("</li></ol>\n");
        ProductBox.write(b, p, markup, prices);
        b.add("<section class=\"description\">");
        int padAt = describe(b, p, target);
        b.add("</section>\n<table class=\"specs\"><tr><th>Brand</th><td>").add(Pages.html(p.brand()))
                .add("</td></tr><tr><th>Category</th><td>").add(p.category()).add("</td></tr><tr><th>Item</th><td>").add(p.id())
                .add("</td></tr></table>\n");
        if (markup == Markup.JSON_LD) {
            b.add(ProductJsonLd.script(p, url, seller));
        }
        b.add("</main>\n").add(Pages.FOOTER);
        pad(b, padAt, target, p);
    }

    /**
     * Paragraphs and reviews fill the description while the rest of the page surely fits (its
     * bound is TAIL_BOUND); returns where the padding goes, before {@code </section>}.
     */
    private static int describe(PageBuffer b, CatalogueProduct p, int target) {
        long h = Mix.hash(p.id(), 17, 3);
        for (int i = 0; ; i++) {
            byte[] next = i % 3 == 2 ? Pages.REVIEWS[Mix.pick(h, i, Pages.REVIEWS.length)]
                    : Pages.PARAGRAPHS[Mix.pick(h, i, Pages.PARAGRAPHS.length)];
            if (b.length + next.length + TAIL_BOUND + MIN_PAD > target) {
                return b.length;
            }
            b.add(next);
        }
    }

    /** An HTML comment at {@code padAt} that brings the page to exactly {@code target} bytes. */
    private static void pad(PageBuffer b, int padAt, int target, CatalogueProduct p) {
        int pad = target - b.length;
        if (pad < MIN_PAD || pad > PAD.length + 7) {
            throw new IllegalStateException("page of " + p.path() + " cannot be padded to " + p.pageBytes() + " bytes: pad " + pad);
        }
        b.insert(padAt, pad);
        System.arraycopy(PAD_OPEN, 0, b.bytes, padAt, 4);
        System.arraycopy(PAD, 0, b.bytes, padAt + 4, pad - 7);
        System.arraycopy(PAD_CLOSE, 0, b.bytes, padAt + pad - 3, 3);
    }
}
