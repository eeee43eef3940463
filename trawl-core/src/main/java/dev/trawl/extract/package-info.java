/**
 * Extraction, the crawl stage after the fetch: products read from a fetched {@link
 * dev.trawl.extract.Page}. The front door is {@link dev.trawl.Extractors}; every
 * extractor is an {@link dev.trawl.extract.Extractor} that is thread-safe and never throws for bad
 * input. Extraction runs on the request's virtual thread for every page, so it must cost
 * microseconds, not the millisecond a full parse costs: JSON-LD and OpenGraph are read from the
 * raw text without a DOM, and a DOM (jsoup) is built only for a page whose raw text has
 * microdata ({@code itemscope}).
 */
package dev.trawl.extract;
