package dev.trawl.crawl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Where a crawl's URLs come from. Seeds are read lazily, a line at a time, on the crawl's own seed
 * reader thread, so a list of millions of URLs is never held in memory. Blank lines and lines
 * starting with {@code #} are skipped; validation (and the message naming file and line for a bad
 * one) happens when the crawl takes the seed.
 */
@FunctionalInterface
public interface Seeds {

    /** Opens the seeds for reading. The iterator may throw {@link UncheckedIOException}. */
    CloseableIterator open() throws IOException;

    /** An iterator over seeds that owns a resource. */
    interface CloseableIterator extends Iterator<Seed>, AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Page URLs given in code; their source is {@code list:N} (1-based). */
    static Seeds urls(List<String> urls) {
        return given(urls, Seed.Kind.PAGE, "list");
    }

    /** Start pages: fetched, their products read, and their links followed by the crawl's link rules. */
    static Seeds startPages(List<String> urls) {
        return given(urls, Seed.Kind.START, "start");
    }

    /** Sitemaps or sitemap indexes (plain or gzipped): every page they list is crawled. */
    static Seeds sitemaps(List<String> urls) {
        return given(urls, Seed.Kind.SITEMAP, "sitemap");
    }

    /**
     * Sites by their root URL: trawl reads the host's robots.txt and crawls the sitemaps its
     * {@code Sitemap:} lines name, or {@code /sitemap.xml} when it names none.
     */
    static Seeds sites(List<String> urls) {
        return given(urls, Seed.Kind.SITE, "site");
    }

    /** These seeds, then those. */
    default Seeds then(Seeds next) {
        Seeds first = this;
        return () -> {
            CloseableIterator a = first.open();
            CloseableIterator b;
            try {
                b = next.open();
            } catch (IOException | RuntimeException e) {
                a.close();
                throw e;
            }
            return new CloseableIterator() {
                public boolean hasNext() { return a.hasNext() || b.hasNext(); }
                public Seed next() { return a.hasNext() ? a.next() : b.next(); }
                public void close() throws IOException {
                    try {
                        a.close();
                    } finally {
                        b.close();
                    }
                }
            };
        };
    }

    private static Seeds given(List<String> urls, Seed.Kind kind, String name) {
        List<String> copy = List.copyOf(urls);
        return () -> {
            Iterator<Seed> it = IntStream.range(0, copy.size())
                    .mapToObj(i -> new Seed(copy.get(i).trim(), name + ":" + (i + 1), kind)).iterator();
            return new CloseableIterator() {
                public boolean hasNext() { return it.hasNext(); }
                public Seed next() { return it.next(); }
                public void close() {}
            };
        };
    }

    /** One URL per line of a UTF-8 text file; sources are {@code FILE:LINE}. A line that is not UTF-8 fails alone. */
    static Seeds file(Path file) {
        // Decoded leniently (bad bytes become U+FFFD), so one bad line is reported with its number and the rest are read.
        return () -> lines(new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)), file.toString());
    }

    /** One URL per line of a stream, e.g. standard input; sources are {@code NAME:LINE}. */
    static Seeds stream(Supplier<InputStream> in, String name) {
        return () -> lines(new BufferedReader(new InputStreamReader(in.get(), StandardCharsets.UTF_8)), name);
    }

    private static CloseableIterator lines(BufferedReader reader, String name) {
        return new CloseableIterator() {
            private int lineNo;
            private Seed next;

            public boolean hasNext() {
                while (next == null) {
                    String line;
                    try {
                        line = reader.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(name + ":" + (lineNo + 1) + ": cannot read: " + e.getMessage(), e);
                    }
                    if (line == null) {
                        return false;
                    }
                    lineNo++;
                    String text = line.strip();
                    if (lineNo == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                        text = text.substring(1).strip();
                    }
                    if (!text.isEmpty() && !text.startsWith("#")) {
                        next = new Seed(text, name + ":" + lineNo);
                    }
                }
                return true;
            }

            public Seed next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Seed s = next;
                next = null;
                return s;
            }

            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
