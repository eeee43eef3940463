#!/usr/bin/env python3
"""The aiohttp peer: the seed story's scraper (Semaphore + TCPConnector(limit=C) + gather), with the
retry loop and JSON-LD extraction a competent user adds. Run with Debian's python3 (python3-aiohttp).

    /usr/bin/python3 aiohttp_peer.py URLS OUT --concurrency C --retries R --timeout S
"""
import argparse
import asyncio
import email.utils
import json
import re
import sys
import time

import aiohttp

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
RETRY_STATUSES = {408, 429, 500, 502, 503, 504}


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


async def main(args):
    with open(args.urls) as f:
        urls = [line.strip() for line in f if line.strip()]
    semaphore = asyncio.Semaphore(args.concurrency)
    connector = aiohttp.TCPConnector(limit=args.concurrency)
    timeout = aiohttp.ClientTimeout(total=args.timeout)
    with open(args.out, "w") as out:
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            results = await asyncio.gather(*[fetch(session, semaphore, u, out, args) for u in urls])
    print(f"done {sum(results)}, failed {len(results) - sum(results)}", file=sys.stderr)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("urls")
    p.add_argument("out")
    p.add_argument("--concurrency", type=int, default=20)
    p.add_argument("--retries", type=int, default=3)
    p.add_argument("--timeout", type=float, default=10)
    asyncio.run(main(p.parse_args()))
