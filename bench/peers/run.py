#!/usr/bin/env python3
"""Peer benchmark: trawl, Scrapy, Crawlee (CheerioCrawler) and an aiohttp script on the same job, in one run.

Each tool fetches the same list of the demo shop's product pages (/_shop/urls.txt; in the sitemap
scenario, the product pages its /sitemap.xml lists, found by each tool's own sitemap support), reads name, sku,
price and currency from each page's JSON-LD and writes JSON lines. Per scenario one demo shop runs in a
JVM of its own (bench/run.py's Shop); its counters are reset between tools. Each tool's process is
measured with os.wait4 (CPU = user + system, peak RSS; children it reaps are included) and its output
is checked against the shop's catalogue: products = pages, no duplicate sku, and every record's name,
price (as a decimal) and currency equal to the catalogue's.

    python3 bench/peers/run.py                                  # every scenario, every tool
    python3 bench/peers/run.py --pages 100000                   # DESIGN.md's N
    python3 bench/peers/run.py --tools trawl,scrapy --scenarios throughput,faults

Tools: trawl, scrapy, crawlee (CheerioCrawler, its default persistence: request queue and dataset
written to a storage folder), crawlee-mem (the same with CRAWLEE_PERSIST_STORAGE=false), aiohttp.

Scenarios (DESIGN.md, "Benchmarks"):
  seed        50 URLs, 1 s latency, concurrency 20: floor 3.0 s.
  latency     N pages, 20 ms latency, concurrency 256: floor N x 20 ms / 256.
  small       2,000 pages, 50 ms latency, concurrency 100: floor 1.0 s; a user's first crawl, where the JVM's start
              and warm-up weigh most.
  throughput  N pages, no latency, concurrency 64: pages/s, CPU-s per 1,000 pages, peak RSS.
  sitemap     N pages, no latency, concurrency 64, each tool starting from the shop's /sitemap.xml: an index
              of child sitemaps of 5,000 URLs (odd ones gzipped), the first also listing the drafts'
              /drafts/p/{id} (the same products again); each tool keeps the URLs PRODUCT finds, its own way
              (trawl --include, Scrapy's SitemapSpider.sitemap_rules, a filter on Crawlee's Sitemap.load,
              re in the aiohttp script, which fetches and parses the sitemaps itself with xml.etree).
  faults      --fault-pages pages, no latency, concurrency 64, 10% faults (500 3%, 429 3% with
              Retry-After 1 s, reset mid-body 2%, hang 2%), each failing once: every tool has 3 retries
              and a 10 s timeout. Records recovered, and requests sent against the most 3 retries allow.
  scale       a 1,000,000-URL list (--scale-pages), no latency, concurrency 64; each tool runs for 60 s
              (--scale-seconds) and is killed: its RSS at 10 s, halfway and at the end, with the pages
              fetched by then. Whether memory stays flat while the frontier is large (DESIGN.md's scale
              scenario; a whole 1M-page run per peer would take hours at their rates).

The peers are installed when missing: apt-get install python3-scrapy python3-aiohttp (Debian's, run by
/usr/bin/python3), npm ci in bench/peers/crawlee.
"""
import argparse
import importlib.util
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("bench_run", os.path.join(os.path.dirname(HERE), "run.py"))
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

PY = "/usr/bin/python3"  # Debian's, where python3-scrapy and python3-aiohttp live
CRAWLEE = os.path.join(HERE, "crawlee")
TOOLS = ["trawl", "scrapy", "crawlee", "crawlee-mem", "aiohttp"]
RETRIES, TIMEOUT = 3, 10
FAULTS = {"SERVER_ERROR_500": 0.03, "TOO_MANY_REQUESTS_429": 0.03, "RESET_MID_BODY": 0.02, "HANG": 0.02}
FAULT_ATTEMPTS = 1
# The sitemap scenario's product pages: /p/{id} on the shop's host, not the drafts' /drafts/p/{id} the
# first child sitemap also lists (the same products again; robots.txt disallows them, which every tool
# here is told to ignore). One pattern, given to each tool the way it filters sitemap entries.
PRODUCT = r"^https?://[^/]+/p/[0-9]+$"
SITEMAP_CHILD = 5_000  # URLs per child sitemap: N = 20,000 gives an index of 4 children, 2 gzipped


