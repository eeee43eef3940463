package dev.trawl.internal.writer;

import dev.trawl.internal.store.StoreBatch;

/** What the store writer's queue carries: a write for the next batch, or a signal. */
sealed interface StoreMessage {

    /** A write, committed in the next batch. */
    record Write(StoreBatch.Op op) implements StoreMessage {}

    /** Signals, in queue order with the writes. */
    enum Signal implements StoreMessage {
        /** Every seed is among the writes before this one. */
        SEEDS_READ,
        /** The frontier runs low: commit what there is and read the next page. */
        LOAD,
        /** Every URL has its outcome: the run is finished with the next commit. */
        FINISH,
        /** Commit what there is and end the writer. */
        END
    }
}
