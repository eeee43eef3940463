package dev.trawl.internal.extract;

import dev.trawl.extract.Product;

import java.util.List;

/**
 * schema.org products from a page's microdata ({@code itemscope itemtype=".../Product"}, http or
 * https, any of the product types), read to the same full record as JSON-LD with source
 * {@code microdata}: the items are read into JSON-LD-shaped nodes ({@link MicrodataItems}) and
 * from there exactly as JSON-LD is (one product described twice gives one record). Reading microdata needs a DOM (jsoup), so a page is parsed
 * only when its raw text contains {@code itemscope}: most pages never pay for one. Stateless and
 * thread-safe.
 */
public final class MicrodataProductExtractor implements SourceExtractor {
    static final String SOURCE = "microdata";

    @Override
    public List<Product> extract(PageSource source) {
        return ProductMerge.within(read(source)).stream().map(ProductReading::product).toList();
    }

    /** Every product reading of the page, in document order, not merged. */
    List<ProductReading> read(PageSource source) {
        if (!mayHaveItems(source)) {
            return List.of();
        }
        ProductNodes nodes = new ProductNodes();
        nodes.add(MicrodataItems.of(source.document()));
        return nodes.products.isEmpty() ? List.of() : ProductNodeReader.read(nodes, source.url(), SOURCE);
    }

    /** The cheap test on the raw text: no {@code itemscope} attribute, no items. Attribute names in capitals are not looked for. */
    static boolean mayHaveItems(PageSource source) {
        return source.markup().contains("itemscope");
    }
}