def command(tool, urls, out, c, work, sitemap=None):
    """The command line and extra environment that run `tool` at concurrency `c` on the URL file `urls`, or,
    given `sitemap` (a URL), on the pages that sitemap (or index) lists whose URL PRODUCT finds."""
    if tool == "trawl":
        source = ["--sitemap", sitemap, "--include", PRODUCT] if sitemap else ["--urls", urls]
        return [os.path.join(bench.ROOT, "trawl"), "crawl", *source, "--out", out, "--concurrency", str(c),
                "--per-host", str(c), "--ignore-robots", "--quiet", "--retries", str(RETRIES), "--timeout", f"{TIMEOUT}s",
                "--summary-json", os.path.join(work, "trawl-summary.json")], {}
    if tool in ("scrapy", "aiohttp"):
        source = [sitemap, "--sitemap", "--include", PRODUCT] if sitemap else [urls]
        return [PY, os.path.join(HERE, f"{tool}_peer.py"), *source, out, "--concurrency", str(c),
                "--retries", str(RETRIES), "--timeout", str(TIMEOUT)], {}
    if tool in ("crawlee", "crawlee-mem"):
        # a fresh storage folder per run, as its users run it; crawlee-mem keeps the queue and the
        # dataset in memory only (CRAWLEE_PERSIST_STORAGE=false): no resuming, but far less I/O
        env = {"CRAWLEE_STORAGE_DIR": tempfile.mkdtemp(prefix="crawlee-", dir=work)}
        if tool == "crawlee-mem":
            env["CRAWLEE_PERSIST_STORAGE"] = "false"
        source = [sitemap] if sitemap else [urls]
        return ["node", os.path.join(CRAWLEE, "crawl.mjs"), *source, out, str(c), str(RETRIES), str(TIMEOUT),
                *([PRODUCT] if sitemap else [])], env
    sys.exit(f"unknown tool {tool!r}: {', '.join(TOOLS)}")


