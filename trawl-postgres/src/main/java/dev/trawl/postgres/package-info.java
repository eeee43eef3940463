/**
 * A crawl store kept in PostgreSQL ({@link dev.trawl.postgres.PostgresCrawlStore}), reached through the PostgreSQL
 * JDBC driver and a HikariCP pool: the SQLite store's tables and SQL, in a database that several crawl processes
 * share, one job each. Its tests start a real server of their own ({@code TestPostgres} in the test sources) and
 * run the same store contract as the SQLite store.
 */
package dev.trawl.postgres;
