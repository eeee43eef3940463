#!/usr/bin/env python3
"""Benchmarks of rendering in headless Chromium (issue 17); results go to BENCHMARKS.md by hand.

    python3 bench/render.py                                 # every scenario, the issue's sizes (long: ~40 min at load 5)
    python3 bench/render.py cost memory                     # some: cost, auto-overhead, memory, mixed
    python3 bench/render.py --repeat 1 --cost-pages 60 cost # a quick look
    python3 bench/render.py --snapshot                      # HEAD, built in a copy apart from a shared tree's edits

Each scenario is one run of this script: its configurations run in rounds (every configuration once,
then again, --repeat rounds), so drift on a shared machine hits all alike; a table gives the median
of the rounds and the spread (lowest-highest). The demo shops run in JVMs of their own (bench/run.py's
Shop, from a private copy of the jar, so a build by someone else mid-run cannot pull it away), trawl
runs through ./trawl (TRAWL_AOT_WAIT=1) with --out, and every run's products are checked against the
shop's /_shop/catalogue.jsonl as bench/peers does (records = pages, no duplicate SKU, every record's
name, price and currency as the catalogue has them): a run that is not exact is shown as such and left
out of the medians. CPU: the JVM's own (the summary's cpu_s) and the browser tree's (render.browser_cpu_s,
trawl's own /proc sampler), and beside it the browser's CPU as this script saw it, a check on trawl's
figure. (os.wait4's figure for the process is given only where nothing renders: the browser's renderers
end unreaped by the JVM, so it misses most of their CPU.) A thread of this script samples /proc meanwhile
(every 1 s, 0.5 s in the memory scenario): the JVM's chromium descendants (how many, their CPU, their RSS
summed and, in the memory scenario, their PSS from smaps_rollup) and the JVM's own RSS.

Scenarios:
  cost           --cost-pages (300) products, the same catalogue served twice: as a JSON-LD shop fetched
                 (--render never) and as a js shop (app shells, --render-delay 200ms) rendered with
                 --render always and auto, resources blocked and all, tabs default (cores, at most 4),
                 and always/blocked at 1 and 4 tabs. Pages/s, CPU-ms per page, rendered / fetched.
  auto-overhead  a JSON-LD shop of --overhead-pages (20,000) products, no js pages, no latency, C = 64:
                 --render auto against never. auto must start no browser there: render.rendered == 0
                 and no chromium process below the JVM in any sample.
  memory         the js shop, --memory-pages (120) pages, --render always at --render-tabs 1, 4 and 8:
                 the browser tree's peak PSS and summed RSS, and the JVM's own peak RSS.
  mixed          a JSON-LD shop of --mixed-pages (1,000) products, --js-share 30: --render auto over all of
                 them (rendered against the js pages, counted by fetching each page here first; the
                 shop's counters: server-rendered pages served once), and --render always over the first
                 --mixed-always-pages (300) of the same URLs: what rendering every page would cost.
"""
import argparse
import importlib.util
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as bench  # noqa: E402  (bench/run.py: the demo shop in a JVM of its own, /proc helpers)
from run import ROOT, descendants, proc_stat, pss_mb, rss_mb  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_peers", os.path.join(HERE, "peers", "run.py"))
peers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peers)  # catalogue() and verify(): the check every peer's output gets

TREE = ROOT  # the tree whose ./trawl runs: this one, or with --snapshot a copy of HEAD built apart
CHROMIUM = "/usr/lib/chromium/chromium"
C = "64"  # --concurrency and --per-host of every crawl here; renders are bounded by the tabs


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().split(b"\0")
    except (FileNotFoundError, ProcessLookupError):
        return []


