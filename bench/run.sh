#!/usr/bin/env bash
# Runs the rapport-kb benchmark suite and writes the figures to docs/benchmarks.md.
#
#   bash bench/run.sh                 # the whole suite: 1,000 / 10,000 / 100,000 articles, 3 runs
#   bash bench/run.sh --quick         # a smoke run: 1,000 and 10,000 articles, 1 run, short loads
#   bash bench/run.sh --sizes "1000 10000" --runs 5 --duration 20s --no-build --no-report
#
# Environment: BENCH_WORK (corpora, indexes and logs; default target/bench-work), BENCH_BUILD
# (Maven build directory; default target), JAVA_HOME (a JDK 21+; else the newest one found).
# See bench/README.md for what each step measures.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES="1000 10000 100000"
RUNS=3
DURATION=15s
SEED=42
BUILD=true
REPORT=true
SERVER_SIZE=10000
CONNECTIONS=16
HEAP=512m
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) SIZES="1000 10000"; RUNS=1; DURATION=5s; shift ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --no-build) BUILD=false; shift ;;
    --no-report) REPORT=false; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "error: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

WORK=${BENCH_WORK:-$ROOT/target/bench-work}
BUILD_DIR=${BENCH_BUILD:-$ROOT/target}
JAR=$BUILD_DIR/rapport-kb.jar
BENCH_CLASSES=$BUILD_DIR/bench/classes
RESULTS=$WORK/results.properties
LOGS=$WORK/logs
LARGEST=$(tr ' ' '\n' <<<"$SIZES" | sort -n | tail -1)
mkdir -p "$WORK" "$LOGS"
rm -f "$LOGS"/*.gc
: >"$RESULTS"

log() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
result() { echo "$1=$2" >>"$RESULTS"; }

# A JDK 21+ for everything the suite runs: JAVA_HOME if new enough, else the newest installed.
find_java() {
  local best="" best_version=0 home version
  for home in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [[ -x $home/bin/java && -f $home/release ]] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    [[ -n $version ]] || continue
    if [[ -n ${JAVA_HOME:-} && $home == "$JAVA_HOME" && $version -ge 21 ]]; then
      echo "$home/bin/java"; return
    fi
    if ((version >= 21 && version > best_version)); then best=$home; best_version=$version; fi
  done
  [[ -n $best ]] || { echo "error: no JDK 21+ found; set JAVA_HOME" >&2; exit 1; }
  echo "$best/bin/java"
}
JAVA=$(find_java)

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    echo "error: wrk is needed for the HTTP figures: sudo apt-get install wrk" >&2; exit 1
  fi
fi

if $BUILD; then
  log "building the jar and the benchmarks"
  mvn -B -q -DskipTests -DbuildDir="$BUILD_DIR" package
  mvn -B -q -Pbench -DskipTests -DbuildDir="$BUILD_DIR/bench" compile
fi
[[ -f $JAR && -d $BENCH_CLASSES ]] || { echo "error: build first (drop --no-build)" >&2; exit 1; }
BENCH_CP=$BENCH_CLASSES:$(cat "$BUILD_DIR/bench/bench.classpath")

# The bundled config with search by meaning off: this suite measures the word index and searches
# by words, as the first edition did; bench/semantic.sh measures what meaning adds.
WORDS_CONFIG=$WORK/config-words
rm -rf "$WORDS_CONFIG"
cp -r "$ROOT/index-config" "$WORDS_CONFIG"
printf 'enabled: false\n' >"$WORDS_CONFIG/semantic.yml"

# ---- the machine -----------------------------------------------------------------------------
{
  echo "machine_cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "machine_nproc=$(nproc)"
  echo "machine_mem_gib=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
  echo "machine_os=$(uname -sr)"
  echo "machine_java=$("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "machine_wrk=$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "machine_load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "machine_date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "runs=$RUNS"
  echo "sizes=$SIZES"
  echo "seed=$SEED"
  echo "wrk_duration=$DURATION"
  echo "wrk_connections=$CONNECTIONS"
  echo "server_heap=$HEAP"
} >>"$RESULTS"

# The process and its descendants (on Java 21+ the jar runs in one JVM; on an older java its entry
# point hands over to a child JVM), so the figures are those of the whole tree.
tree_pids() {
  local child
  echo "$1"
  for child in $(pgrep -P "$1" 2>/dev/null); do tree_pids "$child"; done
}

# Peak resident memory (kB, VmHWM) of the largest process in the tree of PID.
tree_hwm() {
  local p now hwm=0
  for p in $(tree_pids "$1"); do
    now=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    ((${now:-0} > hwm)) && hwm=$now
  done
  echo "$hwm"
}

# CPU ticks of the tree of PID so far: its own and its reaped children's (utime, stime, cutime,
# cstime), plus the running descendants' own.
tree_ticks() {
  local p sum
  sum=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0)
  for p in $(tree_pids "$1" | tail -n +2); do
    sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}

# Runs a command and records its wall time (s), CPU time (s, user + system) and peak resident
# memory (MB, VmHWM), over the command's process tree. Usage: measured NAME -- COMMAND...
# Sets MEASURED_S, MEASURED_CPU_S, MEASURED_RSS_MB and MEASURED_STATUS.
TICKS=$(getconf CLK_TCK)
measured() {
  local name=$1; shift 2
  local start end pid hwm=0 now ticks=0 stat
  start=$(date +%s%N)
  "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    now=$(tree_hwm "$pid")
    ((${now:-0} > hwm)) && hwm=$now
    stat=$(tree_ticks "$pid")
    ((${stat:-0} > ticks)) && ticks=$stat
    sleep 0.1
  done
  MEASURED_STATUS=0
  wait "$pid" || MEASURED_STATUS=$?
  end=$(date +%s%N)
  MEASURED_S=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  MEASURED_CPU_S=$(awk -v t="$ticks" -v hz="$TICKS" 'BEGIN {printf "%.1f", t / hz}')
  MEASURED_RSS_MB=$((hwm / 1024))
}

# The largest heap occupancy the GC logs of a run show (MB): before any collection, and live after
# one. Each JVM of the run writes its own log, STEM.PID.gc (the launcher's shows no collection).
heap_peak() { cat "$1".*.gc | grep -o '[0-9]*M->[0-9]*M' | awk -F'M->|M' 'BEGIN {m = 0} $1 > m {m = $1} END {print m}'; }
heap_live() { cat "$1".*.gc | grep 'Pause' | grep -o '[0-9]*M->[0-9]*M' | awk -F'M->|M' 'BEGIN {m = 0} $2 > m {m = $2} END {print m}'; }

# How fast the host is right now: seconds to hash 256 MB on one core (lower is faster). The cores
# of a virtual machine are shared with other guests; this shows when a step ran on a slower host.
GAUGES=""
gauge() {
  local start end
  start=$(date +%s%N)
  head -c 256M /dev/zero | sha256sum >/dev/null
  end=$(date +%s%N)
  GAUGE=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  GAUGES+=" $GAUGE"
  echo "(CPU gauge: $GAUGE s)"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
maximum() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }

# ---- corpora ---------------------------------------------------------------------------------
for n in $SIZES; do
  corpus=$WORK/corpus-$n-seed$SEED
  if [[ ! -f $corpus/.complete ]]; then
    log "generating $n articles (seed $SEED)"
    rm -rf "$corpus"
    "$JAVA" -cp "$BENCH_CP" org.rapportkb.bench.CorpusGenerator \
      --source articles --config index-config --out "$corpus" --count "$n" --seed "$SEED" --verify
    touch "$corpus/.complete"
  fi
  result "corpus_${n}_mb" "$(du -sm --exclude=.complete "$corpus" | cut -f1)"
done

# ---- cold full index -------------------------------------------------------------------------
for n in $SIZES; do
  corpus=$WORK/corpus-$n-seed$SEED
  index=$WORK/index-$n
  walls="" engines="" cpus="" rss="" heaps="" lives="" gauges=""
  # Every run reads the articles from the page cache, as the report says: the corpus may have been
  # generated by an earlier invocation and evicted since, which would slow the first run only.
  find "$corpus" -type f -name '*.md' -exec cat {} + >/dev/null
  rm -rf "$index"
  sync
  result "index_${n}_load" "$(cut -d' ' -f1 /proc/loadavg)"
  for run in $(seq "$RUNS"); do
    log "cold index of $n articles, run $run of $RUNS"
    rm -rf "$index"
    sync
    gauge
    gauges+=" $GAUGE"
    measured "index-$n-$run" -- "$JAVA" -Xlog:gc:file="$LOGS/index-$n-$run.%p.gc" -jar "$JAR" index --rebuild \
      --articles "$corpus" --config "$WORDS_CONFIG" --index "$index"
    cat "$LOGS/index-$n-$run.out"
    [[ $MEASURED_STATUS == 0 ]] || { cat "$LOGS/index-$n-$run.err" >&2; echo "error: index failed" >&2; exit 1; }
    grep -q " 0 invalid" "$LOGS/index-$n-$run.out" || { echo "error: invalid articles in the corpus" >&2; exit 1; }
    walls+=" $MEASURED_S"
    cpus+=" $MEASURED_CPU_S"
    engines+=" $(sed -n 's/.* in \([0-9]*\) ms.*/\1/p' "$LOGS/index-$n-$run.out" | awk '{printf "%.2f", $1 / 1000}')"
    rss+=" $MEASURED_RSS_MB"
    heaps+=" $(heap_peak "$LOGS/index-$n-$run")"
    lives+=" $(heap_live "$LOGS/index-$n-$run")"
  done
  result "index_${n}_gauge_runs" "${gauges# }"
  wall=$(median <<<"$walls")
  result "index_${n}_wall_s" "$wall"
  result "index_${n}_wall_runs" "${walls# }"
  result "index_${n}_engine_s" "$(median <<<"$engines")"
  result "index_${n}_cpu_s" "$(median <<<"$cpus")"
  result "index_${n}_per_s" "$(awk -v n="$n" -v s="$wall" 'BEGIN {printf "%.0f", n / s}')"
  result "index_${n}_rss_mb" "$(maximum <<<"$rss")"
  result "index_${n}_heap_peak_mb" "$(maximum <<<"$heaps")"
  result "index_${n}_heap_live_mb" "$(maximum <<<"$lives")"
  result "index_${n}_disk_mb" "$(du -sm "$index" | cut -f1)"
