package dev.trawl.internal.extract;

import dev.trawl.internal.text.Prices;

import dev.trawl.extract.Availability;
import dev.trawl.extract.Condition;
import dev.trawl.extract.Product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The product an OpenGraph page describes, from its {@code og:} and {@code product:} meta tags
 * ({@link OpenGraphMeta}, no DOM), with source {@code opengraph}. A page describes a product
 * when its {@code og:type} is {@code product} (or {@code product.item}) or it states a product
 * price ({@code product:price:amount}, {@code og:price:amount}); else it gives none. Read:
 * {@code og:title} (name), {@code og:url} (canonical URL), every {@code og:image}, the price and
 * currency ({@code product:price:*}, else {@code og:price:*}; a lower
 * {@code product:sale_price:amount} is the price and the other the list price),
 * {@code product:availability}, {@code product:condition}, {@code product:brand},
 * {@code product:retailer_item_id} (sku), {@code product:mfr_part_no} (mpn) and
 * {@code product:gtin}/{@code ean}/{@code upc}. Stateless and thread-safe.
 */
public final class OpenGraphProductExtractor implements SourceExtractor {
    static final String SOURCE = "opengraph";

    @Override
    public List<Product> extract(PageSource source) {
        return read(source).stream().map(ProductReading::product).toList();
    }

    /** The page's product, if it describes one, as a reading without a node id. */
    List<ProductReading> read(PageSource source) {
        OpenGraphMeta meta = OpenGraphMeta.of(source);
        String type = meta.first("og:type");
        String amount = meta.first("product:price:amount", "og:price:amount");
        boolean product = type != null && (type.equalsIgnoreCase("product") || type.equalsIgnoreCase("product.item"));
        if (!product && amount == null) {
            return List.of();
        }
        BigDecimal price = Prices.parse(amount);
        String currency = Prices.currency(meta.first("product:price:currency", "og:price:currency"));
        BigDecimal listPrice = null;
        BigDecimal sale = Prices.parse(meta.first("product:sale_price:amount"));
        String saleCurrency = Prices.currency(meta.first("product:sale_price:currency"));
        boolean sameCurrency = saleCurrency == null || currency == null || saleCurrency.equals(currency);
        if (sale != null && sameCurrency && (price == null || sale.compareTo(price) < 0)) {
            listPrice = price;
            price = sale;
            currency = currency != null ? currency : saleCurrency;
        }
        return List.of(new ProductReading(Product.builder().url(source.url()).canonicalUrl(WebUrls.absolute(source.url(), meta.first("og:url")))
                .name(meta.first("og:title")).brand(meta.first("product:brand", "og:brand"))
                .sku(meta.first("product:retailer_item_id", "product:sku"))
                .gtin(Gtin.digits(meta.first("product:gtin", "product:ean", "product:upc"))).mpn(meta.first("product:mfr_part_no"))
                .price(price).currency(currency).listPrice(listPrice)
                .availability(Availability.parse(meta.first("product:availability", "og:availability")))
                .condition(Condition.parse(meta.first("product:condition", "og:condition")))
                .images(images(source, meta)).source(SOURCE).build(), null));
    }

    private static List<String> images(PageSource source, OpenGraphMeta meta) {
        List<String> images = new ArrayList<>(2);
        for (String ref : meta.all("og:image", "og:image:url")) {
            WebUrls.addAbsolute(images, source.url(), ref);
        }
        return images;
    }
}
