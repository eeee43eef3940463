#!/usr/bin/env python3
"""The crash test at scale: kill -9 a crawl again and again, resume it, and check the store.

    python3 bench/crash.py                         # 100,000 pages, 10 kills
    python3 bench/crash.py --pages 300000 --kills 20

The demo shop runs in its own JVM. `./trawl crawl --urls ... --store crawl.db` is started, killed
with SIGKILL at a random moment once it is crawling, and started again with the same command,
--kills times; the last start runs to the end. Then the store is read with Python's own sqlite3
(not trawl's code): every URL must have exactly one row with a terminal outcome, the products
must equal the shop's /_shop/catalogue.jsonl line for line (none missing, none doubled), and the
shop's request count says how many pages were fetched twice (in flight at a kill).
"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, Shop, java_home  # noqa: E402

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=int, default=100_000)
    p.add_argument("--kills", type=int, default=10)
    p.add_argument("--seed", type=int, default=int(time.time()))
    args = p.parse_args()
    rng = random.Random(args.seed)
    java = os.path.join(java_home(), "bin", "java")
    # builds the jar and makes the start-up cache first: every measured start then has it
    subprocess.run([os.path.join(ROOT, "trawl"), "--version"], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "TRAWL_AOT_WAIT": "1"})
    shop = Shop(java, args.pages, "5ms")
    with tempfile.TemporaryDirectory() as work:
        try:
            urls = os.path.join(work, "urls.txt")
            shop.url_file(args.pages, urls)
            store = os.path.join(work, "crawl.db")
            cmd = [os.path.join(ROOT, "trawl"), "crawl", "--quiet", "--urls", urls, "--store", store, "--ignore-robots",
                   "--concurrency", "64", "--per-host", "64"]
            kills, t0 = [], time.perf_counter()
            while True:
                before = shop.counters()["requests"]
                proc = subprocess.Popen(cmd)
                if len(kills) == args.kills:
                    if proc.wait() != 0:
                        sys.exit(f"the last crawl exited with {proc.returncode}")
                    break
                while proc.poll() is None and shop.counters()["requests"] == before:
                    time.sleep(0.02)
                time.sleep(rng.uniform(0.2, 3.0))
                if proc.poll() is not None:
                    sys.exit(f"the crawl ended before its kill ({proc.returncode}); use more --pages")
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills.append(done_so_far(store))
                print(f"kill {len(kills)}: {kills[-1]:,} URLs done", flush=True)
            wall = time.perf_counter() - t0
            check(store, shop, args.pages, kills, wall, args.seed)
        finally:
            shop.close()


def done_so_far(store):
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM requests WHERE state <> 0").fetchone()[0]


def check(store, shop, pages, kills, wall, seed):
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    runs = db.execute("SELECT count(*), min(finished_at IS NOT NULL) FROM runs").fetchone()
    rows, keys, terminal = db.execute("SELECT count(*), count(DISTINCT key), sum(state <> 0) FROM requests").fetchone()
    stored = sorted(strip(line) for (line,) in db.execute("SELECT line FROM products"))
    expected = sorted(shop.get("_shop/catalogue.jsonl").decode().splitlines())
    fetched = shop.counters()["requests"]
    problems = []
    if runs != (1, 1):
        problems.append(f"runs (count, finished) = {runs}, expected one finished run")
    if not rows == keys == terminal == pages:
        problems.append(f"{rows} rows, {keys} keys, {terminal} terminal for {pages} URLs")
    if stored != expected:
        missing = len(set(expected) - set(stored))
        problems.append(f"products: {len(stored)} stored, {len(expected)} expected, {missing} missing or different")
    print(f"\n{len(kills)} SIGKILLs at {kills} URLs done; {wall:.0f} s in all (seed {seed})")
    print(f"rows {rows:,}, terminal {terminal:,}, products {len(stored):,} of {len(expected):,}; "
          f"{fetched:,} requests for {pages:,} pages ({fetched - pages:,} repeated: in flight or uncommitted at a kill)")
    if problems:
        sys.exit("FAILED: " + "; ".join(problems))
    print("OK: every URL has one terminal outcome; the products equal the catalogue, none missing, none doubled")


def strip(line):
    """A stored line without what depends on the fetch (its last fields: source, fetched_at, http_status)."""
    return line[:line.index(',"source":')] + "}"


if __name__ == "__main__":
    main()