done

# The largest corpus once more, with the heap capped as the server's is.
log "index of $LARGEST articles with -Xmx$HEAP"
rm -rf "$WORK/index-capped"
measured "index-capped" -- "$JAVA" -Xmx$HEAP -Xlog:gc:file="$LOGS/index-capped.%p.gc" -jar "$JAR" index --rebuild \
  --articles "$WORK/corpus-$LARGEST-seed$SEED" --config "$WORDS_CONFIG" --index "$WORK/index-capped"
result "index_capped_size" "$LARGEST"
result "index_capped_status" "$MEASURED_STATUS"
result "index_capped_wall_s" "$MEASURED_S"
result "index_capped_rss_mb" "$MEASURED_RSS_MB"
result "index_capped_heap_peak_mb" "$(heap_peak "$LOGS/index-capped")"
rm -rf "$WORK/index-capped"

# The bundled config with the result cache off (cachedSearches: 0): JMH and one HTTP load run every
# search for real with it, to show what a search costs when its answer is not kept.
UNCACHED_CONFIG=$WORK/config-uncached
rm -rf "$UNCACHED_CONFIG"
cp -r "$WORDS_CONFIG" "$UNCACHED_CONFIG"
sed -i 's/^cachedSearches:.*/cachedSearches: 0/' "$UNCACHED_CONFIG/limits.yml"
grep -q '^cachedSearches: 0' "$UNCACHED_CONFIG/limits.yml" || echo "cachedSearches: 0" >>"$UNCACHED_CONFIG/limits.yml"

