// The Crawlee peer of bench/render-peers/run.py: a PlaywrightCrawler over a URL list in Debian's Chromium
// (launchContext.launchOptions.executablePath; Playwright's own browser download is never used), C pages
// at once (min = max = desired concurrency, so that the autoscaled pool neither starts low nor backs off
// on a busy machine). Images, fonts, media and stylesheets are aborted by a route (set in a
// preNavigationHook, as Crawlee opens a page per request); the handler waits for the JSON-LD script to be
// attached, reads the page's HTML (parseWithCheerio: page.content()) and pushes name, sku, price and
// currency to the default Dataset, written out as JSON lines when the crawl ends. Everything else is
// Crawlee's default: its browser pool (a new page per request in the browser's context, a browser retired
// after 100 pages), fingerprints, persistence under CRAWLEE_STORAGE_DIR.
//
//     node crawl.mjs URLS OUT CONCURRENCY RETRIES TIMEOUT_SECONDS CHROMIUM
import { readFileSync, createWriteStream } from 'node:fs';
import { PlaywrightCrawler, Dataset, log } from 'crawlee';
import { chromium } from 'playwright';

const [source, out, concurrency, retries, timeout, executablePath] = process.argv.slice(2);
log.setLevel(log.LEVELS.WARNING);
const urls = readFileSync(source, 'utf8').split('\n').map((u) => u.trim()).filter(Boolean);
const BLOCKED = new Set(['image', 'font', 'media', 'stylesheet']);
const JSON_LD = 'script[type="application/ld+json"]';
// trawl's Chromium flags that Playwright does not set itself
const args = ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-extensions', '--disable-default-apps', '--mute-audio', '--disable-breakpad',
    '--password-store=basic', '--use-mock-keychain', '--no-first-run', '--no-default-browser-check'];

const crawler = new PlaywrightCrawler({
    launchContext: { launcher: chromium, launchOptions: { executablePath, headless: true, args } },
    headless: true,
    minConcurrency: Number(concurrency),
    maxConcurrency: Number(concurrency),
    autoscaledPoolOptions: { desiredConcurrency: Number(concurrency) },
    maxRequestRetries: Number(retries),
    navigationTimeoutSecs: Number(timeout),
    requestHandlerTimeoutSecs: Number(timeout),
    preNavigationHooks: [
        async ({ page }) => {
            await page.route('**/*', (route) => (BLOCKED.has(route.request().resourceType()) ? route.abort() : route.continue()));
        },
    ],
    async requestHandler({ request, page, parseWithCheerio }) {
        await page.waitForSelector(JSON_LD, { state: 'attached', timeout: Number(timeout) * 1000 });
        const $ = await parseWithCheerio();
        for (const script of $(JSON_LD).toArray()) {
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
