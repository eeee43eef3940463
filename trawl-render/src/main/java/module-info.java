/**
 * The browser transport: {@link dev.trawl.render.ChromiumRenderer} renders pages in headless
 * Chromium, driven over the DevTools protocol. {@code dev.trawl.render.internal} is its
 * implementation and is not exported.
 */
module trawl.render {
    requires transitive trawl.core;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;

    exports dev.trawl.render;
}