# ---- in-process search latency (JMH) ---------------------------------------------------------
if [[ " $SIZES " == *" $SERVER_SIZE "* ]]; then
  log "JMH: in-process search latency at $SERVER_SIZE articles"
  gauge
  jmh_iterations=(-wi 3 -w 3s -i 5 -r 3s)
  [[ $RUNS == 1 ]] && jmh_iterations=(-wi 2 -w 2s -i 3 -r 2s)
  "$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main SearchBenchmark "${jmh_iterations[@]}" -f 1 \
    -jvmArgsAppend "-Drkb.articles=$WORK/corpus-$SERVER_SIZE-seed$SEED -Drkb.config=$UNCACHED_CONFIG -Drkb.index=$WORK/index-$SERVER_SIZE -Drkb.queries=$ROOT/bench/queries.tsv" \
    -rf json -rff "$WORK/jmh.json" 2>"$LOGS/jmh.err" | tee "$LOGS/jmh.out" | grep -E '^(Benchmark|SearchBenchmark\.search +)' || true
  result "jmh_size" "$SERVER_SIZE"
fi

# ---- the server ------------------------------------------------------------------------------
SERVER_PID=""
stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

# Starts the server on an existing index; sets SERVER_PID and SERVER_URL.
# Usage: start_server N NAME [CONFIG_DIR]
start_server() {
  local n=$1 name=$2 config=${3:-$WORDS_CONFIG}
  : >"$LOGS/$name.out"
  "$JAVA" -Xmx$HEAP -Xlog:gc:file="$LOGS/$name.%p.gc" -jar "$JAR" serve --port 0 \
    --articles "$WORK/corpus-$n-seed$SEED" --config "$config" --index "$WORK/index-$n" \
    >"$LOGS/$name.out" 2>"$LOGS/$name.err" &
  SERVER_PID=$!
  for _ in $(seq 1200); do
    SERVER_URL=$(grep -o 'http://[^ ]*:[0-9]*' "$LOGS/$name.out" | head -1 || true)
    [[ -n $SERVER_URL ]] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$LOGS/$name.err" >&2
  echo "error: the server did not start" >&2
  exit 1
}