def install(tools):
    """Installs the peers that are missing."""
    debs = [d for t, d in (("scrapy", "python3-scrapy"), ("aiohttp", "python3-aiohttp")) if t in tools
            and subprocess.run([PY, "-c", f"import {t}"], capture_output=True).returncode != 0]
    if debs:
        apt = ["apt-get", "install", "-y", "-q", *debs]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if subprocess.run(apt, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
            subprocess.run(apt, env=env, check=True, stdout=subprocess.DEVNULL)
    if any(t.startswith("crawlee") for t in tools) and not os.path.isdir(os.path.join(CRAWLEE, "node_modules", "crawlee")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=CRAWLEE, check=True, stdout=subprocess.DEVNULL)


def versions(java):
    def out(cmd):
        r = subprocess.run(cmd, capture_output=True, text=True)
        return (r.stdout + r.stderr).strip().splitlines()[0]
    crawlee = "not installed (not run)"
    if os.path.exists(os.path.join(CRAWLEE, "node_modules", "crawlee", "package.json")):
        with open(os.path.join(CRAWLEE, "node_modules", "crawlee", "package.json")) as f:
            crawlee = json.load(f)["version"]
    return {"cores": os.cpu_count(), "kernel": out(["uname", "-sr"]), "jdk": out([java, "-version"]),
            "python": out([PY, "--version"]), "node": out(["node", "--version"]),
            "scrapy": out([PY, "-c", "import scrapy, twisted; print(scrapy.__version__, '(Twisted', twisted.__version__ + ')')"]),
            "aiohttp": out([PY, "-c", "import aiohttp; print(aiohttp.__version__)"]), "crawlee": crawlee,
            "trawl": out([os.path.join(bench.ROOT, "trawl"), "--version"])}


def measure(cmd, env, log, limit):
    """Runs cmd; returns wall seconds, CPU seconds, peak RSS MB and the exit status. Killed after `limit` s."""
    with open(log, "w") as f:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
        timer = threading.Timer(limit, lambda: os.killpg(proc.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def catalogue(shop, n):
    """sku -> (name, price, currency) of the first n products, prices as decimals."""
    expected = {}
    for line in shop.get("_shop/catalogue.jsonl").decode().splitlines()[:n]:
        p = json.loads(line, parse_float=Decimal)
        expected[p["sku"]] = (p["name"], Decimal(p["price"]), p["currency"])
    return expected


def verify(out, expected):
    """(records, duplicate skus, correct distinct records): name, price and currency as the catalogue has them."""
    records, seen, correct = 0, set(), 0
    if os.path.exists(out):
        with open(out) as f:
            for line in f:
                p = json.loads(line, parse_float=Decimal)
                records += 1
                sku = p.get("sku")
                if sku in seen:
                    continue
                seen.add(sku)
                try:
                    got = (p.get("name"), Decimal(str(p.get("price"))), p.get("currency"))
                except ArithmeticError:
                    continue
                correct += expected.get(sku) == got
    return records, records - len(seen), correct


def run_scenario(java, work, args, title, n, c, latency, floor, extra=(), faults=False, sitemap=False):
    # from a sitemap, the shop has exactly n products: its sitemap lists them all (and the drafts)
    shop = bench.Shop(java, n if sitemap else max(n, 1000), latency,
                      [*extra, "--sitemap-child-size", str(SITEMAP_CHILD)] if sitemap else extra)
    children = -(-n // SITEMAP_CHILD)
    rows = []
    try:
        urls = os.path.join(work, "urls.txt")
        shop.url_file(n, urls)
        expected = catalogue(shop, n)
        for tool in [t for _ in range(args.repeat) for t in args.tools]:  # rounds of every tool, so drift hits all alike
            shop.reset()
            out = os.path.join(work, f"{tool}.jsonl")
            cmd, env = command(tool, urls, out, c, work, shop.url + "sitemap.xml" if sitemap else None)
            load = os.getloadavg()[0]
            wall, cpu, rss, rc = measure(cmd, env, os.path.join(work, f"{tool}.log"), args.limit)
            records, dups, correct = verify(out, expected)
            counters = shop.counters()
            if rc != 0:
                with open(os.path.join(work, f"{tool}.log")) as f:
                    print(f"({tool} exited with {rc}: {f.read()[-600:]!r})", file=sys.stderr)
            rows.append(dict(tool=tool, wall=wall, cpu=cpu, rss=rss, rc=rc, records=records, dups=dups, correct=correct,
                             load=load, requests=counters["requests"], status=counters["byStatus"]))
            if tool == "trawl" and rc == 0:
                with open(os.path.join(work, "trawl-summary.json")) as f:
                    rows[-1]["crawl"] = json.load(f)["elapsed_s"]
            os.remove(out) if os.path.exists(out) else None
    finally:
        shop.close()
    rows, spreads = medians(rows, n)
    print(f"\n### {title}" + (f" (median of {args.repeat} runs)" if args.repeat > 1 else "") + "\n")
    head = "| tool | wall s | wall / floor | pages/s | CPU-s per 1,000 pages | peak RSS MB | correct / expected | records | dup skus |"
    if faults:
        head += f" requests sent | most {RETRIES} retries allow | statuses |"
    if sitemap:
        head += f" requests sent | pages + sitemaps ({n:,} + 1 + {children}) |"
    print(head + " load before |")
    print("|---" * (head.count("|")) + "|")
    for r in rows:
        tool = r["tool"] if r["rc"] == 0 else f"{r['tool']} (exit {r['rc']})"
        ratio = f"{r['wall'] / floor:.2f}" if floor else "—"
        line = (f"| {tool} | {r['wall']:.2f} | {ratio} | {n / r['wall']:.0f} | {r['cpu'] * 1000 / n:.2f} | {r['rss']:.0f} | "
                f"{r['correct']:,} / {n:,} | {r['records']:,} | {r['dups']} |")
        if faults:
            statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r["status"].items()))
            line += f" {r['requests']:,} | {n * (1 + RETRIES):,} | {statuses} |"
        if sitemap:
            line += f" {r['requests']:,} | {n + 1 + children:,} |"
        print(line + f" {r['load']:.2f} |")
    if args.repeat > 1:
        print("\nspread (lowest–highest of the runs): " + "; ".join(f"{t} {v}" for t, v in spreads.items()))
    ours = next((r for r in rows if r["tool"] == "trawl"), None)
    if ours:
        if "crawl" in ours:
            print(f"\ntrawl's own crawl time (its summary, JVM start excluded): {ours['crawl']:.2f} s")
        for r in rows:
            if r is not ours:
                print(f"\ntrawl / {r['tool']}: pages/s × {r['wall'] / ours['wall']:.2f}, CPU per page ÷ {r['cpu'] / ours['cpu']:.2f}, "
                      f"peak RSS × {ours['rss'] / r['rss']:.2f}", end="")
        print()
    sys.stdout.flush()
    return rows


def medians(rows, n):
    """One row per tool: the median wall, CPU and RSS of its runs (each taken separately), the rest from its median run."""
    out, spreads = [], {}
    for tool in dict.fromkeys(r["tool"] for r in rows):
        runs = sorted((r for r in rows if r["tool"] == tool), key=lambda r: r["wall"])
        row = dict(runs[len(runs) // 2])
        for k in ("wall", "cpu", "rss", "crawl"):
            if all(k in r for r in runs):
                row[k] = statistics.median(r[k] for r in runs)
        row["rc"] = max(r["rc"] for r in runs)
        row["correct"] = min(r["correct"] for r in runs)
        out.append(row)
        spreads[tool] = (f"{n / runs[-1]['wall']:.0f}–{n / runs[0]['wall']:.0f} pages/s, "
                         f"{min(r['cpu'] for r in runs) * 1000 / n:.2f}–{max(r['cpu'] for r in runs) * 1000 / n:.2f} CPU-s per 1,000, "
                         f"{min(r['rss'] for r in runs):.0f}–{max(r['rss'] for r in runs):.0f} MB")
    return out, spreads


def scenario_scale(java, work, args, n, seconds):
    """Each tool on an n-URL list for `seconds` (then killed): how memory grows with the frontier."""
    shop = bench.Shop(java, n, "0ms")
    marks = sorted({min(10, seconds), seconds // 2, seconds})
    rows = []
    try:
        urls = os.path.join(work, "urls.txt")
        shop.url_file(n, urls)
        for tool in args.tools:
            shop.reset()
            cmd, env = command(tool, urls, os.path.join(work, f"{tool}.jsonl"), 64, work)
            load = os.getloadavg()[0]
            with open(os.path.join(work, f"{tool}.log"), "w") as log:
                t0 = time.monotonic()
                proc = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
                at = {}
                for mark in marks:
                    time.sleep(max(0.0, t0 + mark - time.monotonic()))
                    at[mark] = (bench.rss_mb(proc.pid), shop.counters()["requests"])
                os.killpg(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
            rows.append((tool, at, usage.ru_maxrss / 1024, load))
            out = os.path.join(work, f"{tool}.jsonl")
            if os.path.exists(out):
                os.remove(out)
    finally:
        shop.close()
    print(f"\n### scale: a {n:,}-URL list, no latency, concurrency 64, each tool stopped after {seconds} s\n")
    print("| tool | " + " | ".join(f"RSS MB at {m} s (pages)" for m in marks) + " | peak RSS MB | load before |")
    print("|---" * (len(marks) + 3) + "|")
    for tool, at, peak, load in rows:
        cells = " | ".join("gone" if at[m][0] is None else f"{at[m][0]:.0f} ({at[m][1]:,})" for m in marks)
        print(f"| {tool} | {cells} | {peak:.0f} | {load:.2f} |")
    sys.stdout.flush()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=int, default=20_000, help="N of the latency and throughput scenarios")
    p.add_argument("--fault-pages", type=int, default=2_000)
    p.add_argument("--tools", default=",".join(TOOLS))
    p.add_argument("--scenarios", default="seed,latency,throughput,sitemap,faults,scale")
    p.add_argument("--scale-pages", type=int, default=1_000_000, help="the scale scenario's URL list")
    p.add_argument("--scale-seconds", type=int, default=60, help="how long each tool runs in the scale scenario")
    p.add_argument("--repeat", type=int, default=1, help="runs of each tool per scenario; tables give the medians and the spread")
    p.add_argument("--limit", type=float, default=1800, help="seconds a tool may run before it is killed")
    args = p.parse_args()
    args.tools = args.tools.split(",")
    java = os.path.join(bench.java_home(), "bin", "java")
    subprocess.run([os.path.join(bench.ROOT, "trawl"), "--version"], check=True, stdout=subprocess.DEVNULL)
    install(args.tools)
    v = versions(java)
    print(f"machine: {v['cores']} cores, {v['kernel']}, {v['jdk']}, {v['python']}, node {v['node']}")
    print(f"tools: {v['trawl']}; Scrapy {v['scrapy']}; aiohttp {v['aiohttp']}; Crawlee {v['crawlee']}")
    print(f"command: python3 bench/peers/run.py {' '.join(sys.argv[1:])}")
    n = args.pages
    fault_args = [a for k, rate in FAULTS.items() for a in ("--fault", f"{k}={rate}")]
    fault_args += ["--fault-attempts", str(FAULT_ATTEMPTS), "--retry-after", "1"]
    with tempfile.TemporaryDirectory() as work:
        for s in args.scenarios.split(","):
            if s == "seed":
                run_scenario(java, work, args, "seed: 50 URLs, 1 s latency, concurrency 20 — floor 3.0 s", 50, 20, "1s", 3.0)
            elif s == "latency":
                run_scenario(java, work, args, f"latency-bound: {n:,} pages, 20 ms latency, concurrency 256 — floor "
                             f"{n * 0.02 / 256:.2f} s", n, 256, "20ms", n * 0.02 / 256)
            elif s == "small":
                run_scenario(java, work, args, "small: 2,000 pages, 50 ms latency, concurrency 100 — floor 1.00 s (a user's first crawl)",
                             2000, 100, "50ms", 2000 * 0.05 / 100)
            elif s == "throughput":
                run_scenario(java, work, args, f"throughput: {n:,} pages, no latency, concurrency 64", n, 64, "0ms", None)
            elif s == "sitemap":
                run_scenario(java, work, args, f"sitemap: {n:,} pages from the shop's /sitemap.xml (an index of "
                             f"{-(-n // SITEMAP_CHILD)} children of up to {SITEMAP_CHILD:,} URLs, odd ones gzipped; the first also "
                             f"lists drafts), no latency, concurrency 64", n, 64, "0ms", None, sitemap=True)
            elif s == "faults":
                mix = ", ".join(f"{k} {rate:.0%}" for k, rate in FAULTS.items())
                run_scenario(java, work, args, f"faults: {args.fault_pages:,} pages, no latency, concurrency 64, {mix}, "
                             f"each failing {FAULT_ATTEMPTS}×; {RETRIES} retries, {TIMEOUT} s timeout",
                             args.fault_pages, 64, "0ms", None, fault_args, faults=True)
            elif s == "scale":
                scenario_scale(java, work, args, args.scale_pages, args.scale_seconds)
            else:
                sys.exit(f"unknown scenario {s!r}: seed, latency, small, throughput, sitemap, faults, scale")


if __name__ == "__main__":
    main()
