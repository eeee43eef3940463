package dev.trawl.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.store.StoreException;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void aLibpqUrlBecomesAJdbcUrlWithItsCredentialsApart() {
        PostgresUrl url = PostgresUrl.parse("postgresql://crawler:p%40ss%3Aw+rd@db.example:6432/crawls?currentSchema=shops&sslmode=require");
        assertEquals("jdbc:postgresql://db.example:6432/crawls?currentSchema=shops&sslmode=require", url.jdbcUrl());
        assertEquals("crawler", url.user());
        assertEquals("p@ss:w+rd", url.password());
        assertEquals("postgresql://db.example:6432/crawls?currentSchema=shops", url.describe());
    }

    @Test
    void aJdbcUrlIsKeptAsItIsAndDescribedWithoutItsPassword() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://127.0.0.1:5432/crawls?user=crawler&password=secret");
        assertEquals("jdbc:postgresql://127.0.0.1:5432/crawls?user=crawler&password=secret", url.jdbcUrl());
        assertEquals(null, url.user());
        assertEquals("postgresql://127.0.0.1:5432/crawls", url.describe());
        assertEquals("postgresql://h/db", PostgresUrl.parse("postgres://h/db").describe());
    }

    @Test
    void onlyPostgresUrlsLookLikeOne() {
        assertTrue(PostgresUrl.looksLike("JDBC:PostgreSQL://h/db"));
        assertTrue(PostgresUrl.looksLike("postgres://h/db"));
        assertFalse(PostgresUrl.looksLike("crawl.db"));
        assertFalse(PostgresUrl.looksLike("/var/lib/postgresql/crawl.db"));
        StoreException e = assertThrows(StoreException.class, () -> PostgresUrl.parse("postgresql://u:secret@[::1/db"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