# Runs wrk and records requests/s and p50/p99 latency (ms) under PREFIX.
# Usage: load PREFIX PATH            one path, e.g. /health
#        load PREFIX --mix KINDS     the query mix of bench/queries.tsv, kinds comma-separated
load() {
  local prefix=$1 args=(-t2 -c$CONNECTIONS -d"$DURATION" --latency --timeout 5s)
  if [[ $2 == --mix ]]; then
    args+=(-s bench/search.lua "$SERVER_URL" -- bench/queries.tsv "$3")
  else
    args+=("$SERVER_URL$2")
  fi
  wrk "${args[@]}" >"$LOGS/$prefix.wrk"
  awk -v p="$prefix" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ {print p "_p50_ms=" ms($2)}
    /^ +99%/ {print p "_p99_ms=" ms($2)}
    /^Requests\/sec:/ {print p "_rps=" $2}
    /Non-2xx or 3xx responses:/ {print p "_errors=" $5}
    /Socket errors:/ {print p "_socket_errors=" $4 + $6 + $8 + $10}
  ' "$LOGS/$prefix.wrk"
}

for n in $SIZES; do
  [[ $n == "$SERVER_SIZE" || $n == "$LARGEST" ]] || continue
  [[ -d $WORK/index-$n ]] || continue

  log "server start to first search with an existing index of $n articles"
  gauge
  result "server_${n}_load" "$(cut -d' ' -f1 /proc/loadavg)"
  "$JAVA" -cp "$BENCH_CP" org.rapportkb.bench.ServerProbe startup --runs "$RUNS" --log "$LOGS/startup-$n.log" -- \
    "$JAVA" -Xmx$HEAP -jar "$JAR" serve --port 0 --articles "$WORK/corpus-$n-seed$SEED" \
    --config "$WORDS_CONFIG" --index "$WORK/index-$n" | tee "$LOGS/startup-$n.out"
  tail -1 "$LOGS/startup-$n.out" | tr ' ' '\n' | sed "s/^startup_/server_${n}_startup_/" >>"$RESULTS"

  log "server with $n articles (-Xmx$HEAP): saved article to search, then load"
  start_server "$n" "server-$n"
  echo "serving at $SERVER_URL (pid $SERVER_PID)"
  if [[ $n == "$SERVER_SIZE" ]]; then
    "$JAVA" -cp "$BENCH_CP" org.rapportkb.bench.ServerProbe freshness --url "$SERVER_URL" \
      --articles "$WORK/corpus-$n-seed$SEED" --runs $((RUNS < 5 ? 5 : RUNS)) | tee "$LOGS/freshness-$n.out"
    tail -1 "$LOGS/freshness-$n.out" | tr ' ' '\n' | sed "s/^fresh_/server_${n}_fresh_/" >>"$RESULTS"
  fi
  # Warm up, then /health and /api/search alternately, RUNS times each, on the same server.
  wrk -t2 -c$CONNECTIONS -d5s -s bench/search.lua "$SERVER_URL" -- bench/queries.tsv word,phrase,filter,typo,suggest >/dev/null
  for run in $(seq "$RUNS"); do
    log "wrk run $run of $RUNS at $n articles: /health, /api/search, /api/suggest ($CONNECTIONS connections, $DURATION)"
    gauge
    load "server_${n}_health_$run" /health | tee -a "$RESULTS"
    load "server_${n}_search_$run" --mix word,phrase,filter,typo | tee -a "$RESULTS"
    load "server_${n}_suggest_$run" --mix suggest | tee -a "$RESULTS"
  done
  result "server_${n}_rss_mb" "$(($(tree_hwm "$SERVER_PID") / 1024))"
  result "server_${n}_heap_peak_mb" "$(heap_peak "$LOGS/server-$n")"
  result "server_${n}_heap_live_mb" "$(heap_live "$LOGS/server-$n")"
  result "server_${n}_articles" "$(curl -s "$SERVER_URL/health" | grep -o '"articles":[0-9]*' | cut -d: -f2)"
  stop_server

  if [[ $n == "$SERVER_SIZE" ]]; then
    log "server with $n articles and the result cache off: /api/search, every search run"
    gauge
    start_server "$n" "server-$n-uncached" "$UNCACHED_CONFIG"
    wrk -t2 -c$CONNECTIONS -d5s -s bench/search.lua "$SERVER_URL" -- bench/queries.tsv word,phrase,filter,typo >/dev/null
    for run in $(seq "$RUNS"); do
      load "server_${n}_uncached_$run" --mix word,phrase,filter,typo | tee -a "$RESULTS"
    done
    stop_server
  fi
done

echo "machine_load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
result "machine_gauge_min_s" "$(tr ' ' '\n' <<<"$GAUGES" | grep -v '^$' | sort -g | head -1)"
result "machine_gauge_median_s" "$(median <<<"$GAUGES")"
result "machine_gauge_max_s" "$(maximum <<<"$GAUGES")"

if $REPORT; then
  log "writing docs/benchmarks.md"
  "$JAVA" -cp "$BENCH_CP" org.rapportkb.bench.BenchReport "$RESULTS" "$WORK/jmh.json" docs/benchmarks.md
fi
log "done; raw figures in $RESULTS, logs in $LOGS"
