#!/usr/bin/env python3
"""JVM flags A/B through the ./trawl launcher: the same crawl with each TRAWL_JAVA_OPTS, runs interleaved.

    python3 bench/jvm.py 20000 3 default "-XX:+UseG1GC -XX:MaxRAMPercentage=25"   # issue 16's before/after
    LAT=50ms C=100 python3 bench/jvm.py 2000 3 default "-XX:TieredStopAtLevel=1"

Arguments: pages, runs of each, then one TRAWL_JAVA_OPTS per configuration ("default": none, the
launcher's own choice). LAT sets the shop's latency (default 0ms), C the concurrency (default 64).
Prints each run, then the medians of pages/s, CPU-ms per page (process, user + system) and peak RSS.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
import json

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (bench/run.py: the demo shop in a JVM of its own)


def main():
    n, reps, configs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    latency, c = os.environ.get("LAT", "0ms"), os.environ.get("C", "64")
    shop = bench.Shop(os.path.join(bench.java_home(), "bin", "java"), n, latency)
    work = tempfile.mkdtemp()
    urls = os.path.join(work, "urls.txt")
    shop.url_file(n, urls)
    results = {k: [] for k in configs}
    try:
        for _ in range(reps):
            for cfg in configs:
                env = dict(os.environ, TRAWL_JAVA_OPTS="" if cfg == "default" else cfg)
                out, summary = os.path.join(work, "out.jsonl"), os.path.join(work, "summary.json")
                t0 = time.perf_counter()
                p = subprocess.Popen([os.path.join(bench.ROOT, "trawl"), "crawl", "--urls", urls, "--out", out,
                                      "--concurrency", c, "--per-host", c, "--ignore-robots", "--quiet",
                                      "--summary-json", summary], env=env)
                _, status, usage = os.wait4(p.pid, 0)
                wall = time.perf_counter() - t0
                with open(summary) as f:
                    crawl = json.load(f)["elapsed_s"]
                with open(out) as f:
                    products = sum(1 for _ in f)
                cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000 / n
                results[cfg].append((n / wall, cpu_ms, usage.ru_maxrss / 1024))
                print(f"{cfg:50s} exit={status >> 8} products={products} pages/s={n / wall:.0f} "
                      f"cpu-ms/page={cpu_ms:.3f} rss={usage.ru_maxrss / 1024:.0f}MB crawl={crawl:.2f}s", flush=True)
                shop.reset()
    finally:
        shop.close()
    print("medians:")
    for cfg, rows in results.items():
        rate, cpu, rss = (statistics.median(r[i] for r in rows) for i in range(3))
        print(f"{cfg:50s} pages/s={rate:.0f} cpu-ms/page={cpu:.3f} rss={rss:.0f}MB")


if __name__ == "__main__":
    main()
