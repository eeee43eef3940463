#!/usr/bin/env python3
"""Benchmarks of the crawl store (issue 4); results go to BENCHMARKS.md by hand.

    python3 bench/store.py                     # every scenario
    python3 bench/store.py cost --pages 50000  # one, smaller
    python3 bench/store.py scale --pages 1000000              # the JVM as ./trawl chooses it (--heap 256m: -Xmx256m)

Scenarios:
  writer  products per second the store writer commits to SQLite, alone (JMH StoreWriteBenchmark:
          one thread, steady-state transactions of 500 new frontier rows and 500 pages ended with a
          product each).
  cost    the throughput scenario (N pages, no latency, concurrency 64) four ways in one run,
          twice each, alternating: writing nothing, writing --out products.jsonl, --store crawl.db
          and --store postgresql://... (a server of the benchmark's own, default durability), each
          store with --out written from it at the end: pages/s, CPU-ms per page (and the PostgreSQL
          server's), peak RSS.
  scale   a frontier of N URLs (default 1,000,000) in the store: trawl crawl --urls (N lines) --store,
          with the JVM's heap capped (--heap); trawl's RSS and the shop's request count sampled every
          2 s. A flat RSS, and a crawl that finishes under the cap, show that memory does not grow
          with the frontier.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, Shop, fmt, java_home, proc_stat, rss_mb, run_trawl  # noqa: E402


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


class Postgres:
    """A PostgreSQL server of the benchmark's own, from Debian's postgresql (bin/postgres-for-tests.sh installs it),
    with the server's default durability (fsync and synchronous commit on): the store as a user would run it."""

    def __init__(self):
        versions = sorted((d for d in os.listdir("/usr/lib/postgresql") if d.isdigit()), key=int) \
            if os.path.isdir("/usr/lib/postgresql") else []
        if not versions:
            raise RuntimeError("no PostgreSQL under /usr/lib/postgresql: run bin/postgres-for-tests.sh")
        self.bin = f"/usr/lib/postgresql/{versions[-1]}/bin"
        self.dir = tempfile.mkdtemp(prefix="trawl-bench-pg-")  # not under work: the postgres user cannot enter root's 0700 folder
        self.data = os.path.join(self.dir, "data")
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres")
        with socket.socket() as free:
            free.bind(("127.0.0.1", 0))
            self.port = free.getsockname()[1]
        self.run("initdb", "-D", self.data, "-U", "trawl", "--auth=trust", "--encoding=UTF8", "--locale=C")
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            f.write(f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = ''\n")
        self.run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w", "start")
        self.url = f"postgresql://trawl@127.0.0.1:{self.port}/postgres"

    def run(self, program, *args):
        user = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        subprocess.run([*user, os.path.join(self.bin, program), *args], cwd=self.dir, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cpu_seconds(self):
        """CPU the server has used: the postmaster's own and its reaped backends', and the live processes'."""
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            postmaster = int(f.readline())
        total = 0
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                fields = proc_stat(pid)
            except FileNotFoundError:
                continue
            if int(pid) == postmaster:
                total += sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
            elif int(fields[1]) == postmaster:
                total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def close(self):
        self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir)


def scenario_cost(java, work, n):
    shop = Shop(java, n, "0ms")
    postgres = Postgres()
    try:
        urls = os.path.join(work, "urls.txt")
        shop.url_file(n, urls)
        # A job of its own each time on PostgreSQL: a second run of one job would be a re-crawl, answered by 304s.
        modes = {"nothing": lambda i: [], "--out": lambda i: ["--out", os.path.join(work, "p.jsonl")],
                 "--store": lambda i: ["--store", os.path.join(work, "crawl.db"), "--out", os.path.join(work, "s.jsonl")],
                 "--store postgresql": lambda i: ["--store", postgres.url, "--job", f"cost-{i}", "--out", os.path.join(work, "pg.jsonl")]}
        rows = {m: [] for m in modes}
        for i in range(2):
            for mode, extra in modes.items():
                for f in ("crawl.db", "crawl.db-wal", "crawl.db-shm"):
                    if os.path.exists(os.path.join(work, f)):
                        os.remove(os.path.join(work, f))
                shop.reset()
                server_cpu = postgres.cpu_seconds()
                t0 = time.perf_counter()
                s, wall, usage, _ = run_trawl(["--urls", urls, "--concurrency", "64", "--per-host", "64", "--ignore-robots", *extra(i)], work)
                rows[mode].append((s, time.perf_counter() - t0, usage, postgres.cpu_seconds() - server_cpu))
        print(f"\n### cost of the store: {n:,} pages, no latency, concurrency 64 (two runs each, alternating)\n")
        print("| writes | pages/s | CPU-ms per page (trawl's process) | + PostgreSQL server's | peak RSS MB | whole command s (export included) |")
        print("|---|---|---|---|---|---|")
        base = None
        for mode, runs in rows.items():
            pps = sum(r[0]["pages_per_s"] for r in runs) / len(runs)
            cpu = sum((r[2].ru_utime + r[2].ru_stime) * 1000 / n for r in runs) / len(runs)
            server = sum(r[3] * 1000 / n for r in runs) / len(runs)
            rss = max(r[2].ru_maxrss for r in runs) / 1024
            whole = sum(r[1] for r in runs) / len(runs)
            base = base or (pps, cpu)
            print(f"| {mode} | {pps:.0f} ({pps / base[0]:.2f}x) | {fmt(cpu, 3)} ({cpu / base[1]:.2f}x) | "
                  f"{fmt(server, 3) if mode.endswith('postgresql') else '—'} | {rss:.0f} | {fmt(whole)} |")
    finally:
        shop.close()
        postgres.close()


def scenario_scale(java, work, n, heap):
    shop = Shop(java, n, "0ms")
    try:
        urls = os.path.join(work, "urls.txt")
        shop.url_file(n, urls)
        samples = []
        env = dict(os.environ, TRAWL_JAVA_OPTS="" if heap == "launcher" else f"-Xmx{heap}")
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
        cap = "the launcher's JVM flags (./trawl)" if heap == "launcher" else f"heap capped at {heap} (-Xmx)"
        print(f"\n### scale: a {n:,}-URL frontier in the store, {cap}\n")
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
    p.add_argument("--heap", default="launcher", help="the scale scenario's -Xmx (default: what ./trawl chooses)")
    args = p.parse_args()
    java = os.path.join(java_home(), "bin", "java")
    # builds the jar and makes the start-up cache first: every measured start then has it
    subprocess.run([os.path.join(ROOT, "trawl"), "--version"], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "TRAWL_AOT_WAIT": "1"})
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
