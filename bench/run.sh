#!/usr/bin/env bash
# Runs the rapport-kb benchmark suite, with its peers, and writes the figures to docs/benchmarks.md.
#
#   bash bench/run.sh             # the whole suite: about 50 min on 2 cores (see bench/README.md)
#   bash bench/run.sh --quick     # a smoke run (about 10 min): 1 run, 5 s loads, hybrid on 1,000
#                                 # articles, 1 min soak
#   bash bench/run.sh --sizes "1000 10000" --runs 5 --duration 20s --soak 5m --hybrid-size 1000 \
#                     --queries 10000 --heap 512m --no-peers --no-hybrid --no-build --no-report
#
# Environment: BENCH_WORK (corpora, indexes, peers' data and logs; default target/bench-work),
# BENCH_BUILD (Maven build directory; default target), JAVA_HOME (a JDK 21+; else the newest found).
# See bench/README.md for what each step measures.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES="1000 10000 100000"
RUNS=3
DURATION=15s
SOAK=10m
SEED=42
QUERY_COUNT=10000
PREFIX_COUNT=3000
HYBRID_SIZE=10000
BUILD=true
REPORT=true
PEERS=true
HYBRID=true
SERVER_SIZE=10000
CONNECTIONS=16
THREADS=2
HEAP=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) SIZES="1000 10000"; RUNS=1; DURATION=5s; SOAK=1m; HYBRID_SIZE=1000; shift ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --soak) SOAK="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --queries) QUERY_COUNT="$2"; shift 2 ;;
    --hybrid-size) HYBRID_SIZE="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --no-peers) PEERS=false; shift ;;
    --no-hybrid) HYBRID=false; shift ;;
    --no-build) BUILD=false; shift ;;
    --no-report) REPORT=false; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "error: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ " $SIZES " == *" $SERVER_SIZE "* ]] || SIZES="$SIZES $SERVER_SIZE"

