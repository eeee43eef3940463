package dev.trawl.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreFailureReasonTest {
    @Test
    void aFailedBatchIsReportedByTheServersReasonNotByTheStatementAndItsData() {
        // As PgJDBC reports a batch cut off by pg_terminate_backend: the statement with its values, then the reason.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO products (line) VALUES ('{\"name\":\"Soft"
                + " Cotton Shelf\"}') was aborted: FATAL: terminating connection due to administrator command  Call"
                + " getNextException to see other errors in the batch.", "57P01", 0, new int[0], null);
        batch.setNextException(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertEquals("FATAL: terminating connection due to administrator command", JdbcCrawlStore.reason(batch));
    }

    @Test
    void aFullDiskBehindABatchIsStillSaidAsSuch() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 INSERT ... was aborted", "53100", 0, new int[0], null);
        batch.setNextException(new SQLException("ERROR: could not extend file: No space left on device", "53100"));

        assertEquals("disk full (ERROR: could not extend file: No space left on device)", JdbcCrawlStore.reason(batch));
    }

    @Test
    void aReasonIsOneBoundedLine() {
        String reason = JdbcCrawlStore.reason(new SQLException("x".repeat(10_000) + "\n  Position: 15"));

        assertTrue(reason.length() < 400 && !reason.contains("\n") && reason.endsWith("..."), reason);
    }
}
