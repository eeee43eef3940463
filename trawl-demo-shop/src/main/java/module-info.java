/** The demo shop: a real HTTP server on loopback with a known catalogue, for trawl's tests, demo and benchmarks. */
module trawl.demoshop {
    exports dev.trawl.demoshop;
}
