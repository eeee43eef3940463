package dev.trawl.internal.extract;

import dev.trawl.extract.Extractor;
import dev.trawl.Extractors;
import dev.trawl.extract.Page;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A rough measure of extraction cost per page, NOT a benchmark (JMH does that: trawl-bench, run by bench/jmh.sh): run
 * {@code main} from the IDE, or {@code java -cp <test and main classpath> dev.trawl.extract.JsonLdExtractionMeasure}.
 * Pads the fixture pages to ~40 KB of ordinary markup, the size of a real product page.
 */
final class JsonLdExtractionMeasure {
    private JsonLdExtractionMeasure() {}

    public static void main(String[] args) {
        Extractor extractor = Extractors.jsonLdProducts();
        for (String name : List.of("shopify-product.html", "woocommerce-product.html")) {
            String html = new String(ShopPagesTest.fixture(name), StandardCharsets.UTF_8);
            int at = html.indexOf("<body");
            StringBuilder padding = new StringBuilder();
            while (padding.length() < 36_000) {
                padding.append("<div class=\"review\"><p class=\"author\">Jo\u00eblle</p><p>Fits well &amp; washes well. 5 < 6 stars.</p>"
                        + "<a href=\"/products/other?variant=12\">Other</a></div>\n");
            }
            byte[] body = (html.substring(0, at) + padding + html.substring(at)).getBytes(StandardCharsets.UTF_8);
            Page page = new Page(URI.create("https://shop.test/p"), 200, "text/html; charset=utf-8", body);
            for (int round = 0; round < 5; round++) {
                int n = 20_000;
                long sink = 0;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += extractor.extract(page).size();
                }
                long perPage = (System.nanoTime() - start) / n;
                System.out.printf("%s, %d bytes: %.1f us/page (%d products)%n", name, body.length, perPage / 1000.0, sink / n);
            }
        }
    }
}
