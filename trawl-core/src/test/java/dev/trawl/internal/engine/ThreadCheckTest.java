package dev.trawl.internal.engine;

import dev.trawl.internal.runtime.TrawlThreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The thread check must see a live virtual thread, or the leak tests could never fail. */
class ThreadCheckTest {

    @Test
    void seesALiveTrawlVirtualThreadAndThenItsEnd() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread t = TrawlThreads.startVirtual("probe", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<String> live = ThreadCheck.liveNow();
        assertTrue(live.stream().anyMatch(s -> s.startsWith("trawl-probe true")), live.toString());
        release.countDown();
        t.join();
        assertEquals(List.of(), ThreadCheck.liveTrawlThreads());
    }
}
