package dev.trawl.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.fetch.RenderMode;
import org.junit.jupiter.api.Test;

class RenderGateTest {
    private static final String HOST = "http://shop.test:80";

    @Test
    void autoFetchesFirstThenRendersAHostWhoseRendersFindProducts() {
        RenderGate gate = new RenderGate(RenderMode.AUTO);
        assertFalse(gate.renderFirst(HOST, null));
        for (int i = 0; i < RenderGate.SAMPLE; i++) {
            gate.fetched(HOST, true);
            assertTrue(gate.renderAfterFetch(HOST, null, true));
            gate.rendered(HOST, i % 10 != 0); // 18 of 20 with products: 90 %
        }
        int direct = 0;
        for (int i = 0; i < 100; i++) {
            if (gate.renderFirst(HOST, null)) {
                direct++;
            }
        }
        assertEquals(95, direct, "one page in 20 is still fetched first");
        assertFalse(gate.renderFirst("http://other.test:80", null), "per host");
    }

    @Test
    void aMixedSiteWhereFewPagesNeedTheBrowserStaysFetchedFirst() {
        RenderGate gate = new RenderGate(RenderMode.AUTO);
        for (int i = 0; i < 100; i++) {
            boolean scripted = i % 10 < 3; // 30 % of the pages are app shells, each renders to its product
            gate.fetched(HOST, scripted);
            if (scripted) {
                assertTrue(gate.renderAfterFetch(HOST, null, true));
                gate.rendered(HOST, true);
            }
        }
        assertFalse(gate.renderFirst(HOST, null));
    }

    @Test
    void autoStopsRenderingAHostWhoseRendersFindNothing() {
        RenderGate gate = new RenderGate(RenderMode.AUTO);
        for (int i = 0; i < RenderGate.SAMPLE; i++) {
            assertTrue(gate.renderAfterFetch(HOST, null, true));
            gate.rendered(HOST, false);
        }
        assertFalse(gate.renderAfterFetch(HOST, null, true));
        assertFalse(gate.renderFirst(HOST, null));
    }

    @Test
    void aHostBelowTheShareStaysFetchedFirst() {
        RenderGate gate = new RenderGate(RenderMode.AUTO);
        for (int i = 0; i < RenderGate.SAMPLE; i++) {
            gate.fetched(HOST, true);
            gate.rendered(HOST, i % 2 == 0); // 50 %
        }
        assertFalse(gate.renderFirst(HOST, null));
        assertTrue(gate.renderAfterFetch(HOST, null, true));
    }

    @Test
    void onlyScriptedPagesAreRenderedAfterAFetch() {
        assertFalse(new RenderGate(RenderMode.AUTO).renderAfterFetch(HOST, null, false));
    }

    @Test
    void aRecipesModeDecidesForItsPages() {
        RenderGate never = new RenderGate(RenderMode.NEVER);
        assertTrue(never.renderFirst(HOST, RenderMode.ALWAYS));
        assertTrue(never.renderAfterFetch(HOST, RenderMode.AUTO, true));
        RenderGate always = new RenderGate(RenderMode.ALWAYS);
        assertTrue(always.renderFirst(HOST, null));
        assertFalse(always.renderFirst(HOST, RenderMode.NEVER));
        assertFalse(always.renderAfterFetch(HOST, RenderMode.NEVER, true));
    }
}
