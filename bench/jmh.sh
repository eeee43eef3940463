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

python3 - "$result" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
print()
print(f"{'path':<12} {'ns/page':>12} {'± (99.9%)':>11} {'pages/s':>12}")
for r in rows:
    m = r["primaryMetric"]
    ns = m["score"]
    err = m["scoreError"]
    print(f"{r['benchmark'].rsplit('.', 1)[-1]:<12} {ns:>12,.0f} {err:>11,.0f} {1e9 / ns:>12,.0f}")
PY