WORK=${BENCH_WORK:-$ROOT/target/bench-work}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
BUILD_DIR=${BENCH_BUILD:-$ROOT/target}
JAR=$BUILD_DIR/rapport-kb.jar
BENCH_CLASSES=$BUILD_DIR/bench/classes
RESULTS=$WORK/results.properties
LOGS=$WORK/logs
LARGEST=$(tr ' ' '\n' <<<"$SIZES" | sort -n | tail -1)
mkdir -p "$LOGS"
rm -f "$LOGS"/*.gc "$LOGS/samples.out"
: >"$RESULTS"

log() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
result() { echo "$1=$2" >>"$RESULTS"; }
seconds() { awk -v d="$1" 'BEGIN {n = d + 0; if (d ~ /m$/) n *= 60; else if (d ~ /h$/) n *= 3600; print n}'; }
now_ns() { date +%s%N; }
elapsed_s() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN {printf "%.2f", (b - a) / 1e9}'; }

# A JDK 21+ for everything the suite runs: JAVA_HOME if new enough, else the newest installed.
find_java() {
  local best="" best_version=0 home version
  for home in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [[ -x $home/bin/java && -f $home/release ]] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    [[ -n $version ]] || continue
    if [[ -n ${JAVA_HOME:-} && $home == "$JAVA_HOME" && $version -ge 21 ]]; then
      echo "$home"; return
    fi
    if ((version >= 21 && version > best_version)); then best=$home; best_version=$version; fi
  done
  [[ -n $best ]] || { echo "error: no JDK 21+ found; set JAVA_HOME" >&2; exit 1; }
  echo "$best"
}
JDK=$(find_java)
JAVA=$JDK/bin/java

# rapport-kb runs as its users run it: bin/rapport-kb, which keeps a class-data sharing archive per
# command (here under $WORK/cds), with no JVM option but a GC log (and -Xmx when --heap is given).
export RAPPORT_KB_JAR=$JAR RAPPORT_KB_JAVA_HOME=$JDK RAPPORT_KB_CACHE=$WORK/cds
RKB=$ROOT/bin/rapport-kb
heap_opt() { [[ -n $HEAP ]] && echo "-Xmx$HEAP" || true; }
# bin/rapport-kb with a GC log: rkb LOGSTEM ARGS... It replaces the shell it runs in (env execs
# bin/rapport-kb, which execs java), so a command started in the background with it is the JVM
# itself; run it in a subshell in the foreground.
rkb() {
  local stem=$1; shift
  exec env "RAPPORT_KB_JAVA_OPTS=$(heap_opt) -Xlog:gc:file=$stem.%p.gc" "$RKB" "$@"
}

# Installs a Debian package when missing and running as root: need COMMAND PACKAGE.
need() {
  command -v "$1" >/dev/null && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing $2 (Debian package)"
    apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
  else
    echo "error: $1 is needed: sudo apt-get install $2" >&2; exit 1
  fi
}
need wrk wrk
need curl curl
if $PEERS; then
  need node nodejs
  need npm npm
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z $PG_BIN ]]; then
    [[ $(id -u) == 0 ]] || { echo "error: PostgreSQL is needed: sudo apt-get install postgresql" >&2; exit 1; }
    log "installing postgresql (Debian package)"
    apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; }
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    # The package may start a cluster of its own; this suite runs its own server and no other.
    pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" {print $1, $2}' | while read -r version cluster; do
      pg_ctlcluster "$version" "$cluster" stop || true
    done
  fi
fi

if $BUILD; then
  log "building the jar and the benchmarks"
  mvn -B -q -DskipTests -DbuildDir="$BUILD_DIR" package
  mvn -B -q -Pbench -DskipTests -DbuildDir="$BUILD_DIR/bench" compile
fi
[[ -f $JAR && -d $BENCH_CLASSES ]] || { echo "error: build first (drop --no-build)" >&2; exit 1; }
BENCH_CP=$BENCH_CLASSES:$(cat "$BUILD_DIR/bench/bench.classpath")
bench() { "$JAVA" -cp "$BENCH_CP" "org.rapportkb.bench.$@"; }

# Config folders, copies of the bundled one: words only (semantic.yml enabled: false) as shipped,
# and with the result cache off (cachedSearches: 0) so that every search runs; the bundled config
# itself (search by meaning on) with the result cache off, for hybrid search.
without_cache() {
  sed -i 's/^cachedSearches:.*/cachedSearches: 0/' "$1/limits.yml"
  grep -q '^cachedSearches: 0' "$1/limits.yml" || echo "cachedSearches: 0" >>"$1/limits.yml"
}
WORDS_CONFIG=$WORK/config-words
UNCACHED_CONFIG=$WORK/config-uncached
HYBRID_CONFIG=$WORK/config-hybrid
rm -rf "$WORDS_CONFIG" "$UNCACHED_CONFIG" "$HYBRID_CONFIG"
cp -r "$ROOT/index-config" "$WORDS_CONFIG"
sed -i 's/^enabled:.*/enabled: false/' "$WORDS_CONFIG/semantic.yml"
cp -r "$WORDS_CONFIG" "$UNCACHED_CONFIG"
without_cache "$UNCACHED_CONFIG"
cp -r "$ROOT/index-config" "$HYBRID_CONFIG"
sed -i 's/^enabled:.*/enabled: true/' "$HYBRID_CONFIG/semantic.yml"
without_cache "$HYBRID_CONFIG"

# ---- the machine -----------------------------------------------------------------------------
{
  echo "machine_cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "machine_nproc=$(nproc)"
  echo "machine_mem_gib=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
  echo "machine_os=$(uname -sr)"
  echo "machine_java=$("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "machine_wrk=$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
  if $PEERS; then
    echo "machine_node=$(node --version)"
    echo "machine_postgres=$("$PG_BIN/postgres" --version)"
  fi
  echo "machine_load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "machine_date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "runs=$RUNS"
  echo "sizes=$SIZES"
  echo "seed=$SEED"
  echo "wrk_duration=$DURATION"
  echo "wrk_connections=$CONNECTIONS"
  echo "wrk_threads=$THREADS"
  echo "soak=$SOAK"
  echo "server_heap=${HEAP:-384m, the bound of bin/rapport-kb}"
  echo "server_size=$SERVER_SIZE"
} >>"$RESULTS"

