package dev.trawl.internal.extract;

import dev.trawl.extract.Extractor;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import java.util.List;

/**
 * Every kind of structured product data on a page, most trusted first: JSON-LD; if it gives no
 * product, microdata; if none, OpenGraph. When the source used gives exactly one product and a
 * less trusted one also describes exactly one, that one fills the fields the first lacks
 * ({@link Product#orElse}), unless both state SKUs and they differ (then they are not the same
 * product). As {@code orElse} keeps a price with its own currency, a price without a currency
 * takes the other's currency only when the other states the same price. Most pages are JSON-LD
 * pages: they are scanned for microdata and meta tags in their raw text, and a DOM is built only
 * when the page has microdata. Stateless and thread-safe.
 */
public final class ProductPipeline implements Extractor {
    private final JsonLdProductExtractor jsonLd;
    private final MicrodataProductExtractor microdata;
    private final OpenGraphProductExtractor openGraph;

    public ProductPipeline(JsonLdProductExtractor jsonLd, MicrodataProductExtractor microdata, OpenGraphProductExtractor openGraph) {
        this.jsonLd = jsonLd;
        this.microdata = microdata;
        this.openGraph = openGraph;
    }

    @Override
    public List<Product> extract(Page page) {
        PageSource source = PageSource.of(page);
        List<Product> products = jsonLd.extract(source);
        boolean fromJsonLd = !products.isEmpty();
        if (!fromJsonLd) {
            products = microdata.extract(source);
        }
        if (products.isEmpty()) {
            return openGraph.extract(source);
        }
        if (products.size() != 1) {
            return products;
        }
        Product product = products.getFirst();
        if (fromJsonLd) {
            product = fill(product, microdata.extract(source));
        }
        return List.of(fill(product, openGraph.extract(source)));
    }

    /** The product with the fields it lacks taken from the other reading, when there is exactly one and it is the same product. */
    static Product fill(Product product, List<Product> others) {
        if (others.size() != 1) {
            return product;
        }
        Product other = others.getFirst();
        if (product.sku() != null && other.sku() != null && !product.sku().equals(other.sku())) {
            return product;
        }
        if (product.price() != null && product.currency() == null && other.currency() != null && other.price() != null
                && other.price().compareTo(product.price()) == 0) {
            product = product.toBuilder().currency(other.currency()).build();
        }
        return product.orElse(other);
    }
}
