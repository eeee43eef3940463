/**
 * trawl's library: {@link dev.trawl.Trawl} is the front door. The packages exported here are the
 * public API; {@code dev.trawl.internal.*} is the implementation, open only to trawl's own modules.
 */
module trawl.core {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires crawler.commons;
    requires java.management;
    requires java.net.http;
    requires java.sql;
    requires jdk.jfr;
    requires jdk.management;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires transitive org.jsoup; // Page.document()
    requires org.slf4j;
    requires org.xerial.sqlitejdbc;

    exports dev.trawl;
    exports dev.trawl.config;
    exports dev.trawl.crawl;
    exports dev.trawl.discover;
    exports dev.trawl.extract;
    exports dev.trawl.fetch;
    exports dev.trawl.output;
    exports dev.trawl.recipe;
    exports dev.trawl.store;

    exports dev.trawl.internal.store to trawl.postgres, trawl.cli;
    exports dev.trawl.internal.frontier to trawl.postgres;
    exports dev.trawl.internal.fetch to trawl.cli;
    exports dev.trawl.internal.output to trawl.cli;
    exports dev.trawl.internal.proxy to trawl.cli;
    exports dev.trawl.internal.report to trawl.cli;
    exports dev.trawl.internal.runtime to trawl.cli;
    exports dev.trawl.internal.stats to trawl.cli;
    exports dev.trawl.internal.text to trawl.cli;

    // Recipe files are read into records by Jackson's reflection.
    opens dev.trawl.internal.recipe to com.fasterxml.jackson.databind;
}
