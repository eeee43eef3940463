#!/usr/bin/env python3
"""End-to-end benchmarks of trawl (DESIGN.md, "Benchmarks"); results go to BENCHMARKS.md by hand.

The demo shop runs in its own JVM so that its cost is not counted as trawl's. trawl runs through
the ./trawl launcher, exactly as a user starts it. Every figure is a ratio taken in one run.

    python3 bench/run.py                 # every scenario
    python3 bench/run.py seed latency    # some: seed, latency, throughput, transports, wrk
    python3 bench/run.py --pages 20000 throughput   # smaller N for a quick look

Scenarios:
  seed        50 URLs, 1 s latency, concurrency 20: floor 3.0 s (4.0 s when robots.txt, itself 1 s, is
              fetched first, trawl's default). Crawl time and whole-process time (JVM start included),
              time from launch to the shop's first request.
  latency     N pages (default 100,000), 20 ms latency, concurrency 256: floor N x 20 ms / 256; beside it
              the CPU floor (trawl's and the shop's CPU over the cores), which on 2 cores is the higher.
  latency-slow  N/10 pages at 200 ms latency, concurrency 256: the same claim where 2 cores suffice.
  throughput  N pages, no latency, concurrency 64: pages/s, CPU-ms per page, peak RSS.
  transports  the throughput scenario with each HTTP client (apache, jdk).
  wrk         the shop's own ceiling: wrk on one product page (needs wrk: apt-get install wrk).
  proxy       the throughput scenario at N/10 pages direct, then through one local tinyproxy (and microsocks),
              same run: trawl's CPU per page and pages/s through a proxy against direct (the proxy's own CPU apart).
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "trawl-cli", "target", "trawl.jar")


def java_home():
    out = subprocess.run(["bash", "-c", f'. "{ROOT}/bin/jdk25.sh" && echo "$JAVA_HOME"'],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr.strip())
    return out.stdout.strip()


def proc_stat(pid):
    """The fields of /proc/PID/stat after the command name, from the state on ([1] ppid, [11] utime, [12] stime,
    [13] cutime, [14] cstime, in clock ticks). Raises FileNotFoundError once the process has gone."""
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def rss_mb(pid):
    """Resident memory of a process now, in MB (None once it has gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmRSS:"))
    except (FileNotFoundError, StopIteration):
        return None


def pss_mb(pid):
    """Proportional set size of a process now, in MB (shared pages divided among their processes; None once it has gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(l.split()[1]) / 1024 for l in f if l.startswith("Pss:"))
    except (FileNotFoundError, ProcessLookupError, StopIteration):
        return None


def descendants(root):
    """PIDs of root's descendants now (a walk of /proc by parent PID)."""
    children = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            children.setdefault(int(proc_stat(pid)[1]), []).append(int(pid))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    out, stack = [], [root]
    while stack:
        for c in children.get(stack.pop(), []):
            out.append(c)
            stack.append(c)
    return out


class Shop:
    """The demo shop in a JVM of its own."""

    def __init__(self, java, products, latency="0ms", extra=()):
        cmd = [java, "-Xmx2g", "-XX:+UseParallelGC", "-cp", JAR, "dev.trawl.demoshop.DemoShopMain",
               "--port", "0", "--products", str(products), "--latency", latency, "--warm-up", "20000", *extra]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"(http://\S+/)", line)
        if not m:
            self.proc.kill()
            sys.exit(f"demo shop did not start: {line!r}")
        self.url = m.group(1)

    def get(self, path):
        with urllib.request.urlopen(self.url + path) as r:
            return r.read()

    def counters(self):
        return json.loads(self.get("_shop/counters"))

    def reset(self):
        self.get("_shop/reset")

    def url_file(self, n, path):
        lines = self.get("_shop/urls.txt").decode().splitlines()[:n]
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return len(lines)

    def cpu_seconds(self):
        """User + system CPU the shop's JVM has used so far (from /proc)."""
        fields = proc_stat(self.proc.pid)
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        self.proc.terminate()
        self.proc.wait()


def run_trawl(args, work):
    """Runs ./trawl crawl; returns the summary, wall time, rusage of that one process and launch time."""
    summary = os.path.join(work, "summary.json")
    launched = time.time()
    t0 = time.perf_counter()
    proc = subprocess.Popen([os.path.join(ROOT, "trawl"), "crawl", "--quiet", "--summary-json", summary, *args])
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"trawl exited with {status}")
    with open(summary) as f:
        s = json.load(f)
    return s, wall, usage, launched


def fmt(x, digits=2):
    return f"{x:.{digits}f}"


