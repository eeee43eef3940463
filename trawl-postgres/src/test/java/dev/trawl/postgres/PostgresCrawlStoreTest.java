package dev.trawl.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.store.CrawlStore;
import dev.trawl.store.contract.CrawlStoreContract;
import dev.trawl.store.StoreException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The store contract against a real PostgreSQL server, each test in a schema of its own; then what only PostgreSQL adds. */
class PostgresCrawlStoreTest extends CrawlStoreContract {
    private String url;

    @Override
    protected CrawlStore newStore() {
        url = TestPostgres.get().newSchemaUrl();
        return PostgresCrawlStore.open(url);
    }

    @Override
    protected CrawlStore reopen() {
        return PostgresCrawlStore.open(url);
    }

    @Override
    protected String shopAddress() {
        return "127.0.0.41";
    }

    @Test
    void openingCreatesTheTablesOnceAndAReaderFindsThem() throws Exception {
        try (CrawlStore store = newStore()) {
            assertTrue(store.runs().isEmpty());
        }
        try (PostgresCrawlStore again = PostgresCrawlStore.open(url); PostgresCrawlStore reader = PostgresCrawlStore.openReadOnly(url)) {
            assertEquals(again.begin("j").id(), reader.runs().getFirst().id());
            StoreException e = assertThrows(StoreException.class, () -> reader.begin("k"));
            assertTrue(e.getMessage().contains("opened read-only"), e.getMessage());
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema()"
                     + " AND indexname IN ('requests_pending', 'products_item')")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "the SQLite store's indexes");
        }
    }

    @Test
    void aReaderOfASchemaWithoutAStoreSaysSoAndCreatesNothing() throws Exception {
        String empty = TestPostgres.get().newSchemaUrl();
        StoreException e = assertThrows(StoreException.class, () -> PostgresCrawlStore.openReadOnly(empty));
        assertTrue(e.getMessage().endsWith(": no crawl store there (no runs, requests and products tables)"), e.getMessage());
        assertFalse(e.getMessage().contains("password"), "no credentials in messages: " + e.getMessage());
        try (Connection c = DriverManager.getConnection(empty); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void anUnreachableServerIsAOneLineMessageWithoutTheCredentials() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        StoreException e = assertThrows(StoreException.class,
                () -> PostgresCrawlStore.open("postgresql://trawl:secret@127.0.0.1:" + port + "/nowhere?sslmode=disable"));
        assertTrue(e.getMessage().startsWith("postgresql://127.0.0.1:" + port + "/nowhere: cannot connect: Connection to 127.0.0.1:"
                + port + " refused"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aServerErrorIsOneLineNamingTheStore() throws Exception {
        try (CrawlStore store = newStore()) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP TABLE products");
            }
            StoreException e = assertThrows(StoreException.class, () -> store.counts(1));
            assertEquals(store.describe() + ": ERROR: relation \"products\" does not exist", e.getMessage());
        }
    }

    @Test
    void aUrlThatIsNoPostgresUrlIsRefused() {
        StoreException e = assertThrows(StoreException.class, () -> PostgresCrawlStore.open("mysql://u:pw@host/db"));
        assertEquals("not a PostgreSQL URL (jdbc:postgresql://host:port/db or postgresql://host:port/db): mysql://host/db",
                e.getMessage());
    }
}