class Sampler(threading.Thread):
    """Samples the JVM's chromium descendants and the JVM's RSS until stop() (every `interval` s)."""

    def __init__(self, pid, interval, pss):
        super().__init__(daemon=True)
        self.pid, self.interval, self.pss = pid, interval, pss
        self.done = threading.Event()
        self.samples = 0
        self.max_procs = self.peak_rss = self.peak_pss = self.jvm_rss = 0
        self.cpu = 0.0  # the chromium processes' CPU (own and reaped children's), the highest sum seen
        self.seen = set()  # every chromium PID below the JVM

    def run(self):
        while not self.done.is_set():
            self.sample()
            self.done.wait(self.interval)

    def sample(self):
        if cmdline(self.pid)[:1] and not cmdline(self.pid)[0].endswith(b"java"):
            return  # the launcher is still building or making the start-up cache
        jvm = rss_mb(self.pid)
        if jvm is None:
            return
        self.jvm_rss = max(self.jvm_rss, jvm)
        procs = [p for p in descendants(self.pid) if b"chromium" in b" ".join(cmdline(p)[:1])]
        self.samples += 1
        self.seen.update(procs)
        self.max_procs = max(self.max_procs, len(procs))
        self.peak_rss = max(self.peak_rss, sum(rss_mb(p) or 0 for p in procs))
        ticks = 0
        for p in procs:
            try:
                ticks += sum(int(x) for x in proc_stat(p)[11:15])
            except (FileNotFoundError, ProcessLookupError):
                pass
        self.cpu = max(self.cpu, ticks / os.sysconf("SC_CLK_TCK"))
        if self.pss:
            self.peak_pss = max(self.peak_pss, sum(pss_mb(p) or 0 for p in procs))

    def stop(self):
        self.done.set()
        self.join()


def crawl(work, urls, expected, mode, extra=(), pss=False, interval=1.0):
    """One ./trawl crawl of the URL file; returns a row of its figures and its check against the catalogue."""
    out, summary, err = (os.path.join(work, f) for f in ("out.jsonl", "summary.json", "trawl.err"))
    for f in (out, summary):
        if os.path.exists(f):
            os.remove(f)
    cmd = [os.path.join(TREE, "trawl"), "crawl", "--urls", urls, "--out", out, "--summary-json", summary, "--quiet", "--ignore-robots",
           "--concurrency", C, "--per-host", C, "--render", mode, *extra]
    aot = os.path.exists(os.path.join(TREE, "trawl-cli", "target", "trawl.aot"))
    load = os.getloadavg()[0]
    with open(err, "w") as e:
        proc = subprocess.Popen(cmd, env={**os.environ, "TRAWL_AOT_WAIT": "1"}, stderr=e)
        sampler = Sampler(proc.pid, interval, pss)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        sampler.stop()
    with open(err) as e:
        stderr = e.read()
    n = sum(1 for _ in open(urls))
    records, dups, correct = peers.verify(out, expected)
    row = dict(rc=os.waitstatus_to_exitcode(status), load=load, aot=aot, n=n, records=records, dups=dups, correct=correct,
               built="trawl: building" in stderr, total_cpu=usage.ru_utime + usage.ru_stime, sampler=sampler,
               stderr=stderr.strip()[-400:])
    if os.path.exists(summary):
        with open(summary) as f:
            s = json.load(f)
        r = s["render"]
        row.update(summary=s, pps=s["pages_per_s"], elapsed=s["elapsed_s"], jvm=s["cpu_s"], browser=r["browser_cpu_s"],
                   rendered=r["rendered"], with_products=r["with_products"], p50=r["p50_ms"], p95=r["p95_ms"],
                   restarts=r["restarts"], mode=r["mode"], done=s["done"])
    row["exact"] = (row["rc"] == 0 and "summary" in row and row["done"] == n and records == n and dups == 0
                    and correct == n and row.get("mode") == mode)
    mark = "exact" if row["exact"] else f"NOT EXACT (exit {row['rc']}, {correct}/{n} correct, {records} records, {dups} dup)"
    print(f"  {mode:6s} {' '.join(extra):40s} {mark}: {row.get('pps', 0):.1f} pages/s, JVM {row.get('jvm', 0):.2f} s, "
          f"browser {row.get('browser', 0):.2f} s (sampled here {sampler.cpu:.2f} s), process {row['total_cpu']:.2f} s, rendered {row.get('rendered')}, "
          f"chromium procs max {sampler.max_procs}, load {load:.2f}{'' if aot else ', NO AOT cache'}"
          f"{', (rebuilt first)' if row['built'] else ''}", file=sys.stderr, flush=True)
    if not row["exact"]:
        print("  " + row["stderr"], file=sys.stderr)
    return row


