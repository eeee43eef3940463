#!/usr/bin/env python3
"""Benchmarks of the crawl store (issue 4); results go to BENCHMARKS.md by hand.

    python3 bench/store.py                     # every scenario
    python3 bench/store.py cost --pages 50000  # one, smaller
    python3 bench/store.py scale --pages 1000000 --heap 256m

Scenarios:
  writer  products per second the store writer commits to SQLite, alone (JMH StoreWriteBenchmark:
          one thread, steady-state transactions of 500 new frontier rows and 500 pages ended with a
          product each).
  cost    the throughput scenario (N pages, no latency, concurrency 64) three ways in one run,
          twice each, alternating: writing nothing, writing --out products.jsonl, and --store crawl.db
          (with --out written from the store at the end): pages/s, CPU-ms per page, peak RSS.
  scale   a frontier of N URLs (default 1,000,000) in the store: trawl crawl --urls (N lines) --store,
          with the JVM's heap capped (--heap); trawl's RSS and the shop's request count sampled every
          2 s. A flat RSS, and a crawl that finishes under the cap, show that memory does not grow
          with the frontier.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, Shop, fmt, java_home, run_trawl  # noqa: E402


def scenario_writer(java, work):
    subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-pl", "trawl-bench", "-am", "package", "-DskipTests"],
                   cwd=ROOT, check=True)
    result = os.path.join(work, "jmh.json")
    subprocess.run([java, "-jar", os.path.join(ROOT, "trawl-bench", "target", "benchmarks.jar"), "StoreWriteBenchmark",
                    "-rf", "json", "-rff", result], capture_output=True, check=True)
    with open(result) as f:
        rows = json.load(f)
    raw = [x for fork in rows[0]["primaryMetric"]["rawData"] for x in fork]
    raw.sort()
    print("\n### store writer alone: products committed per second (SQLite, one thread, 500-page transactions)\n")
    print("| median | best | worst | iterations |\n|---|---|---|---|")
    print(f"| {raw[len(raw) // 2]:,.0f} | {raw[-1]:,.0f} | {raw[0]:,.0f} | {len(raw)} |")


def scenario_cost(java, work, n):
    shop = Shop(java, n, "0ms")
    try:
        urls = os.path.join(work, "urls.txt")
        shop.url_file(n, urls)
        modes = {"nothing": [], "--out": ["--out", os.path.join(work, "p.jsonl")],
                 "--store": ["--store", os.path.join(work, "crawl.db"), "--out", os.path.join(work, "s.jsonl")]}
        rows = {m: [] for m in modes}
        for _ in range(2):
            for mode, extra in modes.items():
                for f in ("crawl.db", "crawl.db-wal", "crawl.db-shm"):
                    if os.path.exists(os.path.join(work, f)):
                        os.remove(os.path.join(work, f))
                shop.reset()
                t0 = time.perf_counter()
                s, wall, usage, _ = run_trawl(["--urls", urls, "--concurrency", "64", "--per-host", "64", "--ignore-robots", *extra], work)
                rows[mode].append((s, time.perf_counter() - t0, usage))
        print(f"\n### cost of the store: {n:,} pages, no latency, concurrency 64 (two runs each, alternating)\n")
        print("| writes | pages/s | CPU-ms per page (process) | peak RSS MB | whole command s (export included) |")
        print("|---|---|---|---|---|")
        base = None
        for mode, runs in rows.items():
            pps = sum(s["pages_per_s"] for s, _, _ in runs) / len(runs)
            cpu = sum((u.ru_utime + u.ru_stime) * 1000 / n for _, _, u in runs) / len(runs)
            rss = max(u.ru_maxrss for _, _, u in runs) / 1024
            whole = sum(w for _, w, _ in runs) / len(runs)
            base = base or (pps, cpu)
            print(f"| {mode} | {pps:.0f} ({pps / base[0]:.2f}x) | {fmt(cpu, 3)} ({cpu / base[1]:.2f}x) | {rss:.0f} | {fmt(whole)} |")
    finally:
        shop.close()


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return None




def scenario_scale(java, work, n, heap):
    shop = Shop(java, n, "0ms")
    try:
        urls = os.path.join(work, "urls.txt")
        shop.url_file(n, urls)
        samples = []
        env = dict(os.environ, TRAWL_JAVA_OPTS=f"-Xmx{heap}")
        cmd = [os.path.join(ROOT, "trawl"), "crawl", "--quiet", "--urls", urls, "--store", os.path.join(work, "scale.db"),
               "--ignore-robots", "--concurrency", "64", "--per-host", "64"]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env)

        def sample():
            while proc.poll() is None:
                mb = rss_mb(proc.pid)
                if mb is not None:
                    samples.append((time.perf_counter() - t0, shop.counters()["requests"], mb))
                time.sleep(2)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        sampler.join()
        wall = time.perf_counter() - t0
        if code != 0:
            sys.exit(f"trawl exited with {code}")
        db = os.path.getsize(os.path.join(work, "scale.db")) / 1e6
        print(f"\n### scale: a {n:,}-URL frontier in the store, heap capped at {heap} (-Xmx)\n")
        print(f"finished in {wall:.0f} s ({n / wall:.0f} pages/s); store file {db:.0f} MB\n")
        print("| share done | requests | trawl RSS MB |\n|---|---|---|")
        shown = set()
        for t, requests, mb in samples:
            if requests == 0:
                continue  # the JVM is still starting
            decile = min(10, int(10 * requests / n))
            if decile not in shown:
                shown.add(decile)
                print(f"| {10 * decile}% | {requests:,} | {mb:.0f} |")
        mbs = [mb for _, r, mb in samples if r > n * 0.1]
        if mbs:
            print(f"\nRSS from 10% done to the end: min {min(mbs):.0f} MB, max {max(mbs):.0f} MB; peak {max(mb for *_, mb in samples):.0f} MB")
    finally:
        shop.close()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenarios", nargs="*", default=["writer", "cost", "scale"])
    p.add_argument("--pages", type=int, help="N (default: 100,000 for cost, 1,000,000 for scale)")
    p.add_argument("--heap", default="256m", help="the scale scenario's -Xmx (default 256m)")
    args = p.parse_args()
    java = os.path.join(java_home(), "bin", "java")
    subprocess.run([os.path.join(ROOT, "trawl"), "--version"], check=True, stdout=subprocess.DEVNULL)
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as work:
        for name in args.scenarios:
            if name == "writer":
                scenario_writer(java, work)
            elif name == "cost":
                scenario_cost(java, work, args.pages or 100_000)
            elif name == "scale":
                scenario_scale(java, work, args.pages or 1_000_000, args.heap)
            else:
                sys.exit(f"unknown scenario {name!r}: writer, cost, scale")


if __name__ == "__main__":
    main()
