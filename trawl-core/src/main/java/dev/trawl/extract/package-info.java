/**
 * Extraction, the crawl stage after the fetch: products read from a fetched {@link
 * dev.trawl.extract.Page}. The front door is {@link dev.trawl.extract.Extractors}; every
 * extractor is an {@link dev.trawl.extract.Extractor} that is thread-safe and never throws for bad
 * input. Extraction works on the raw text, never building a DOM: it runs on the request's virtual
 * thread for every page, so it must cost microseconds, not the millisecond a full parse costs.
 */
package dev.trawl.extract;
