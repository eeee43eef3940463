package dev.trawl.bench;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.extract.Availability;
import dev.trawl.extract.Product;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.store.SqliteCrawlStore;
import dev.trawl.internal.store.StoreBackend;
import dev.trawl.internal.store.StoreBatch;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Products per second the store writer commits to SQLite, on one thread as in a crawl: each
 * operation is one transaction of a steady-state batch: {@value #BATCH} new frontier rows, and
 * {@value #BATCH} requests ended with one product each (the product line, its diff columns, the
 * outcome). Scores are products per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = "--enable-native-access=ALL-UNNAMED")
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class StoreWriteBenchmark {
    static final int BATCH = 500;

    @Param({"sqlite"})
    public String store;

    private Path dir;
    private StoreBackend crawlStore;
    private long run;
    private long next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("trawl-store-bench");
        crawlStore = SqliteCrawlStore.open(dir.resolve("bench.db"), true);
        run = crawlStore.begin("bench").id();
        crawlStore.commit(new StoreBatch(run, inserts(0), List.of(), List.of(), false, false));
        next = BATCH;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        crawlStore.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void commitBatch() {
        long from = next;
        crawlStore.commit(new StoreBatch(run, inserts(from), ended(from - BATCH), List.of(), false, false));
        next = from + BATCH;
    }

    private static URI url(long id) {
        return URI.create("http://127.0.0.2:8080/p/" + id + "/product-name-" + id);
    }

    private static List<StoreBatch.Insert> inserts(long from) {
        List<StoreBatch.Insert> list = new ArrayList<>(BATCH);
        for (long id = from; id < from + BATCH; id++) {
            list.add(new StoreBatch.Insert(url(id).toString(), CrawlRequest.of(url(id), "urls.txt:" + id)));
        }
        return list;
    }

    private static List<StoreBatch.Ended> ended(long from) {
        List<StoreBatch.Ended> list = new ArrayList<>(BATCH);
        for (long id = from; id < from + BATCH; id++) {
            URI url = url(id);
            Product p = Product.builder().url(url).canonicalUrl(url.toString()).name("Product number " + id).brand("Acme")
                    .sku("SKU-" + id).gtin("0000000" + id).price(new BigDecimal("129.99")).currency("USD")
                    .listPrice(new BigDecimal("149.00")).availability(Availability.parse("InStock"))
                    .images(List.of("http://127.0.0.2:8080/img/" + id + ".jpg")).category(List.of("Home", "Kitchen"))
                    .rating(new BigDecimal("4.5")).reviewCount(12).seller("Acme Shop").source("json-ld").build();
            CrawlResult result = new CrawlResult(url, "urls.txt:" + id, url.toString(),
                    new Outcome.Done(200, 40_000, Duration.ofMillis(5), 1, url), List.of(p), Instant.now());
            list.add(new StoreBatch.Ended(url.toString(), CrawlRequest.of(url, "urls.txt:" + id), result,
                    new Validators("\"" + Long.toHexString(id) + "\"", "Wed, 25 Nov 2026 10:00:00 GMT")));
        }
        return list;
    }
}
