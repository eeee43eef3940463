package dev.trawl.output;

import dev.trawl.CrawlResult;
import java.io.IOException;
import java.io.OutputStream;

/** One CSV row per URL with its terminal outcome. */
final class OutcomeCsvSink implements ResultSink {
    private final Csv csv;
    private final String name;

    OutcomeCsvSink(OutputStream out, String name) throws IOException {
        this.csv = new Csv(out, OutcomeColumns.NAMES);
        this.name = name;
    }

    @Override
    public void accept(CrawlResult result) throws IOException {
        csv.row(OutcomeColumns.values(result));
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
