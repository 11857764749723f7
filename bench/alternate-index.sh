#!/usr/bin/env bash
# Tells a change to the cold index from the host's noise: two builds of rapport-kb take turns at
# `index --rebuild` of the same generated corpus, and the medians are compared.
#   bash bench/alternate-index.sh BEFORE.jar AFTER.jar [ROUNDS] [ARTICLES]
# ROUNDS defaults to 5, ARTICLES to 10000. The corpus and the words-only config are the ones
# bench/run.sh writes into $BENCH_WORK (default target/bench-work); run it once first.
# Each jar keeps its own class-data archive, recorded by a `check` before the first turn, so
# every measured run is a run as users see it after their first.
set -euo pipefail

if (($# < 2)); then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
before=$(realpath "$1") after=$(realpath "$2")
rounds=${3:-5} articles=${4:-10000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_WORK:-$here/target/bench-work}
corpus=$work/corpus-$articles-seed42 config=$work/config-words
for needed in "$before" "$after" "$corpus" "$config"; do
  [[ -e $needed ]] || { echo "error: $needed is missing (run bench/run.sh once for the corpus)" >&2; exit 2; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

run() { # run LABEL JAR: one cold index; prints "LABEL wall cpu"
  rm -rf "$scratch/index"
  RAPPORT_KB_JAR=$2 RAPPORT_KB_CACHE=$scratch/cds-$1 /usr/bin/time -o "$scratch/time" -f "%e %U %S" \
    "$here/bin/rapport-kb" index --rebuild --articles "$corpus" --config "$config" \
    --index "$scratch/index" >/dev/null 2>"$scratch/log" || { cat "$scratch/log" >&2; exit 1; }
  read -r wall user sys <"$scratch/time"
  echo "$1 $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
}

for label in before after; do
  jar=$before
  [[ $label == after ]] && jar=$after
  RAPPORT_KB_JAR=$jar RAPPORT_KB_CACHE=$scratch/cds-$label \
    "$here/bin/rapport-kb" check --articles "$here/articles" --config "$here/index-config" >/dev/null
done

echo "cold index of $articles articles, $rounds rounds; seconds of wall time and of CPU (user + system)"
for ((round = 1; round <= rounds; round++)); do
  run before "$before" | tee -a "$scratch/runs"
  run after "$after" | tee -a "$scratch/runs"
done
for label in before after; do
  awk -v l="$label" '$1 == l { w[++n] = $2; c[n] = $3 }
    function median(a, n,   i, j, t) {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END { printf "%s: median %.2f s wall, %.2f s CPU\n", l, median(w, n), median(c, n) }' "$scratch/runs"
done
