#!/usr/bin/env python3
"""The Scrapy peer: a spider over a URL list, JSON-LD read with Scrapy's selectors, items to a
jsonlines feed, run by a CrawlerProcess. Run with Debian's python3 (python3-scrapy).

    /usr/bin/python3 scrapy_peer.py URLS OUT --concurrency C --retries R --timeout S
    /usr/bin/python3 scrapy_peer.py SITEMAP_URL --sitemap --include REGEX OUT ...

With --sitemap the spider is a SitemapSpider: sitemap_urls = [SITEMAP_URL], sitemap_rules =
[(REGEX, "parse")]; it follows the index's children (gzipped or not) itself.
"""
import argparse
import json

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.spiders import SitemapSpider


class ProductParser:
    def parse(self, response):
        for block in response.css('script[type="application/ld+json"]::text').getall():
            data = json.loads(block)
            if data.get("@type") not in ("Product", "ProductGroup"):
                continue
            offer = data.get("offers") or (data.get("hasVariant") or [{}])[0].get("offers") or {}
            if isinstance(offer, list):
                offer = offer[0]
            yield {"url": response.url, "name": data.get("name"), "sku": data.get("sku"),
                   "price": offer.get("price"), "currency": offer.get("priceCurrency")}


class ProductSpider(ProductParser, scrapy.Spider):
    name = "products"

    def __init__(self, urls_file, **kwargs):
        super().__init__(**kwargs)
        self.urls_file = urls_file

    def start_requests(self):
        with open(self.urls_file) as f:
            for line in f:
                if line.strip():
                    yield scrapy.Request(line.strip())


class ProductSitemapSpider(ProductParser, SitemapSpider):
    name = "product-sitemap"


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("urls", help="a file of URLs, a line each, or with --sitemap a sitemap's URL")
    p.add_argument("out")
    p.add_argument("--sitemap", action="store_true")
    p.add_argument("--include", default="", help="with --sitemap, the page URLs to keep (a regex)")
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--retries", type=int, default=3)
    p.add_argument("--timeout", type=float, default=10)
    args = p.parse_args()
    process = CrawlerProcess(settings={
        "CONCURRENT_REQUESTS": args.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": args.retries,
        "RETRY_HTTP_CODES": [408, 429, 500, 502, 503, 504],
        "DOWNLOAD_TIMEOUT": args.timeout,
        "LOG_LEVEL": "WARNING",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",  # as `scrapy startproject` writes it
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "FEEDS": {args.out: {"format": "jsonlines", "encoding": "utf8", "overwrite": True}},
    })
    if args.sitemap:
        process.crawl(ProductSitemapSpider, sitemap_urls=[args.urls], sitemap_rules=[(args.include, "parse")])
    else:
        process.crawl(ProductSpider, urls_file=args.urls)
    process.start()
