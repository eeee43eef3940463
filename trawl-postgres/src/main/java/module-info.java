/** A crawl store in PostgreSQL, which several trawl processes share: {@link dev.trawl.postgres.PostgresCrawlStore}. */
module trawl.postgres {
    requires transitive trawl.core;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;

    exports dev.trawl.postgres;
}
