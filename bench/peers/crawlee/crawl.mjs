// The Crawlee peer: a CheerioCrawler over a URL list, JSON-LD read with Cheerio, items pushed to
// the default Dataset (Crawlee's own persistence, under CRAWLEE_STORAGE_DIR), written out as JSON
// lines when the crawl ends.
//
//     node crawl.mjs URLS OUT CONCURRENCY RETRIES TIMEOUT_SECONDS
//     node crawl.mjs SITEMAP_URL OUT CONCURRENCY RETRIES TIMEOUT_SECONDS INCLUDE_REGEX
//
// Given a sitemap's URL, the pages come from Crawlee's Sitemap.load (as its "Crawl a sitemap"
// example does it: it follows an index's children, gzipped or not), those INCLUDE_REGEX finds.
import { readFileSync, createWriteStream } from 'node:fs';
import { CheerioCrawler, Dataset, Sitemap, log } from 'crawlee';

const [source, out, concurrency, retries, timeout, include] = process.argv.slice(2);
log.setLevel(log.LEVELS.WARNING);
const product = new RegExp(include ?? '');
const urls = /^https?:/.test(source)
    ? (await Sitemap.load(source)).urls.filter((u) => product.test(u))
    : readFileSync(source, 'utf8').split('\n').map((u) => u.trim()).filter(Boolean);

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
