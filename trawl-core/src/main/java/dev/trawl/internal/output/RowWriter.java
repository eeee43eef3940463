package dev.trawl.internal.output;

import java.io.IOException;
import java.util.List;

/** Writes rows of named columns in one file format; null values are left empty or out. */
public interface RowWriter extends AutoCloseable {

    void row(List<String> columns, Object[] values) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
