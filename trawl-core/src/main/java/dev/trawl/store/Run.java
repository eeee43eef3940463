package dev.trawl.store;

import java.time.Instant;

/**
 * One crawl recorded in a store. A crawl that ends before every URL has its outcome leaves its
 * run unfinished, and the next crawl on the same store and job resumes it.
 *
 * @param id        the run's number in its store, from 1
 * @param job       the name shared by the runs of one recurring crawl
 * @param startedAt when the run began
 * @param finishedAt when every URL had its outcome; null while unfinished
 * @param seedsRead whether every seed has been read into the store (a resume then reads none)
 * @param resumed   whether this crawl took the run over from one that stopped early
 */
public record Run(long id, String job, Instant startedAt, Instant finishedAt, boolean seedsRead, boolean resumed) {

    public boolean finished() {
        return finishedAt != null;
    }
}
