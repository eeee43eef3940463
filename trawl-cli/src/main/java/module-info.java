/** The {@code trawl} command line: a thin layer over the library ({@link dev.trawl.cli.Main}). */
module trawl.cli {
    requires trawl.core;
    requires trawl.demoshop;
    requires trawl.postgres;
    requires trawl.render;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires jdk.httpserver;

    // picocli sets the commands' option fields by reflection.
    opens dev.trawl.cli to info.picocli;
}
