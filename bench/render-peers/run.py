#!/usr/bin/env python3
"""Render peers (issue 17): trawl's own CDP client against Playwright for Java and Crawlee's PlaywrightCrawler,
on the demo's js shop, in one run.

Every tool renders the same N product pages of one js shop (app shells whose script, after --render-delay,
fetches /api/products/ID.json and inserts a Product JSON-LD) in Debian's Chromium (/usr/lib/chromium/chromium),
4 pages at once, images, fonts, media and stylesheets blocked inside the browser, waits for the Product JSON-LD
script and takes the page's HTML; each writes name, sku, price and currency as JSON lines, checked against the
shop's /_shop/catalogue.jsonl (records = pages, no duplicate sku, every record's name, price as a decimal and
currency as the catalogue has them; bench/peers/run.py's check). The tools run in rounds (each tool once, then
again, --repeat rounds), so drift on this shared machine hits all alike; the tables give medians and the spread.

    python3 bench/render-peers/run.py                          # N = 200, 200 ms render delay, 3 rounds, every tool
    python3 bench/render-peers/run.py --pages 40 --repeat 1    # a quick look
    python3 bench/render-peers/run.py --tools trawl,playwright-java

Tools:
  trawl                    ./trawl crawl --render always --render-tabs 4 --render-resources blocked (its CDP client
                           over java.net.http.WebSocket: one browser, a tab per slot, reused for the shop's pages).
  playwright-java          playwright-java/ (com.microsoft.playwright:playwright 1.62.0, its Node.js driver): one
                           Playwright, one browser, a BrowserContext and a Page per worker thread, reused, every call
                           under one lock (its objects are not thread-safe); resources aborted by context.route by
                           resource type; navigate(commit), then a page.evaluate poll every 50 ms for the JSON-LD
                           (a blocking wait would hold the lock), page.content().
  playwright-java-threads  the same program, a Playwright instance per thread as Playwright's documentation has it:
                           4 drivers and 4 browsers; navigate (load), waitForSelector (attached), page.content().
  crawlee                  crawlee/ (Crawlee 3 PlaywrightCrawler with playwright, launchOptions.executablePath):
                           maxConcurrency 4 (min and desired too), a route per page aborting the same resource types,
                           waitForSelector (attached), parseWithCheerio (page.content()); Crawlee's defaults otherwise.

Measurement: each tool is started by a forked child of this script that makes itself the child subreaper
(prctl PR_SET_CHILD_SUBREAPER), so that every process of the tool's tree, browsers and their zygotes and
renderers included, is reaped by someone inside the tree or by it: the sum of the rusage os.wait4 returns for
what it reaped is the tree's whole CPU, exact. Every 100 ms it also reads /proc for the tree: each process's
own CPU (utime + stime), by what it runs (/proc/PID/exe: Chromium's binaries under /usr/lib/chromium/, java,
node, other), the tree's summed RSS, and every 1 s its PSS (smaps_rollup: Chromium's processes share much of
their memory, which summed RSS counts once a process). CPU is split into the browser's and the rest's: the
rest is the sampled own CPU of the processes that are not Chromium (the JVM, Node; long-lived, so the last
sample misses at most 100 ms of each), the browser the whole tree's less that. A page's CPU is the whole run's
over N pages: start-up included (the JVM, Playwright's driver unpacking itself from its jar, the browser).

The peers are built or installed when missing: Maven (the repository's ./mvnw) packages playwright-java/ and
writes its class path to target/classpath.txt (the 202 MB driver-bundle jar stays in ~/.m2);
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci in crawlee/.
"""
import argparse
import ctypes
import errno
import importlib.util
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
_spec = importlib.util.spec_from_file_location("bench_run", os.path.join(BENCH, "run.py"))
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)  # the demo shop in a JVM of its own
_spec = importlib.util.spec_from_file_location("bench_peers", os.path.join(BENCH, "peers", "run.py"))
peers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peers)  # catalogue() and verify(): the check every peer's output gets