def med(rows, key):
    xs = [key(r) for r in rows]
    return statistics.median(xs), min(xs), max(xs)


def show(triple, digits=1, scale=1.0):
    m, lo, hi = (x * scale for x in triple)
    return f"{m:,.{digits}f} ({lo:,.{digits}f}–{hi:,.{digits}f})"


def rounds(configs, repeat, work):
    """configs: name -> (urls, expected, mode, extra, pss). Every configuration once a round."""
    rows = {name: [] for name in configs}
    for i in range(repeat):
        print(f"round {i + 1}/{repeat}", file=sys.stderr, flush=True)
        for name, (shop, urls, expected, mode, extra, pss) in configs.items():
            shop.reset()
            row = crawl(work, urls, expected, mode, extra, pss, 0.5 if pss else 1.0)
            row["counters"] = shop.counters()
            rows[name].append(row)
    return rows


def exact(runs):
    return [r for r in runs if r["exact"]]


def checked(runs):
    good = exact(runs)
    n = runs[0]["n"]
    return f"{len(good)}/{len(runs)} runs exact ({min(r['correct'] for r in runs):,}–{max(r['correct'] for r in runs):,} of {n:,})"


def cpu_cols(runs, n):
    """JVM, browser (trawl's figure), both, and the browser as this script's sampler saw it: CPU-ms a page,
    medians (spread). (The process's wait4 figure misses the browser's renderers, which die unreaped by it.)"""
    return (show(med(runs, lambda r: r["jvm"] * 1000 / n)), show(med(runs, lambda r: r["browser"] * 1000 / n)),
            show(med(runs, lambda r: (r["jvm"] + r["browser"]) * 1000 / n)),
            show(med(runs, lambda r: r["sampler"].cpu * 1000 / n)))


def js_shop(java, n, address, extra=()):
    return bench.Shop(java, n, "0ms", ["--address", address, "--markup", "js", "--render-delay", "200ms", *extra])


def prepare(shop, n, work, name):
    urls = os.path.join(work, f"{name}-urls.txt")
    shop.url_file(n, urls)
    return urls, peers.catalogue(shop, n)