def scenario_seed(java, work, args):
    shop = Shop(java, 1000, "1s")
    try:
        urls = os.path.join(work, "seed-urls.txt")
        shop.url_file(50, urls)
        # As the seed story ran it (no robots.txt: floor 3.0 s), and as trawl runs by default: the
        # host's robots.txt first, which at 1 s latency is one more second (floor 4.0 s).
        print("\n### (a) seed: 50 URLs, 1 s latency, concurrency 20 — floor 3.0 s (4.0 s with robots.txt first)\n")
        print("| robots.txt | run | crawl s | crawl / floor | process s (JVM start incl.) | process / floor | launch → first request ms | shop max in-flight | done |")
        print("|---|---|---|---|---|---|---|---|---|")
        med = statistics.median
        for robots, extra, floor in (("ignored", ["--ignore-robots"], 3.0), ("obeyed", [], 4.0)):
            rows = []
            for i in range(args.repeat):
                shop.reset()
                s, wall, usage, launched = run_trawl(["--urls", urls, "--concurrency", "20", "--per-host", "20", *extra], work)
                c = shop.counters()
                first = c["firstRequestEpochMillis"] / 1000 - launched
                rows.append((s["elapsed_s"], wall, first, c["maxInFlight"], s["done"]))
            for i, (crawl, wall, first, mif, done) in enumerate(rows, 1):
                print(f"| {robots} | {i} | {fmt(crawl)} | {fmt(crawl / floor, 3)} | {fmt(wall)} | {fmt(wall / floor, 3)} | {first * 1000:.0f} | {mif} | {done} |")
            print(f"| {robots} | median | {fmt(med(r[0] for r in rows))} | {fmt(med(r[0] for r in rows) / floor, 3)} | "
                  f"{fmt(med(r[1] for r in rows))} | {fmt(med(r[1] for r in rows) / floor, 3)} | {med(r[2] for r in rows) * 1000:.0f} | | |")
        # The same crawl three times in one JVM: what is cold code, what is the engine.
        shop.reset()
        out = subprocess.run([java, "-cp", JAR, os.path.join(ROOT, "bench", "SeedInOneJvm.java"), urls],
                             capture_output=True, text=True, check=True).stdout.split()
        print("\nIn one JVM, a fresh engine and client each time: crawl s " +
              ", ".join(f"{float(t):.2f} ({float(t) / 3.0:.3f} ×)" for t in out))
    finally:
        shop.close()


def scenario_latency(java, work, args, n, latency_ms):
    shop = Shop(java, n, f"{latency_ms}ms")
    try:
        urls = os.path.join(work, "latency-urls.txt")
        shop.url_file(n, urls)
        shop_cpu = shop.cpu_seconds()
        s, wall, usage, _ = run_trawl(["--urls", urls, "--concurrency", "256", "--per-host", "256"], work)
        shop_cpu = shop.cpu_seconds() - shop_cpu
        c = shop.counters()
        floor = n * latency_ms / 1000 / 256
        cpu = usage.ru_utime + usage.ru_stime
        # What two busy cores allow: the CPU both processes spent, spread over the machine's cores.
        cpu_floor = (cpu + shop_cpu) / os.cpu_count()
        print(f"\n### (b) latency-bound: {n:,} pages, {latency_ms} ms latency, concurrency 256 — floor {fmt(floor)} s\n")
        print("| crawl s | crawl / floor | CPU floor s (trawl + shop CPU / cores) | crawl / max(floors) | pages/s | shop max in-flight | "
              "CPU-ms per page trawl / shop | peak RSS MB | done | failed |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        print(f"| {fmt(s['elapsed_s'])} | {fmt(s['elapsed_s'] / floor, 3)} | {fmt(cpu_floor)} | "
              f"{fmt(s['elapsed_s'] / max(floor, cpu_floor), 3)} | {s['pages_per_s']:.0f} | {c['maxInFlight']} | "
              f"{fmt(cpu * 1000 / n, 3)} / {fmt(shop_cpu * 1000 / n, 3)} | {usage.ru_maxrss / 1024:.0f} | {s['done']} | {s['failed']} |")
    finally:
        shop.close()


