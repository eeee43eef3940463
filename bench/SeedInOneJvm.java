import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The seed scenario three times in one JVM, each with a fresh engine and HTTP client: the first
 * run pays for cold code, the later ones show what the engine itself costs. Run by bench/run.py:
 * {@code java -cp trawl.jar bench/SeedInOneJvm.java URLS_FILE}.
 */
public class SeedInOneJvm {
    public static void main(String[] args) throws Exception {
        for (int run = 1; run <= 3; run++) {
            try (Crawl crawl = Trawl.crawl().seeds(Seeds.file(Path.of(args[0]))).concurrency(20).perHost(20, Duration.ZERO)
                    .obeyRobots(false).start()) {
                System.out.println(crawl.await().elapsed().toNanos() / 1e9);
            }
        }
    }
}
