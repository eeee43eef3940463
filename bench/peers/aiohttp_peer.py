#!/usr/bin/env python3
"""The aiohttp peer: the seed story's scraper (Semaphore + TCPConnector(limit=C) + gather), with the
retry loop and JSON-LD extraction a competent user adds. Run with Debian's python3 (python3-aiohttp).

    /usr/bin/python3 aiohttp_peer.py URLS OUT --concurrency C --retries R --timeout S
    /usr/bin/python3 aiohttp_peer.py SITEMAP_URL --sitemap --include REGEX OUT ...

With --sitemap the script reads the sitemap itself: the index's children fetched at once (gunzipped
when gzipped), each parsed with xml.etree, the page URLs REGEX finds kept, then the same fetches.
"""
import argparse
import asyncio
import email.utils
import gzip
import json
import re
import sys
import time
import xml.etree.ElementTree as ET

import aiohttp

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
RETRY_STATUSES = {408, 429, 500, 502, 503, 504}
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def products(html, url):
    """name, sku, price and currency of each schema.org Product (or ProductGroup: its first variant's offer)."""
    for block in LD_JSON.findall(html):
        data = json.loads(block)
        if data.get("@type") not in ("Product", "ProductGroup"):
            continue
        offer = data.get("offers") or (data.get("hasVariant") or [{}])[0].get("offers") or {}
        if isinstance(offer, list):
            offer = offer[0]
        yield {"url": url, "name": data.get("name"), "sku": data.get("sku"),
               "price": offer.get("price"), "currency": offer.get("priceCurrency")}


def retry_after(value, attempt):
    """Seconds to wait: the Retry-After header (seconds or an HTTP date), else exponential backoff."""
    if value:
        if value.isdigit():
            return int(value)
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    return 0.5 * 2 ** attempt


async def fetch(session, semaphore, url, out, args):
    async with semaphore:
        for attempt in range(args.retries + 1):
            try:
                async with session.get(url) as resp:
                    if resp.status in RETRY_STATUSES and attempt < args.retries:
                        await asyncio.sleep(retry_after(resp.headers.get("Retry-After"), attempt))
                        continue
                    resp.raise_for_status()
                    html = await resp.text()
                for p in products(html, url):
                    out.write(json.dumps(p, ensure_ascii=False) + "\n")
                return True
            except (aiohttp.ClientError, asyncio.TimeoutError) as e:
                if attempt == args.retries:
                    print(f"Request failed {url}: {e!r}", file=sys.stderr)
                    return False
                await asyncio.sleep(0.5 * 2 ** attempt)
        return False


async def sitemap_urls(session, url, include):
    """The page URLs a sitemap lists (an index's children's, fetched at once) that `include` finds."""
    async with session.get(url) as resp:
        resp.raise_for_status()
        body = await resp.read()
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    root = ET.fromstring(body)
    if root.tag == SM + "sitemapindex":
        children = await asyncio.gather(*[sitemap_urls(session, loc.text.strip(), include)
                                          for loc in root.iter(SM + "loc")])
        return [u for child in children for u in child]
    return [loc.text.strip() for loc in root.iter(SM + "loc") if include.search(loc.text.strip())]


async def main(args):
    semaphore = asyncio.Semaphore(args.concurrency)
    connector = aiohttp.TCPConnector(limit=args.concurrency)
    timeout = aiohttp.ClientTimeout(total=args.timeout)
    with open(args.out, "w") as out:
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            if args.sitemap:
                urls = await sitemap_urls(session, args.urls, re.compile(args.include))
            else:
                with open(args.urls) as f:
                    urls = [line.strip() for line in f if line.strip()]
            results = await asyncio.gather(*[fetch(session, semaphore, u, out, args) for u in urls])
    print(f"done {sum(results)}, failed {len(results) - sum(results)}", file=sys.stderr)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("urls", help="a file of URLs, a line each, or with --sitemap a sitemap's URL")
    p.add_argument("out")
    p.add_argument("--sitemap", action="store_true")
    p.add_argument("--include", default="", help="with --sitemap, the page URLs to keep (a regex)")
    p.add_argument("--concurrency", type=int, default=20)
    p.add_argument("--retries", type=int, default=3)
    p.add_argument("--timeout", type=float, default=10)
    asyncio.run(main(p.parse_args()))
