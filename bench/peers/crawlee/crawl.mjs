// The Crawlee peer: a CheerioCrawler over a URL list, JSON-LD read with Cheerio, items pushed to
// the default Dataset (Crawlee's own persistence, under CRAWLEE_STORAGE_DIR), written out as JSON
// lines when the crawl ends.
//
//     node crawl.mjs URLS OUT CONCURRENCY RETRIES TIMEOUT_SECONDS
import { readFileSync, createWriteStream } from 'node:fs';
import { CheerioCrawler, Dataset, log } from 'crawlee';

const [urlsFile, out, concurrency, retries, timeout] = process.argv.slice(2);
const urls = readFileSync(urlsFile, 'utf8').split('\n').map((u) => u.trim()).filter(Boolean);
log.setLevel(log.LEVELS.WARNING);

const crawler = new CheerioCrawler({
    // C from the start: CheerioCrawler's pool otherwise starts at 10 whatever minConcurrency says, and
    // grows 5% every 10 s
    minConcurrency: Number(concurrency),
    maxConcurrency: Number(concurrency),
    autoscaledPoolOptions: { desiredConcurrency: Number(concurrency) },
    maxRequestRetries: Number(retries),
    navigationTimeoutSecs: Number(timeout),
    requestHandlerTimeoutSecs: Number(timeout),
    async requestHandler({ request, $ }) {
        for (const script of $('script[type="application/ld+json"]').toArray()) {
            const data = JSON.parse($(script).text());
            if (data['@type'] !== 'Product' && data['@type'] !== 'ProductGroup') continue;
            let offer = data.offers ?? data.hasVariant?.[0]?.offers ?? {};
            if (Array.isArray(offer)) offer = offer[0];
            await Dataset.pushData({
                url: request.url, name: data.name, sku: data.sku, price: offer.price, currency: offer.priceCurrency,
            });
        }
    },
});

const stats = await crawler.run(urls);
const file = createWriteStream(out);
await (await Dataset.open()).forEach((item) => { file.write(`${JSON.stringify(item)}\n`); });
await new Promise((resolve) => file.end(resolve));
console.error(`done ${stats.requestsFinished}, failed ${stats.requestsFailed}, retries ${stats.retryHistogram?.length ?? 0}`);
