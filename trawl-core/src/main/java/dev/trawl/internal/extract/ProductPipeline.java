package dev.trawl.internal.extract;

import dev.trawl.extract.Extractor;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import java.util.List;

/**
 * Every kind of structured product data on a page, most trusted first: JSON-LD; if it gives no
 * product, microdata; if none, OpenGraph. One record per product: readings of one product (two
 * JSON-LD blocks, or JSON-LD beside microdata; same {@code @id}, else SKU, else name and URL, see
 * {@link SameProduct}) are merged field by field, the more trusted source's fields kept and the
 * others filling what it lacks ({@link ProductMerge}). Readings of a less trusted source that
 * match no product of the source used are left out; when both read exactly one product, they are
 * merged unless they state different SKUs. Most pages are JSON-LD pages: they are scanned for
 * microdata and meta tags in their raw text, and a DOM is built only when the page has microdata.
 * Stateless and thread-safe.
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
        List<ProductReading> products = ProductMerge.within(jsonLd.read(source));
        List<ProductReading> fromMicrodata = ProductMerge.within(microdata.read(source));
        products = products.isEmpty() ? fromMicrodata : ProductMerge.fill(products, fromMicrodata);
        List<ProductReading> fromOpenGraph = openGraph.read(source);
        products = products.isEmpty() ? fromOpenGraph : ProductMerge.fill(products, fromOpenGraph);
        return products.stream().map(ProductReading::product).toList();
    }
}