# The process and its descendants, so the figures are those of the whole tree. The sampler in
# measured() reads them every 0.1 s beside the command it measures, so these read /proc with bash
# builtins alone: a process started per sample would take CPU from the measured command.
# Sets TREE to the PIDs of the tree of PID.
tree_pids() {
  local stat line pid ppid rest i=0
  local -A children=()
  for stat in /proc/[0-9]*/stat; do
    { read -r line <"$stat"; } 2>/dev/null || continue
    pid=${stat#/proc/} && pid=${pid%/stat}
    rest=${line##*) } # the fields after the command name, which may hold spaces and parentheses
    rest=${rest#* }   # after the state, the parent's PID
    ppid=${rest%% *}
    children[$ppid]+=" $pid"
  done
  TREE=("$1")
  while ((i < ${#TREE[@]})); do
    # shellcheck disable=SC2206 # the list of PIDs is split on purpose
    TREE+=(${children[${TREE[i]}]:-})
    i=$((i + 1))
  done
}

# Sets KB to the largest FIELD of /proc/N/status (kB) of a process in TREE: VmHWM the peak and
# VmRSS the current resident memory, RssFile the part of it that is mapped files (the index, the
# jar, libraries), which the kernel can drop and read again, unlike the process's own memory.
tree_mem() {
  local p key value rest
  KB=0
  for p in "${TREE[@]}"; do
    while read -r key value rest; do
      if [[ $key == "$1:" ]]; then
        ((value > KB)) && KB=$value
        break
      fi
    done 2>/dev/null <"/proc/$p/status" || true
  done
}
# Prints FIELD (as in tree_mem) of the tree of PID in MB. Usage: mem_mb FIELD PID
mem_mb() { tree_pids "$2" && tree_mem "$1" && echo $((KB / 1024)); }

# Sets TICKS_NOW to the CPU ticks of TREE so far: its root's own and its reaped children's, plus
# the running descendants' own.
tree_ticks() {
  local p line f
  TICKS_NOW=0
  for p in "${TREE[@]}"; do
    { read -r line <"/proc/$p/stat"; } 2>/dev/null || continue
    read -r -a f <<<"${line##*) }" # f[0] is field 3 of stat, so utime (14) is f[11]
    TICKS_NOW=$((TICKS_NOW + f[11] + f[12]))
    if [[ $p == "${TREE[0]}" ]]; then TICKS_NOW=$((TICKS_NOW + f[13] + f[14])); fi
  done
}

# Whether file $2 holds text $1, read by a bash builtin.
holds() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line == *"$1"* ]] && return 0
  done 2>/dev/null <"$2"
  return 1
}

# A pause of 0.1 s without starting a process: a read with a timeout on a pipe nobody writes to.
mkfifo "$WORK/.tick" 2>/dev/null || [[ -p $WORK/.tick ]]
exec {TICK_FD}<>"$WORK/.tick"
tick() { read -r -t 0.1 -u "$TICK_FD" _ || true; }

# Runs a command and records its wall time (s), CPU time (s) and peak resident memory (MB) over its
# process tree. Usage: measured NAME -- COMMAND...; sets MEASURED_S, MEASURED_CPU_S,
# MEASURED_RSS_MB, MEASURED_STATUS, and MEASURED_MARK_S: the time at which a line matching
# $MEASURED_MARK (if set) first appeared in the command's output.
TICKS=$(getconf CLK_TCK)
MEASURED_MARK=""
measured() {
  local name=$1; shift 2
  local start pid hwm=0 ticks=0
  start=$(now_ns)
  MEASURED_MARK_S=""
  "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    tree_pids "$pid"
    tree_mem VmHWM
    ((KB > hwm)) && hwm=$KB
    tree_ticks
    ((TICKS_NOW > ticks)) && ticks=$TICKS_NOW
    if [[ -n $MEASURED_MARK && -z $MEASURED_MARK_S ]] && holds "$MEASURED_MARK" "$LOGS/$name.out"; then
      MEASURED_MARK_S=$(elapsed_s "$start")
    fi
    tick
  done
  MEASURED_STATUS=0
  wait "$pid" || MEASURED_STATUS=$?
  MEASURED_S=$(elapsed_s "$start")
  MEASURED_CPU_S=$(awk -v t="$ticks" -v hz="$TICKS" 'BEGIN {printf "%.1f", t / hz}')
  MEASURED_RSS_MB=$((hwm / 1024))
}

# The largest heap occupancy the GC logs of a run show (MB): before any collection, and live after
# one. Each JVM of the run writes its own log, STEM.PID.gc.
heap_peak() { cat "$1".*.gc 2>/dev/null | grep -o '[0-9]*M->[0-9]*M' | awk -F'M->|M' 'BEGIN {m = 0} $1 > m {m = $1} END {print m}'; }
heap_live() { cat "$1".*.gc 2>/dev/null | grep 'Pause' | grep -o '[0-9]*M->[0-9]*M' | awk -F'M->|M' 'BEGIN {m = 0} $2 > m {m = $2} END {print m}'; }

# How fast the host is right now: seconds to hash 256 MB on one core (lower is faster).
GAUGES=""
gauge() {
  local start
  start=$(now_ns)
  head -c 256M /dev/zero | sha256sum >/dev/null
  GAUGE=$(elapsed_s "$start")
  GAUGES+=" $GAUGE"
  echo "(CPU gauge: $GAUGE s)"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
maximum() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }

# ---- PostgreSQL, started and stopped by this run -------------------------------------------------
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() {
  if [[ -n $PG_DATA && -f $PG_DATA/postmaster.pid ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  PG_DATA=""
}
free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 100); do
    (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "error: no free port" >&2; exit 1
}
start_postgres() {
  local dir=$WORK/postgres locale=C
  locale -a 2>/dev/null | grep -qix 'c.utf-\?8' && locale=C.UTF-8
  rm -rf "$dir"
  mkdir -p "$dir"
  if [[ $(id -u) == 0 ]]; then
    # The server refuses to run as root: it runs as Debian's postgres user, in a folder it owns.
    if ! runuser -u postgres -- test -x "$dir"; then dir=$(mktemp -d /tmp/rapport-kb-bench-pg.XXXXXX); fi
    chown postgres: "$dir"
  fi
  PG_DATA=$dir/data
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=$locale >"$LOGS/postgres-initdb.log" 2>&1
  PG_PORT=$(free_port)
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$dir/postgres.log" -w \
    -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=postgres
}

# ---- everything this run starts is stopped at its end, even on failure --------------------------
SERVICE_PIDS=()
PG_DATA=""
cleanup() {
  local pid
  for pid in "${SERVICE_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  SERVICE_PIDS=()
  stop_postgres
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts a server in the background and waits for the address it prints: start_service NAME CMD...
# Sets SERVICE_PID and SERVICE_URL.
start_service() {
  local name=$1; shift
  "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" &
  SERVICE_PID=$!
  SERVICE_PIDS+=("$SERVICE_PID")
  for _ in $(seq 3000); do
    SERVICE_URL=$(grep -o 'http://[^ ]*:[0-9]*' "$LOGS/$name.out" | head -1 || true)
    [[ -n $SERVICE_URL ]] && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$LOGS/$name.err" >&2
  echo "error: $name did not start" >&2
  exit 1
}

stop_service() {
  local pid=$1 keep=() p
  if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  for p in "${SERVICE_PIDS[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
  SERVICE_PIDS=("${keep[@]}")
}

# Runs wrk and records requests/s, p50/p99 latency (ms) and errors under PREFIX.
# Usage: load PREFIX URL PATH                        one path, e.g. /health
#        load PREFIX URL PATH FILE K [DURATION]      the lines of FILE in turn (bench/varied.lua),
#                                                    as load K of the RUNS + 1 on a server (0: warm-up)
load() {
  local prefix=$1 url=$2 path=$3 file=${4:-} k=${5:-0} duration=${6:-$DURATION}
  local args=(-t$THREADS -c$CONNECTIONS -d"$duration" --latency --timeout 5s)
  if [[ -n $file ]]; then
    args+=(-s bench/varied.lua "$url" -- "$file" "$path" "$THREADS" "$k" $((RUNS + 1)))
  else
    args+=("$url$path")
  fi
  wrk "${args[@]}" >"$LOGS/$prefix.wrk"
  awk -v p="$prefix" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ {print p "_p50_ms=" ms($2)}
    /^ +99%/ {print p "_p99_ms=" ms($2)}
    /^Requests\/sec:/ {print p "_rps=" $2}
    / requests in / {print p "_requests=" $1}
    /Non-2xx or 3xx responses:/ {print p "_errors=" $5}
    /Socket errors:/ {print p "_socket_errors=" $4 + $6 + $8 + $10}
  ' "$LOGS/$prefix.wrk"
}
# A 5 s warm-up: load 0 of the series on a server. Usage: warm URL PATH FILE
warm() { wrk -t$THREADS -c$CONNECTIONS -d5s -s bench/varied.lua "$1" -- "$3" "$2" "$THREADS" 0 $((RUNS + 1)) >/dev/null; }

# ---- corpora, their export, the varied queries -------------------------------------------------
corpus_dir() { echo "$WORK/corpus-$1-seed$SEED"; }
CORPUS_SIZES=$(tr ' ' '\n' <<<"$SIZES $( $HYBRID && echo "$HYBRID_SIZE")" | grep -v '^$' | sort -nu | tr '\n' ' ')
for n in $CORPUS_SIZES; do
  corpus=$(corpus_dir "$n")
  if [[ ! -f $corpus/.complete ]]; then
    log "generating $n articles (seed $SEED)"
    rm -rf "$corpus"
    bench CorpusGenerator --source articles --config index-config --out "$corpus" --count "$n" --seed "$SEED" --verify
    touch "$corpus/.complete"
  fi
  result "corpus_${n}_mb" "$(du -sm --exclude=.complete "$corpus" | cut -f1)"
done

SERVER_CORPUS=$(corpus_dir "$SERVER_SIZE")
EXPORT=$WORK/export-$SERVER_SIZE-seed$SEED.jsonl
QUERIES=$WORK/queries-$SERVER_SIZE-seed$SEED.tsv
PREFIXES=$WORK/prefixes-$SERVER_SIZE-seed$SEED.txt
if [[ ! -f $EXPORT || $SERVER_CORPUS/.complete -nt $EXPORT || $JAR -nt $EXPORT ]]; then
  log "exporting the $SERVER_SIZE articles as the engine reads them (for the peers)"
  bench CorpusExport --articles "$SERVER_CORPUS" --config "$WORDS_CONFIG" --out "$EXPORT"
fi
log "varied queries and prefixes from the $SERVER_SIZE articles (seed $SEED)"
bench VariedQueries --export "$EXPORT" --config "$WORDS_CONFIG" --queries "$QUERIES" --prefixes "$PREFIXES" \
  --count "$QUERY_COUNT" --prefix-count "$PREFIX_COUNT" --seed "$SEED" | tee "$LOGS/queries.out"
result "export_articles" "$(wc -l <"$EXPORT")"
result "queries_count" "$(grep -vc '^#' "$QUERIES")"
result "queries_filtered" "$(grep -v '^#' "$QUERIES" | grep -c $'\t.' || true)"
result "queries_words_mean" "$(grep -v '^#' "$QUERIES" | cut -f1 | awk '{w += NF} END {printf "%.2f", w / NR}')"
result "queries_sha" "$(sha256sum "$QUERIES" | cut -c1-12)"
result "prefixes_count" "$(grep -vc '^#' "$PREFIXES")"
result "prefixes_sha" "$(sha256sum "$PREFIXES" | cut -c1-12)"

# The first run of each command after a build records its class archive (bin/rapport-kb); that
# run is not one of the measured ones.
log "recording the class archives of index and serve (first run after a build, not measured)"
rm -rf "$WORK/index-archive"
(rkb "$LOGS/archive-index" index --rebuild --articles "$(corpus_dir "$(tr ' ' '\n' <<<"$SIZES" | sort -n | head -1)")" \
  --config "$WORDS_CONFIG" --index "$WORK/index-archive") >"$LOGS/archive-index.out" 2>&1
bench ServerProbe startup --runs 1 --log "$LOGS/archive-serve.log" -- \
  "$RKB" serve --port 0 --articles "$(corpus_dir "$(tr ' ' '\n' <<<"$SIZES" | sort -n | head -1)")" \
  --config "$WORDS_CONFIG" --index "$WORK/index-archive" >"$LOGS/archive-serve.out"
rm -rf "$WORK/index-archive"

# ---- cold full index -------------------------------------------------------------------------
for n in $SIZES; do
  corpus=$(corpus_dir "$n")
  index=$WORK/index-$n
  walls="" engines="" cpus="" rss="" heaps="" lives="" gauges=""
  # Every run reads the articles from the page cache, as the report says.
  find "$corpus" -type f -name '*.md' -exec cat {} + >/dev/null
  result "index_${n}_load" "$(cut -d' ' -f1 /proc/loadavg)"
  for run in $(seq "$RUNS"); do
    log "cold index of $n articles, run $run of $RUNS"
    rm -rf "$index"
    sync
    gauge
    gauges+=" $GAUGE"
    measured "index-$n-$run" -- rkb "$LOGS/index-$n-$run" index --rebuild \
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

# ---- in-process search latency (JMH) ---------------------------------------------------------
log "JMH: in-process search latency at $SERVER_SIZE articles, result cache off"
gauge
jmh_iterations=(-wi 3 -w 3s -i 5 -r 3s)
[[ $RUNS == 1 ]] && jmh_iterations=(-wi 2 -w 2s -i 3 -r 2s)
"$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main '\.SearchBenchmark\.search$' -p kind=varied,prefix,mix "${jmh_iterations[@]}" -f 1 \
  -jvmArgsAppend "-Drkb.articles=$SERVER_CORPUS -Drkb.config=$UNCACHED_CONFIG -Drkb.index=$WORK/index-$SERVER_SIZE -Drkb.queries=$ROOT/bench/queries.tsv -Drkb.varied=$QUERIES -Drkb.prefixes=$PREFIXES" \
  -rf json -rff "$WORK/jmh.json" 2>"$LOGS/jmh.err" | tee "$LOGS/jmh.out" | grep -E '^(Benchmark|SearchBenchmark\.search +)' || true
result "jmh_size" "$SERVER_SIZE"
result "jmh_gauge" "$GAUGE"

# ---- server start ------------------------------------------------------------------------------
for n in $(tr ' ' '\n' <<<"$SERVER_SIZE $LARGEST" | sort -nu); do
  log "server start to first search with an existing index of $n articles"
  gauge
  result "server_${n}_load" "$(cut -d' ' -f1 /proc/loadavg)"
  bench ServerProbe startup --runs $((RUNS < 3 ? 3 : RUNS)) --log "$LOGS/startup-$n.log" -- \
    env RAPPORT_KB_JAVA_OPTS="$(heap_opt)" "$RKB" serve --port 0 --articles "$(corpus_dir "$n")" \
    --config "$WORDS_CONFIG" --index "$WORK/index-$n" | tee "$LOGS/startup-$n.out"
  tail -1 "$LOGS/startup-$n.out" | tr ' ' '\n' | sed "s/^startup_/server_${n}_startup_/" >>"$RESULTS"
done

# The peers' node packages, installed once into $WORK/peers from bench/peers/package.json.
install_peers() {
  local dir=$WORK/peers
  mkdir -p "$dir"
  if [[ ! -d $dir/node_modules ]] || ! cmp -s bench/peers/package.json "$dir/package.json"; then
    log "installing the peers' node packages (bench/peers/package.json) into $dir"
    cp bench/peers/package.json "$dir/package.json"
    (cd "$dir" && npm install --no-package-lock --no-audit --no-fund --loglevel=error >"$LOGS/npm-install.log" 2>&1) \
      || { cat "$LOGS/npm-install.log" >&2; echo "error: npm install failed" >&2; exit 1; }
  fi
  export NODE_PATH=$dir/node_modules
}

# ---- HTTP: rapport-kb and its peers, on the same corpus, queries and load -------------------------
n=$SERVER_SIZE
# Two servers cannot share an index folder (its lock): the cache-off server gets a copy.
rm -rf "$WORK/index-$n-copy"
cp -r "$WORK/index-$n" "$WORK/index-$n-copy"
log "rapport-kb as shipped (result cache on) with $n articles: saved article to search"
start_service "server-$n" rkb "$LOGS/server-$n" serve --port 0 --articles "$SERVER_CORPUS" --config "$WORDS_CONFIG" --index "$WORK/index-$n"
SHIPPED_PID=$SERVICE_PID SHIPPED_URL=$SERVICE_URL
echo "serving at $SHIPPED_URL (pid $SHIPPED_PID)"
bench ServerProbe freshness --url "$SHIPPED_URL" --articles "$SERVER_CORPUS" --runs $((RUNS < 5 ? 5 : RUNS)) | tee "$LOGS/freshness-$n.out"
tail -1 "$LOGS/freshness-$n.out" | tr ' ' '\n' | sed "s/^fresh_/server_${n}_fresh_/" >>"$RESULTS"

log "rapport-kb with the result cache off (cachedSearches: 0), on the same index"
start_service "server-$n-uncached" rkb "$LOGS/server-$n-uncached" serve --port 0 --articles "$SERVER_CORPUS" --config "$UNCACHED_CONFIG" --index "$WORK/index-$n-copy"
UNCACHED_PID=$SERVICE_PID UNCACHED_URL=$SERVICE_URL
echo "serving at $UNCACHED_URL (pid $UNCACHED_PID)"

# name|url|search path|pid, one per system under load
SYSTEMS=("rkb|$SHIPPED_URL|/api/search|$SHIPPED_PID" "rkb_uncached|$UNCACHED_URL|/api/search|$UNCACHED_PID")
if $PEERS; then
  install_peers
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'): initdb, start, load the $n articles"
  start_postgres
  measured "postgres-load" -- node bench/peers/postgres.js load "$EXPORT"
  cat "$LOGS/postgres-load.out"
  [[ $MEASURED_STATUS == 0 ]] || { cat "$LOGS/postgres-load.err" >&2; exit 1; }
  result "peer_postgres_build_s" "$MEASURED_S"
  result "peer_postgres_size" "$(sed -n 's/.*table with index \(.*\)$/\1/p' "$LOGS/postgres-load.out")"
  start_service "peer-postgres" node bench/peers/postgres.js serve --port 0
  SYSTEMS+=("postgres|$SERVICE_URL|/search|$SERVICE_PID")

  log "SQLite FTS5: build the database of the $n articles"
  measured "sqlite-load" -- node bench/peers/sqlite.js load "$EXPORT" "$WORK/peers/fts5-$n.db"
  cat "$LOGS/sqlite-load.out"
  [[ $MEASURED_STATUS == 0 ]] || { cat "$LOGS/sqlite-load.err" >&2; exit 1; }
  result "peer_sqlite_build_s" "$MEASURED_S"
  result "peer_sqlite_size" "$(($(stat -c %s "$WORK/peers/fts5-$n.db") / 1048576)) MB"
  start_service "peer-sqlite" node bench/peers/sqlite.js serve "$WORK/peers/fts5-$n.db" --port 0
  SYSTEMS+=("sqlite|$SERVICE_URL|/search|$SERVICE_PID")

  log "MiniSearch: index the $n articles in memory at start"
  start_service "peer-minisearch" node bench/peers/minisearch.js serve "$EXPORT" --port 0
  result "peer_minisearch_build_s" "$(sed -n 's/^build_s=//p' "$LOGS/peer-minisearch.out")"
  SYSTEMS+=("minisearch|$SERVICE_URL|/search|$SERVICE_PID")
fi

log "what each system answers: the first 200 varied queries, one at a time"
for system in "${SYSTEMS[@]}"; do
  IFS='|' read -r name url path pid <<<"$system"
  [[ $name == rkb ]] && continue # its kept answers would serve the loads below
  bench ServerProbe sample --url "$url" --path "$path" --queries "$QUERIES" --count 200 --key "sample_$name" \
    | tee -a "$LOGS/samples.out" | tr ' ' '\n' >>"$RESULTS"
done

log "warming up each system (5 s of the same load)"
warm "$SHIPPED_URL" /api/search "$QUERIES"
for system in "${SYSTEMS[@]}"; do
  IFS='|' read -r name url path pid <<<"$system"
  [[ $name == rkb ]] || warm "$url" "$path" "$QUERIES"
done
warm "$UNCACHED_URL" /api/suggest "$PREFIXES"

# Round after round, each system takes the same load in turn, so that a slower spell of the host
# falls on all of them alike.
for run in $(seq "$RUNS"); do
  log "wrk round $run of $RUNS at $n articles ($THREADS threads, $CONNECTIONS connections, $DURATION each)"
  gauge
  load "http_health_$run" "$SHIPPED_URL" /health | tee -a "$RESULTS"
  for system in "${SYSTEMS[@]}"; do
    IFS='|' read -r name url path pid <<<"$system"
    load "http_${name}_$run" "$url" "$path" "$QUERIES" "$run" | tee -a "$RESULTS"
  done
  load "http_suggest_$run" "$UNCACHED_URL" /api/suggest "$PREFIXES" "$run" | tee -a "$RESULTS"
done
for system in "${SYSTEMS[@]}"; do
  IFS='|' read -r name url path pid <<<"$system"
  result "http_${name}_rss_mb" "$(mem_mb VmRSS "$pid")"
  result "http_${name}_hwm_mb" "$(mem_mb VmHWM "$pid")"
  result "http_${name}_rss_file_mb" "$(mem_mb RssFile "$pid")"
done
result "server_${n}_heap_peak_mb" "$(heap_peak "$LOGS/server-$n")"
result "server_${n}_heap_live_mb" "$(heap_live "$LOGS/server-$n")"
result "server_${n}_uncached_heap_peak_mb" "$(heap_peak "$LOGS/server-$n-uncached")"
result "server_${n}_articles" "$(curl -s "$SHIPPED_URL/health" | grep -o '"articles":[0-9]*' | cut -d: -f2)"
cleanup
rm -rf "$WORK/index-$n-copy"

# ---- hybrid search: embed every passage, then searches that run, then the soak ---------------------
if $HYBRID; then
  h=$HYBRID_SIZE
  corpus=$(corpus_dir "$h")
  index=$WORK/index-hybrid-$h
  log "index of $h articles with search by meaning on: the word index, then every passage embedded"
  rm -rf "$index"
  gauge
  result "hybrid_gauge" "$GAUGE"
  MEASURED_MARK=" ms"
  measured "hybrid-index-$h" -- rkb "$LOGS/hybrid-index-$h" index --rebuild --articles "$corpus" --config "$HYBRID_CONFIG" --index "$index"
  MEASURED_MARK=""
  cat "$LOGS/hybrid-index-$h.out"
  grep -E '%|embedded' "$LOGS/hybrid-index-$h.err" | tail -4 || true
  [[ $MEASURED_STATUS == 0 ]] || { tail -20 "$LOGS/hybrid-index-$h.err" >&2; echo "error: index failed" >&2; exit 1; }
  counts=$(bench ServerProbe passages --index "$index" 2>>"$LOGS/passages.err")
  passages=$(sed -n 's/.*passages=\([0-9]*\).*/\1/p' <<<"$counts")
  articles=$(sed -n 's/.*articles=\([0-9]*\).*/\1/p' <<<"$counts")
  embed_s=$(awk -v a="$MEASURED_S" -v b="${MEASURED_MARK_S:-0}" 'BEGIN {printf "%.1f", a - b}')
  result "hybrid_size" "$h"
  result "hybrid_articles" "$articles"
  result "hybrid_passages" "$passages"
  result "hybrid_index_wall_s" "$MEASURED_S"
  result "hybrid_word_index_s" "${MEASURED_MARK_S:-}"
  result "hybrid_embed_s" "$embed_s"
  result "hybrid_embed_per_s" "$(awk -v p="$passages" -v s="$embed_s" 'BEGIN {printf "%.0f", p / s}')"
  result "hybrid_index_rss_mb" "$MEASURED_RSS_MB"
  result "hybrid_index_cpu_s" "$MEASURED_CPU_S"
  result "hybrid_progress_lines" "$(grep -c 'articles embedded' "$LOGS/hybrid-index-$h.err" || true)"
  echo "$passages passages of $articles articles embedded in $embed_s s"

  log "rapport-kb with search by meaning on (result cache off), $h articles"
  start_service "server-hybrid-$h" rkb "$LOGS/server-hybrid-$h" serve --port 0 --articles "$corpus" --config "$HYBRID_CONFIG" --index "$index"
  HYBRID_PID=$SERVICE_PID HYBRID_URL=$SERVICE_URL
  curl -s "$HYBRID_URL/health" | tee "$LOGS/hybrid-health.json"; echo
  grep -q '"state":"ready"' "$LOGS/hybrid-health.json" || echo "warning: search by meaning is not ready" >&2
  curl -s -o /dev/null "$HYBRID_URL/api/search?q=empathy"
  result "hybrid_rss_start_mb" "$(mem_mb VmRSS "$HYBRID_PID")"
  result "hybrid_rss_start_file_mb" "$(mem_mb RssFile "$HYBRID_PID")"
  bench ServerProbe sample --url "$HYBRID_URL" --path /api/search --queries "$QUERIES" --count 200 --key sample_hybrid \
    | tee -a "$LOGS/samples.out" | tr ' ' '\n' >>"$RESULTS"
  warm "$HYBRID_URL" /api/search "$QUERIES"
  for run in $(seq "$RUNS"); do
    log "wrk run $run of $RUNS: hybrid searches that run"
    gauge
    load "http_hybrid_$run" "$HYBRID_URL" /api/search "$QUERIES" "$run" | tee -a "$RESULTS"
  done
  log "soak: the same load for $SOAK, then the server's resident memory"
  result "soak_rss_before_mb" "$(mem_mb VmRSS "$HYBRID_PID")"
  load "soak_1" "$HYBRID_URL" /api/search "$QUERIES" 0 "$(seconds "$SOAK")s" | tee -a "$RESULTS"
  result "soak_rss_after_mb" "$(mem_mb VmRSS "$HYBRID_PID")"
  result "soak_rss_after_file_mb" "$(mem_mb RssFile "$HYBRID_PID")"
  result "soak_hwm_mb" "$(mem_mb VmHWM "$HYBRID_PID")"
  result "soak_heap_peak_mb" "$(heap_peak "$LOGS/server-hybrid-$h")"
  result "soak_heap_live_mb" "$(heap_live "$LOGS/server-hybrid-$h")"
  stop_service "$HYBRID_PID"
fi

echo "machine_load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
result "machine_gauge_min_s" "$(tr ' ' '\n' <<<"$GAUGES" | grep -v '^$' | sort -g | head -1)"
result "machine_gauge_median_s" "$(median <<<"$GAUGES")"
result "machine_gauge_max_s" "$(maximum <<<"$GAUGES")"

if $REPORT; then
  log "writing docs/benchmarks.md"
  bench BenchReport "$RESULTS" "$WORK/jmh.json" docs/benchmarks.md
fi
log "done; raw figures in $RESULTS, logs in $LOGS"
