/**
 * A crawl store kept in PostgreSQL, reached through the PostgreSQL JDBC driver and a HikariCP pool. For
 * now only the module: its tests start a real server of their own ({@code TestPostgres} in the test
 * sources), so the store's test suite can run against PostgreSQL as well.
 */
package dev.trawl.postgres;