def throughput(java, work, args, transports):
    n = args.pages
    shop = Shop(java, n, "0ms")
    try:
        urls = os.path.join(work, "throughput-urls.txt")
        shop.url_file(n, urls)
        print(f"\n### (c) throughput: {n:,} pages (~40 KB each, JSON-LD fields read), no latency, concurrency 64\n")
        print("| transport | crawl s | pages/s | CPU-ms per page (crawl) | CPU-ms per page (process) | peak RSS MB | MB/s | done | failed |")
        print("|---|---|---|---|---|---|---|---|---|")
        for t in transports:
            shop.reset()
            s, wall, usage, _ = run_trawl(["--urls", urls, "--concurrency", "64", "--per-host", "64", "--transport", t], work)
            cpu = usage.ru_utime + usage.ru_stime
            print(f"| {t} | {fmt(s['elapsed_s'])} | {s['pages_per_s']:.0f} | {fmt(s['cpu_ms_per_page'], 3)} | "
                  f"{fmt(cpu * 1000 / n, 3)} | {usage.ru_maxrss / 1024:.0f} | {s['bytes'] / 1e6 / s['elapsed_s']:.0f} | "
                  f"{s['done']} | {s['failed']} |")
    finally:
        shop.close()


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_proxy(kind, work):
    """A local tinyproxy (http) or microsocks (socks5) on a free port; returns (process, proxy URL)."""
    port = free_port()
    if kind == "http":
        conf = os.path.join(work, "tinyproxy.conf")
        with open(conf, "w") as f:
            f.write(f"Port {port}\nListen 127.0.0.1\nAllow 127.0.0.1\nMaxClients 500\nLogLevel Critical\nDisableViaHeader Yes\n")
        proc = subprocess.Popen(["tinyproxy", "-d", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
    else:
        proc = subprocess.Popen(["microsocks", "-i", "127.0.0.1", "-p", str(port), "-u", "bench", "-P", "bench"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"socks5://bench:bench@127.0.0.1:{port}"
    time.sleep(0.5)
    return proc, url


def scenario_proxy(java, work, args):
    if not (shutil.which("tinyproxy") and shutil.which("microsocks")):
        print("\n(tinyproxy and microsocks not installed: bin/proxies-for-tests.sh installs them)")
        return
    n = max(1000, args.pages // 10)
    shop = Shop(java, n, "0ms")
    proxies = []
    try:
        urls = os.path.join(work, "proxy-urls.txt")
        shop.url_file(n, urls)
        print(f"\n### (e) through a local proxy: {n:,} pages, no latency, concurrency 64, one run each, in this order\n")
        print("| route | crawl s | pages/s | CPU-ms per page (process) | pages/s vs direct | CPU per page vs direct | done | failed |")
        print("|---|---|---|---|---|---|---|---|")
        base = None
        for kind in ["direct", "http", "socks5"]:
            extra = []
            if kind != "direct":
                proc, url = start_proxy(kind, work)
                proxies.append(proc)
                extra = ["--proxy", url]
            shop.reset()
            s, wall, usage, _ = run_trawl(["--urls", urls, "--concurrency", "64", "--per-host", "64", "--ignore-robots", *extra], work)
            cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000 / n
            if base is None:
                base = (s["pages_per_s"], cpu_ms)
            print(f"| {kind} | {fmt(s['elapsed_s'])} | {s['pages_per_s']:.0f} | {fmt(cpu_ms, 3)} | {fmt(s['pages_per_s'] / base[0])} | "
                  f"{fmt(cpu_ms / base[1])} | {s['done']} | {s['failed']} |")
    finally:
        for p in proxies:
            p.terminate()
        shop.close()


def scenario_wrk(java, work, args):
    if not shutil.which("wrk"):
        print("\n(wrk not installed: apt-get install wrk)")
        return
    shop = Shop(java, 100_000, "0ms")
    try:
        out = subprocess.run(["wrk", "-t2", "-c64", "-d10s", shop.url + "p/1"], capture_output=True, text=True).stdout
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
        tr = re.search(r"Transfer/sec:\s+(\S+)", out).group(1)
        print("\n### the shop's ceiling: wrk -t2 -c64 -d10s on one product page\n")
        print(f"| requests/s | transfer/s |\n|---|---|\n| {float(rps):.0f} | {tr} |")
    finally:
        shop.close()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenarios", nargs="*", default=["seed", "latency", "latency-slow", "transports", "wrk"])
    p.add_argument("--pages", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=3, help="runs of the seed scenario")
    args = p.parse_args()
    java = os.path.join(java_home(), "bin", "java")
    # builds the jar and makes the start-up cache first: every measured start then has it
    subprocess.run([os.path.join(ROOT, "trawl"), "--version"], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "TRAWL_AOT_WAIT": "1"})
    print(f"machine: {os.cpu_count()} cores, {subprocess.run(['uname', '-sr'], capture_output=True, text=True).stdout.strip()}, "
          f"{subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()[0]}")
    with tempfile.TemporaryDirectory() as work:
        for name in args.scenarios:
            if name == "seed":
                scenario_seed(java, work, args)
            elif name == "latency":
                scenario_latency(java, work, args, args.pages, 20)
            elif name == "latency-slow":
                scenario_latency(java, work, args, args.pages // 10, 200)
            elif name == "throughput":
                throughput(java, work, args, ["apache"])
            elif name == "transports":
                throughput(java, work, args, ["apache", "jdk"])
            elif name == "wrk":
                scenario_wrk(java, work, args)
            elif name == "proxy":
                scenario_proxy(java, work, args)
            else:
                sys.exit(f"unknown scenario {name!r}: seed, latency, latency-slow, throughput, transports, wrk, proxy")


if __name__ == "__main__":
    main()