def scenario_cost(java, work, args):
    n = args.cost_pages
    fetched_shop = bench.Shop(java, n, "0ms", ["--address", "127.0.0.21"])
    shop = js_shop(java, n, "127.0.0.22")
    try:
        f_urls, f_exp = prepare(fetched_shop, n, work, "cost-jsonld")
        urls, exp = prepare(shop, n, work, "cost-js")
        tabs = min(os.cpu_count(), 4)
        configs = {
            "fetched: JSON-LD shop, never": (fetched_shop, f_urls, f_exp, "never", [], False),
            f"always, blocked, {tabs} tabs (default)": (shop, urls, exp, "always", [], False),
            f"always, all resources, {tabs} tabs": (shop, urls, exp, "always", ["--render-resources", "all"], False),
            f"auto, blocked, {tabs} tabs": (shop, urls, exp, "auto", [], False),
            "always, blocked, 1 tab": (shop, urls, exp, "always", ["--render-tabs", "1"], False),
            "always, blocked, 4 tabs": (shop, urls, exp, "always", ["--render-tabs", "4"], False),
        }
        rows = rounds(configs, args.repeat, work)
    finally:
        fetched_shop.close()
        shop.close()
    print(f"\n### cost: {n:,} products fetched (JSON-LD shop) and rendered (js shop, 200 ms render delay), C = {C}, "
          f"median of {args.repeat} rounds (lowest–highest)\n")
    print("| configuration | pages/s | CPU-ms per page: JVM | browser | JVM + browser | browser (this script's /proc sample) | rendered | "
          "render p50 / p95 ms | restarts | chromium procs (max) | check | load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    base = None
    for name, runs in rows.items():
        good = exact(runs) or runs
        jvm, browser, both, total = cpu_cols(good, n)
        pps = med(good, lambda r: r["pps"])
        cpu = med(good, lambda r: (r["jvm"] + r["browser"]) / n)[0]
        base = base or (pps[0], cpu)
        print(f"| {name} | {show(pps)} | {jvm} | {browser} | {both} | {total} | {med(good, lambda r: r['rendered'])[0]:.0f} | "
              f"{med(good, lambda r: r['p50'])[0]:.0f} / {med(good, lambda r: r['p95'])[0]:.0f} | "
              f"{max(r['restarts'] for r in good)} | {max(r['sampler'].max_procs for r in good)} | {checked(runs)} | "
              f"{show(med(runs, lambda r: r['load']), 2)} |")
    print("\nrendered / fetched (medians of this run):")
    for name, runs in list(rows.items())[1:]:
        good = exact(runs) or runs
        pps = med(good, lambda r: r["pps"])[0]
        cpu = med(good, lambda r: (r["jvm"] + r["browser"]) / n)[0]
        jvm = med(good, lambda r: r["jvm"] / n)[0]
        f_jvm = med(exact(rows["fetched: JSON-LD shop, never"]) or rows["fetched: JSON-LD shop, never"], lambda r: r["jvm"] / n)[0]
        print(f"- {name}: pages/s × {pps / base[0]:.3f}, CPU per page (JVM + browser) × {cpu / base[1]:.1f}, "
              f"the JVM's alone × {jvm / f_jvm:.1f}")
    sys.stdout.flush()
    return rows


def scenario_overhead(java, work, args):
    n = args.overhead_pages
    shop = bench.Shop(java, n, "0ms", ["--address", "127.0.0.24"])
    try:
        urls, exp = prepare(shop, n, work, "overhead")
        configs = {"never": (shop, urls, exp, "never", [], False), "auto": (shop, urls, exp, "auto", [], False)}
        rows = rounds(configs, args.repeat, work)
    finally:
        shop.close()
    print(f"\n### auto-overhead: {n:,} products, JSON-LD, no js pages, no latency, C = {C}, "
          f"median of {args.repeat} rounds (lowest–highest)\n")
    print("| --render | pages/s | CPU-ms per page: JVM | process (wait4) | rendered | not_rendered | chromium processes seen "
          "(samples) | check | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, runs in rows.items():
        good = exact(runs) or runs
        built = any(r["built"] for r in good)  # a rebuild by the launcher would be in wait4's figure
        print(f"| {name} | {show(med(good, lambda r: r['pps']), 0)} | {show(med(good, lambda r: r['jvm'] * 1000 / n), 3)} | "
              f"{show(med(good, lambda r: r['total_cpu'] * 1000 / n), 3) if not built else '—'} | "
              f"{max(r['rendered'] for r in runs)} | {max(r['summary']['render']['not_rendered'] for r in runs)} | "
              f"{len(set().union(*(r['sampler'].seen for r in runs)))} ({sum(r['sampler'].samples for r in runs)}) | "
              f"{checked(runs)} | {show(med(runs, lambda r: r['load']), 2)} |")
    never, auto = (exact(rows[k]) or rows[k] for k in ("never", "auto"))
    pps = med(auto, lambda r: r["pps"])[0] / med(never, lambda r: r["pps"])[0]
    cpu = med(auto, lambda r: r["jvm"])[0] / med(never, lambda r: r["jvm"])[0]
    paired = [a["jvm"] / b["jvm"] for a, b in zip(rows["auto"], rows["never"])]
    print(f"\nauto / never (medians): pages/s × {pps:.3f}, CPU per page × {cpu:.3f} (overhead {100 * (cpu - 1):+.1f} %); "
          f"per round (auto after never in each): CPU × " + ", ".join(f"{x:.3f}" for x in paired))
    sys.stdout.flush()
    return rows


def scenario_memory(java, work, args):
    n = args.memory_pages
    shop = js_shop(java, n, "127.0.0.25")
    try:
        urls, exp = prepare(shop, n, work, "memory")
        configs = {t: (shop, urls, exp, "always", ["--render-tabs", str(t)], True) for t in (1, 4, 8)}
        rows = rounds(configs, args.repeat, work)
    finally:
        shop.close()
    print(f"\n### memory: {n:,} js pages rendered (--render always, blocked), by --render-tabs, "
          f"median of {args.repeat} rounds (lowest–highest); /proc sampled every 0.5 s\n")
    print("| tabs | browser tree peak PSS MB | peak RSS summed MB | chromium processes (max) | JVM peak RSS MB | "
          "pages/s | CPU-ms per page (JVM + browser) | render p50 / p95 ms | check | load |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for tabs, runs in rows.items():
        good = exact(runs) or runs
        print(f"| {tabs} | {show(med(good, lambda r: r['sampler'].peak_pss), 0)} | {show(med(good, lambda r: r['sampler'].peak_rss), 0)} | "
              f"{max(r['sampler'].max_procs for r in good)} | {show(med(good, lambda r: r['sampler'].jvm_rss), 0)} | "
              f"{show(med(good, lambda r: r['pps']))} | {show(med(good, lambda r: (r['jvm'] + r['browser']) * 1000 / n), 0)} | "
              f"{med(good, lambda r: r['p50'])[0]:.0f} / {med(good, lambda r: r['p95'])[0]:.0f} | {checked(runs)} | "
              f"{show(med(runs, lambda r: r['load']), 2)} |")
    sys.stdout.flush()
    return rows


def js_pages(shop, urls):
    """How many of the URLs serve an app shell (fetched here, once each; the counters are reset after)."""
    count = 0
    with open(urls) as f:
        for url in f.read().split():
            with urllib.request.urlopen(url) as r:
                count += b'<div id="app"></div>' in r.read()
    shop.reset()
    return count


def scenario_mixed(java, work, args):
    n, m = args.mixed_pages, min(args.mixed_always_pages, args.mixed_pages)
    shop = bench.Shop(java, n, "0ms", ["--address", "127.0.0.23", "--js-share", "30", "--render-delay", "200ms"])
    try:
        urls, exp = prepare(shop, n, work, "mixed")
        sub_urls, sub_exp = prepare(shop, m, work, "mixed-sub")
        js_all, js_sub = js_pages(shop, urls), js_pages(shop, sub_urls)
        configs = {f"auto, all {n:,} pages": (shop, urls, exp, "auto", [], False),
                   f"always, the first {m:,} pages": (shop, sub_urls, sub_exp, "always", [], False)}
        rows = rounds(configs, args.repeat, work)
    finally:
        shop.close()
    print(f"\n### mixed: {n:,} products, 30 % js pages ({js_all} app shells, counted by fetching each page), "
          f"C = {C}, default tabs, median of {args.repeat} rounds (lowest–highest)\n")
    print("| --render | pages | js pages | rendered | with products | server pages served (shop) | app shells served "
          "(shop) | pages/s | CPU-ms per page: JVM | browser | JVM + browser | browser (this script's sample) | check | load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for (name, runs), (pages, js) in zip(rows.items(), ((n, js_all), (m, js_sub))):
        good = exact(runs) or runs
        jvm, browser, both, total = cpu_cols(good, pages)
        rendered = sorted({r["rendered"] for r in runs})
        print(f"| {name} | {pages:,} | {js} | {', '.join(map(str, rendered))} | "
              f"{', '.join(map(str, sorted({r['with_products'] for r in runs})))} | "
              f"{', '.join(str(c) for c in sorted({r['counters']['serverPages'] for r in runs}))} | "
              f"{', '.join(str(c) for c in sorted({r['counters']['jsPages'] for r in runs}))} | "
              f"{show(med(good, lambda r: r['pps']))} | {jvm} | {browser} | {both} | {total} | {checked(runs)} | "
              f"{show(med(runs, lambda r: r['load']), 2)} |")
    auto, always = (exact(r) or r for r in rows.values())
    a_cpu = med(auto, lambda r: (r["jvm"] + r["browser"]) / n)[0]
    b_cpu = med(always, lambda r: (r["jvm"] + r["browser"]) / m)[0]
    print(f"\nauto / always: pages/s × {med(auto, lambda r: r['pps'])[0] / med(always, lambda r: r['pps'])[0]:.2f}, "
          f"CPU per page × {a_cpu / b_cpu:.2f}; rendered / js pages in auto: "
          + ", ".join(f"{r['rendered'] / js_all:.3f}" for r in rows[next(iter(rows))]))
    sys.stdout.flush()
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenarios", nargs="*", default=["auto-overhead", "cost", "memory", "mixed"])
    p.add_argument("--repeat", type=int, default=3, help="rounds of every configuration (default 3)")
    p.add_argument("--cost-pages", type=int, default=300)
    p.add_argument("--overhead-pages", type=int, default=20_000)
    p.add_argument("--memory-pages", type=int, default=120)
    p.add_argument("--mixed-pages", type=int, default=1000)
    p.add_argument("--mixed-always-pages", type=int, default=300)
    p.add_argument("--snapshot", action="store_true",
                   help="measure the committed HEAD in a copy of its own (git archive, built there once), so that "
                        "others' uncommitted edits in this tree (./trawl rebuilds a stale jar) cannot change or break "
                        "trawl between runs")
    args = p.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the shops are closed on the way out
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    java = os.path.join(bench.java_home(), "bin", "java")
    with tempfile.TemporaryDirectory(prefix="trawl-render-bench-") as work:
        global TREE
        if args.snapshot:
            TREE = os.path.join(work, "tree")
            os.mkdir(TREE)
            head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                  check=True).stdout.strip()
            subprocess.run(f'git -C "{ROOT}" archive HEAD | tar -x -C "{TREE}"', shell=True, check=True)
            subprocess.run(["bash", "-c", ". bin/jdk25.sh && ./mvnw -B -q -DskipTests package"], cwd=TREE, check=True,
                           stdout=subprocess.DEVNULL)
            print(f"(trawl at {head}, built in a copy of its own)", file=sys.stderr)
        # builds the jar if stale and makes the start-up cache first: every measured start then has it
        subprocess.run([os.path.join(TREE, "trawl"), "--version"], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "TRAWL_AOT_WAIT": "1"})
        # the shops run from a copy of the jar: a build in this tree while they run (./trawl rebuilds a stale
        # jar; others build here too) must not change the classes under a running shop
        bench.JAR = shutil.copy(os.path.join(TREE, "trawl-cli", "target", "trawl.jar"), os.path.join(work, "shop.jar"))
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
        rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        print(f"trawl {'at HEAD ' + rev + ' (--snapshot)' if args.snapshot else 'from this tree (HEAD ' + rev + ' and any edits)'}; "
              f"machine: {os.cpu_count()} cores, {subprocess.run(['uname', '-sr'], capture_output=True, text=True).stdout.strip()}, "
              f"{subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()[0]}, {chromium}; "
              f"load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for name in args.scenarios:
            t0 = time.perf_counter()
            if name == "cost":
                scenario_cost(java, work, args)
            elif name == "auto-overhead":
                scenario_overhead(java, work, args)
            elif name == "memory":
                scenario_memory(java, work, args)
            elif name == "mixed":
                scenario_mixed(java, work, args)
            else:
                sys.exit(f"unknown scenario {name!r}: cost, auto-overhead, memory, mixed")
            print(f"\n({name}: {time.perf_counter() - t0:.0f} s; load average now "
                  f"{' '.join(f'{x:.2f}' for x in os.getloadavg())})", flush=True)


if __name__ == "__main__":
    main()
