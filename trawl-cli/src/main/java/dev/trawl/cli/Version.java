package dev.trawl.cli;

import picocli.CommandLine;

/** The version line of {@code trawl --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"trawl 0.1.0-SNAPSHOT on Java " + Runtime.version()};
    }
}
