package dev.trawl.internal.output;

import dev.trawl.output.ResultSink;

import dev.trawl.crawl.CrawlResult;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/** A sink that turns each result into rows of fixed columns and hands them to a file format. */
public final class TableSink implements ResultSink {
    private final List<String> columns;
    private final Function<CrawlResult, List<Object[]>> rows;
    private final RowWriter writer;
    private final String name;

    public TableSink(List<String> columns, Function<CrawlResult, List<Object[]>> rows, RowWriter writer, String name) {
        this.columns = columns;
        this.rows = rows;
        this.writer = writer;
        this.name = name;
    }

    @Override
    public void accept(CrawlResult result) throws IOException {
        for (Object[] row : rows.apply(result)) {
            writer.row(columns, row);
        }
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