CHROMIUM = "/usr/lib/chromium/chromium"
PW_JAVA = os.path.join(HERE, "playwright-java")
CRAWLEE = os.path.join(HERE, "crawlee")
TOOLS = ["trawl", "playwright-java", "playwright-java-threads", "crawlee"]
TABS, RETRIES, TIMEOUT = 4, 3, 15
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
SKIP = {"PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}


def command(tool, urls, out, work, java):
    """The command line and extra environment that run `tool` on the URL file `urls`, writing JSON lines to `out`."""
    if tool == "trawl":
        return [os.path.join(bench.ROOT, "trawl"), "crawl", "--urls", urls, "--out", out, "--render", "always",
                "--render-tabs", str(TABS), "--render-resources", "blocked", "--render-browser", CHROMIUM,
                "--ignore-robots", "--quiet", "--retries", str(RETRIES), "--render-timeout", f"{TIMEOUT}s",
                "--summary-json", os.path.join(work, "trawl-summary.json")], {"TRAWL_AOT_WAIT": "1"}
    if tool.startswith("playwright-java"):
        with open(os.path.join(PW_JAVA, "target", "classpath.txt")) as f:
            cp = os.path.join(PW_JAVA, "target", "classes") + os.pathsep + f.read().strip()
        mode = "per-thread" if tool.endswith("threads") else "shared"
        return [java, "-cp", cp, "PlaywrightPeer", mode, urls, out, str(TABS), CHROMIUM, str(TIMEOUT)], SKIP
    if tool == "crawlee":
        env = {"CRAWLEE_STORAGE_DIR": tempfile.mkdtemp(prefix="crawlee-", dir=work), **SKIP}
        return ["node", os.path.join(CRAWLEE, "crawl.mjs"), urls, out, str(TABS), str(RETRIES), str(TIMEOUT), CHROMIUM], env
    sys.exit(f"unknown tool {tool!r}: {', '.join(TOOLS)}")


def install(tools, java_home):
    built = os.path.join(PW_JAVA, "target", "classes", "PlaywrightPeer.class")
    sources = [os.path.join(PW_JAVA, "pom.xml"), os.path.join(PW_JAVA, "src", "main", "java", "PlaywrightPeer.java")]
    stale = not os.path.exists(os.path.join(PW_JAVA, "target", "classpath.txt")) or not os.path.exists(built) \
        or any(os.path.getmtime(s) > os.path.getmtime(built) for s in sources)
    if any(t.startswith("playwright-java") for t in tools) and stale:
        subprocess.run([os.path.join(bench.ROOT, "mvnw"), "-q", "-B", "-f", os.path.join(PW_JAVA, "pom.xml"), "package"],
                       env={**os.environ, "JAVA_HOME": java_home}, check=True, stdout=subprocess.DEVNULL)
    if "crawlee" in tools and not os.path.isdir(os.path.join(CRAWLEE, "node_modules", "crawlee")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=CRAWLEE, env={**os.environ, **SKIP}, check=True,
                       stdout=subprocess.DEVNULL)


def versions(java):
    def out(cmd):
        r = subprocess.run(cmd, capture_output=True, text=True)
        return (r.stdout + r.stderr).strip().splitlines()[0]

    def npm(name):
        path = os.path.join(CRAWLEE, "node_modules", name, "package.json")
        if not os.path.exists(path):
            return "not installed"
        with open(path) as f:
            return json.load(f)["version"]
    with open(os.path.join(PW_JAVA, "pom.xml")) as f:
        pw_java = f.read().split("<playwright.version>")[1].split("<")[0]
    return {"cores": os.cpu_count(), "kernel": out(["uname", "-sr"]), "jdk": out([java, "-version"]),
            "node": out(["node", "--version"]), "chromium": out([CHROMIUM, "--version"]),
            "trawl": out([os.path.join(bench.ROOT, "trawl"), "--version"]), "playwright-java": pw_java,
            "crawlee": npm("crawlee"), "playwright": npm("playwright")}


# --- the process tree, from /proc ------------------------------------------------------------------

def kind(pid):
    """What a process runs: browser (Chromium's binaries), java, node or other; None once it has gone."""
    try:
        exe = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return None
    if exe.startswith(os.path.dirname(CHROMIUM) + "/"):
        return "browser"
    base = os.path.basename(exe)
    return base if base in ("java", "node") else "other"


def run_tree(cmd, env, log, limit, interval=0.1, pss_every=10):
    """In this (forked) process, made the child subreaper: runs cmd, samples its tree and reaps all of it."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(36, 1, 0, 0, 0) != 0:  # PR_SET_CHILD_SUBREAPER
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")
    me = os.getpid()
    with open(log, "w") as f:
        t0 = time.perf_counter()
        # posix_spawn, not subprocess.Popen: Popen may reap its child itself, and its rusage would be lost
        root = os.posix_spawnp(cmd[0], cmd, {**os.environ, **env}, setsid=True, file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, f.fileno(), 1), (os.POSIX_SPAWN_DUP2, f.fileno(), 2)])
    own, kinds = {}, {}  # pid -> last own CPU ticks seen, pid -> kind
    peak_rss = peak_pss = 0
    peak_procs = {"browser": 0}
    cpu = 0.0
    rc, wall, killed, after = None, None, False, None
    n = 0
    while True:
        # reap whatever has ended: the tool, and the orphans it left (browser processes whose parent went first)
        while True:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                pid = -1
                break
            if pid == 0:
                break
            cpu += usage.ru_utime + usage.ru_stime
            if pid == root:
                rc, wall = os.waitstatus_to_exitcode(status), time.perf_counter() - t0
                after = time.monotonic()
        if pid == -1:  # no child left: the whole tree has ended and been reaped
            break
        now = time.perf_counter() - t0
        if rc is None and now > limit and not killed:
            killed = True
            os.killpg(root, signal.SIGKILL)
        if after is not None and time.monotonic() - after > 10:  # the tool is gone; end what it left behind
            for pid in bench.descendants(me):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        tree = bench.descendants(me)
        rss = pss = 0
        count = {}
        for pid in tree:
            try:
                fields = bench.proc_stat(pid)
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            if fields[0] == "Z":
                continue
            # looked at every time: an exec keeps the pid (the ./trawl launcher becoming java; a browser started by
            # java or node runs their binary until its exec), and the CPU before it is a trifle
            k = kind(pid)
            if k is None:
                continue
            kinds[pid] = k
            own[pid] = int(fields[11]) + int(fields[12])
            rss += int(fields[21]) * PAGE
            count[kinds[pid]] = count.get(kinds[pid], 0) + 1
            if n % pss_every == 0:
                pss += (bench.pss_mb(pid) or 0) * 1024 * 1024
        peak_rss = max(peak_rss, rss)
        if n % pss_every == 0:
            peak_pss = max(peak_pss, pss)
        for k, c in count.items():
            peak_procs[k] = max(peak_procs.get(k, 0), c)
        n += 1
        time.sleep(interval)
    by_kind = {}
    for pid, ticks in own.items():
        by_kind[kinds[pid]] = by_kind.get(kinds[pid], 0.0) + ticks / TICK
    rest = sum(v for k, v in by_kind.items() if k != "browser")
    return {"wall": wall, "rc": rc if not killed else -9, "cpu": cpu, "rest": rest, "browser": cpu - rest,
            "browser_sampled": by_kind.get("browser", 0.0), "by_kind": by_kind, "peak_rss": peak_rss / 2**20,
            "peak_pss": peak_pss / 2**20, "peak_procs": peak_procs}


def measure(cmd, env, log, limit):
    """run_tree in a forked child (the subreaper must not reap this script's own children, the shop)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            result = run_tree(cmd, env, log, limit)
        except BaseException as e:  # noqa: BLE001  (reported by the parent)
            result = {"error": repr(e)}
        with os.fdopen(w, "w") as f:
            json.dump(result, f)
        os._exit(0)
    os.close(w)
    with os.fdopen(r) as f:
        data = f.read()
    os.waitpid(pid, 0)
    result = json.loads(data)
    if "error" in result:
        sys.exit(f"measuring {cmd[0]} failed: {result['error']}")
    return result


# --- the run ---------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=int, default=200)
    p.add_argument("--render-delay", default="200ms")
    p.add_argument("--tools", default=",".join(TOOLS))
    p.add_argument("--repeat", type=int, default=3, help="rounds of every tool; tables give the medians and the spread")
    p.add_argument("--limit", type=float, default=300, help="seconds a tool may run before it is killed")
    args = p.parse_args()
    tools = args.tools.split(",")
    for t in tools:
        if t not in TOOLS:
            sys.exit(f"unknown tool {t!r}: {', '.join(TOOLS)}")
    java_home = bench.java_home()
    java = os.path.join(java_home, "bin", "java")
    env = {**os.environ, "TRAWL_AOT_WAIT": "1"}
    subprocess.run([os.path.join(bench.ROOT, "trawl"), "--version"], check=True, stdout=subprocess.DEVNULL, env=env)
    install(tools, java_home)
    v = versions(java)
    print(f"machine: {v['cores']} cores, {v['kernel']}, {v['jdk']}, node {v['node']}, {v['chromium']}")
    print(f"tools: {v['trawl']}; Playwright for Java {v['playwright-java']}; Crawlee {v['crawlee']} with playwright {v['playwright']}")
    print(f"command: python3 bench/render-peers/run.py {' '.join(sys.argv[1:])}")
    n = args.pages
    rows = []
    with tempfile.TemporaryDirectory() as work:
        # a private copy of the jar for the shop: a build mid-run cannot pull it away
        jar = os.path.join(work, "shop.jar")
        subprocess.run(["cp", bench.JAR, jar], check=True)
        bench.JAR = jar
        shop = bench.Shop(java, n, "0ms", ["--markup", "js", "--render-delay", args.render_delay])
        try:
            urls = os.path.join(work, "urls.txt")
            shop.url_file(n, urls)
            expected = peers.catalogue(shop, n)
            for rnd in range(args.repeat):
                for tool in tools:  # rounds of every tool, so drift hits all alike
                    shop.reset()
                    out = os.path.join(work, f"{tool}.jsonl")
                    cmd, extra = command(tool, urls, out, work, java)
                    load = os.getloadavg()
                    shop_cpu = shop.cpu_seconds()
                    r = measure(cmd, extra, os.path.join(work, f"{tool}.log"), args.limit)
                    r["shop_cpu"] = shop.cpu_seconds() - shop_cpu
                    r["records"], r["dups"], r["correct"] = peers.verify(out, expected)
                    c = shop.counters()
                    r.update(tool=tool, round=rnd + 1, load=load[0], load5=load[1], requests=c["requests"],
                             pages=c["productPages"], api=c["apiRequests"])
                    if tool == "trawl" and os.path.exists(os.path.join(work, "trawl-summary.json")):
                        with open(os.path.join(work, "trawl-summary.json")) as f:
                            s = json.load(f)
                        r["trawl_summary"] = {"cpu_s": s["cpu_s"], "browser_cpu_s": s["render"]["browser_cpu_s"],
                                              "pages_per_s": s["pages_per_s"], "elapsed_s": s["elapsed_s"]}
                        os.remove(os.path.join(work, "trawl-summary.json"))
                    with open(os.path.join(work, f"{tool}.log")) as f:
                        r["log_tail"] = f.read()[-300:]
                    if r["rc"] != 0:
                        print(f"({tool} exited with {r['rc']}: {r['log_tail']!r})", file=sys.stderr)
                    rows.append(r)
                    print(f"round {rnd + 1} {tool}: {r['wall']:.1f} s, {n / r['wall']:.2f} pages/s, CPU {r['cpu']:.1f} s "
                          f"(browser {r['browser']:.1f}, rest {r['rest']:.1f}), {r['correct']}/{n} correct, "
                          f"load {load[0]:.2f}", file=sys.stderr, flush=True)
                    if os.path.exists(out):
                        os.remove(out)
        finally:
            shop.close()
    report(rows, tools, n, args)
    with open(os.path.join(tempfile.gettempdir(), "render-peers-rows.json"), "w") as f:
        json.dump(rows, f, indent=1)


def report(rows, tools, n, args):
    med = statistics.median
    print(f"\n### {n} js pages ({args.render_delay} render delay), 4 at once, resources blocked — "
          f"median of {args.repeat} rounds\n")
    print("| tool | wall s | pages/s | CPU-s per page | browser CPU-s per page | rest CPU-s per page | shop CPU-s per page | "
          "peak RSS MB (tree, summed) | peak PSS MB (tree) | Chromium processes (peak) | correct / expected | records | "
          "dup skus | shop requests | load 1 min |")
    print("|---" * 15 + "|")
    meds = {}
    for tool in tools:
        runs = [r for r in rows if r["tool"] == tool]
        exact = [r for r in runs if r["rc"] == 0 and r["correct"] == n and r["records"] == n]
        use = exact or runs
        m = {k: med(r[k] for r in use) for k in ("wall", "cpu", "browser", "rest", "shop_cpu", "peak_rss", "peak_pss", "load")}
        m["procs"] = max(r["peak_procs"].get("browser", 0) for r in use)
        meds[tool] = m
        label = tool if len(exact) == len(runs) else f"{tool} ({len(runs) - len(exact)} of {len(runs)} runs not exact)"
        print(f"| {label} | {m['wall']:.1f} | {n / m['wall']:.2f} | {m['cpu'] / n:.3f} | {m['browser'] / n:.3f} | "
              f"{m['rest'] / n:.3f} | {m['shop_cpu'] / n:.4f} | {m['peak_rss']:.0f} | {m['peak_pss']:.0f} | {m['procs']} | "
              f"{min(r['correct'] for r in runs)} / {n} | {'/'.join(str(r['records']) for r in runs)} | "
              f"{max(r['dups'] for r in runs)} | {'/'.join(str(r['requests']) for r in runs)} | {m['load']:.2f} |")
    print("\nspread (lowest–highest of the rounds):")
    for tool in tools:
        runs = [r for r in rows if r["tool"] == tool]
        print(f"- {tool}: {n / max(r['wall'] for r in runs):.2f}–{n / min(r['wall'] for r in runs):.2f} pages/s, "
              f"CPU {min(r['cpu'] for r in runs) / n:.3f}–{max(r['cpu'] for r in runs) / n:.3f} s a page (browser "
              f"{min(r['browser'] for r in runs) / n:.3f}–{max(r['browser'] for r in runs) / n:.3f}), peak RSS "
              f"{min(r['peak_rss'] for r in runs):.0f}–{max(r['peak_rss'] for r in runs):.0f} MB, PSS "
              f"{min(r['peak_pss'] for r in runs):.0f}–{max(r['peak_pss'] for r in runs):.0f} MB")
    print("\nCPU by process kind, seconds in the whole run (median; sampled own CPU, browser = whole tree less the rest), "
          "and the browser's CPU as sampled (a lower bound: a process's last 100 ms and any that lived less are missed):")
    for tool in tools:
        runs = [r for r in rows if r["tool"] == tool]
        kinds = sorted({k for r in runs for k in r["by_kind"]})
        parts = ", ".join(f"{k} {med(r['by_kind'].get(k, 0.0) for r in runs):.1f}" for k in kinds if k != "browser")
        print(f"- {tool}: whole tree {med(r['cpu'] for r in runs):.1f}; {parts}; browser {med(r['browser'] for r in runs):.1f} "
              f"(sampled {med(r['browser_sampled'] for r in runs):.1f})")
    t = [r for r in rows if r["tool"] == "trawl" and "trawl_summary" in r]
    if t:
        print(f"- trawl's own summary (median): cpu_s {med(r['trawl_summary']['cpu_s'] for r in t):.1f} (the JVM), "
              f"render.browser_cpu_s {med(r['trawl_summary']['browser_cpu_s'] for r in t):.1f}, pages_per_s "
              f"{med(r['trawl_summary']['pages_per_s'] for r in t):.2f} (crawl time, JVM start excluded)")
    if "trawl" in meds:
        ours = meds["trawl"]
        print()
        for tool in tools:
            if tool != "trawl":
                o = meds[tool]
                print(f"- trawl / {tool}: pages/s × {o['wall'] / ours['wall']:.2f}, CPU per page ÷ {o['cpu'] / ours['cpu']:.2f}, "
                      f"browser CPU per page ÷ {o['browser'] / ours['browser']:.2f} (trawl's browser CPU = "
                      f"{ours['browser'] / o['browser']:.2f} × theirs), rest ÷ {o['rest'] / ours['rest']:.2f}, "
                      f"peak PSS × {ours['peak_pss'] / o['peak_pss']:.2f}")
    la = [r["load"] for r in rows]
    print(f"\nload average (1 min) before each run: {min(la):.2f}–{max(la):.2f}, median {med(la):.2f}; "
          f"at the end {os.getloadavg()[0]:.2f} (2 cores, shared)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
