#!/usr/bin/env bash
# What search by meaning costs, measured on generated corpora (the figures go to stdout and to
# $BENCH_WORK/semantic.properties; docs/benchmarks.md quotes them):
#   - the cold word index of 10,000 articles with semantic search on, which must not wait for
#     embeddings: `index` prints the word index's own time before it starts embedding;
#   - embedding throughput (passages per second) while `index` embeds a 1,000-article corpus;
#   - JMH, words only against hybrid, on searches that run: every call a query never asked before,
#     the result cache off, on the 1,000-article index with its passages.
#
#   bash bench/semantic.sh [--no-build]
#
# Environment: BENCH_WORK (default target/bench-work; the corpora are shared with bench/run.sh),
# BENCH_BUILD (default target), JAVA_HOME.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SEED=42
BUILD=true
[[ ${1:-} == --no-build ]] && BUILD=false
WORK=${BENCH_WORK:-$ROOT/target/bench-work}
BUILD_DIR=${BENCH_BUILD:-$ROOT/target}
JAR=$BUILD_DIR/rapport-kb.jar
RESULTS=$WORK/semantic.properties
LOGS=$WORK/logs
mkdir -p "$WORK" "$LOGS"
: >"$RESULTS"
log() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
result() { echo "$1=$2" | tee -a "$RESULTS"; }

JAVA=""
for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  [[ -x $home/bin/java && -f $home/release ]] || continue
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  if [[ -n $version ]] && ((version >= 21)); then JAVA=$home/bin/java; fi
done
[[ -n $JAVA ]] || { echo "error: no JDK 21+ found; set JAVA_HOME" >&2; exit 1; }

if $BUILD; then
  log "building the jar and the benchmarks"
  mvn -B -q -DskipTests -DbuildDir="$BUILD_DIR" package
  mvn -B -q -Pbench -DskipTests -DbuildDir="$BUILD_DIR/bench" compile
fi
BENCH_CP=$BUILD_DIR/bench/classes:$(cat "$BUILD_DIR/bench/bench.classpath")

corpus() {
  local n=$1 dir=$WORK/corpus-$1-seed$SEED
  if [[ ! -f $dir/.complete ]]; then
    log "generating $n articles (seed $SEED)" >&2
    rm -rf "$dir"
    "$JAVA" -cp "$BENCH_CP" org.rapportkb.bench.CorpusGenerator \
      --source articles --config index-config --out "$dir" --count "$n" --seed "$SEED" --verify >/dev/null
    touch "$dir/.complete"
  fi
  echo "$dir"
}

result machine_cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
result machine_nproc "$(nproc)"
result machine_date "$(date -u +%Y-%m-%dT%H:%MZ)"

# ---- the word index of 10,000 articles, semantic search on ----------------------------------------
BIG=$(corpus 10000)
find "$BIG" -type f -name '*.md' -exec cat {} + >/dev/null
for run in 1 2 3; do
  log "cold index of 10,000 articles with semantic search on (word index only), run $run"
  rm -rf "$WORK/index-semantic-10000"
  sync
  # The word index is committed and searchable before embedding starts; the summary line gives its
  # time. Embedding 10,000 articles takes far longer and is stopped here after 20 s.
  timeout 60 "$JAVA" -jar "$JAR" index --rebuild --articles "$BIG" --config index-config \
    --index "$WORK/index-semantic-10000" >"$LOGS/semantic-index-$run.out" 2>"$LOGS/semantic-index-$run.err" &
  pid=$!
  for _ in $(seq 600); do grep -q " ms" "$LOGS/semantic-index-$run.out" 2>/dev/null && break; sleep 0.1; done
  cat "$LOGS/semantic-index-$run.out"
  result "word_index_10000_run${run}_ms" "$(sed -n 's/.* in \([0-9]*\) ms.*/\1/p' "$LOGS/semantic-index-$run.out")"
  sleep 20
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
rm -rf "$WORK/index-semantic-10000"

# ---- embedding throughput, and the index JMH searches ----------------------------------------------
SMALL=$(corpus 1000)
INDEX=$WORK/index-semantic-1000
rm -rf "$INDEX"
log "index and embed 1,000 articles"
start=$(date +%s%N)
"$JAVA" -jar "$JAR" index --rebuild --articles "$SMALL" --config index-config --index "$INDEX" \
  >"$LOGS/semantic-embed.out" 2>"$LOGS/semantic-embed.err"
end=$(date +%s%N)
cat "$LOGS/semantic-embed.out"
grep "embedded" "$LOGS/semantic-embed.err" || true
result embed_1000_wall_s "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", (b - a) / 1e9}')"
result embed_1000_passages_per_s "$(sed -n 's/.*(\([0-9]*\) passages\/s).*/\1/p' "$LOGS/semantic-embed.err" | tail -1)"
result embed_1000_passages "$(sed -n 's/.*embedded \([0-9]*\) passages.*/\1/p' "$LOGS/semantic-embed.err" | tail -1)"
result index_1000_disk_mb "$(du -sm "$INDEX" | cut -f1)"

# ---- JMH: words only against hybrid, every search a new query, no kept answers ---------------------
CONFIG=$WORK/config-semantic-uncached
rm -rf "$CONFIG"
cp -r "$ROOT/index-config" "$CONFIG"
sed -i 's/^cachedSearches:.*/cachedSearches: 0/' "$CONFIG/limits.yml"
log "JMH: words only and hybrid on 1,000 articles"
"$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main HybridSearchBenchmark -wi 3 -w 3s -i 5 -r 3s -f 1 \
  -jvmArgsAppend "-Drkb.articles=$SMALL -Drkb.config=$CONFIG -Drkb.index=$INDEX" \
  -rf json -rff "$WORK/jmh-semantic.json" 2>"$LOGS/jmh-semantic.err" | tee "$LOGS/jmh-semantic.out" \
  | grep -E '^(Benchmark|HybridSearchBenchmark)' || true
