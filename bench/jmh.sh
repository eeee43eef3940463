#!/usr/bin/env bash
# Extraction cost per page, measured with JMH (trawl-bench's ExtractionBenchmark): builds the
# benchmarks jar, runs it with short settings on one thread, and prints ns/page and pages/s per path.
# Extra arguments go to JMH, e.g. bench/jmh.sh -i 10 -r 2s, or a benchmark name regex.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
"$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"2[5-9]' || { echo "jmh.sh: JAVA_HOME must be a JDK 25 or later" >&2; exit 1; }

./mvnw -B -q -pl trawl-bench -am package -DskipTests
result=trawl-bench/target/jmh-result.json
"$JAVA_HOME/bin/java" -jar trawl-bench/target/benchmarks.jar ExtractionBenchmark \
    -f 1 -wi 3 -i 5 -w 1s -r 1s -t 1 -bm avgt -tu ns -rf json -rff "$result" "$@"

# Mean as JMH reports it; the median and best iteration beside it, because on a shared machine a
# few iterations that lost the CPU to other processes can move the mean far from the typical cost.
python3 - "$result" <<'PY'
import json, statistics, sys
rows = json.load(open(sys.argv[1]))
print()
print(f"{'path':<12} {'mean ns':>10} {'± 99.9%':>10} {'median ns':>10} {'best ns':>10} {'pages/s (median)':>17}")
for r in rows:
    m = r["primaryMetric"]
    raw = [x for fork in m["rawData"] for x in fork]
    median = statistics.median(raw)
    print(f"{r['benchmark'].rsplit('.', 1)[-1]:<12} {m['score']:>10,.0f} {m['scoreError']:>10,.0f} {median:>10,.0f} {min(raw):>10,.0f} {1e9 / median:>17,.0f}")
PY
