#!/usr/bin/env bash
# Benchmarks samrad against Hugo on the same synthetic content.
#
#   Benchmarks/run.sh [N] [RUNS]          N meetings (default 2000), RUNS timed builds per tool (default 5)
#   Benchmarks/run.sh --scaling [RUNS]    N = 2000 and 4000, prints the time ratio 4000/2000
#
# Environment:
#   BENCH_DIR             where sites and outputs go (default /tmp/samrad-bench); generated sites
#                         are reused while generate.py, N and the seed are unchanged
#   BENCH_SEED            generator seed (default 1)
#   BENCH_SHAPE           corpus shape for generate.py --shape (default standard; "long": fewer, longer
#                         records with more post-its and a leaner Hugo site, e.g. run.sh 500 5)
#   TOOLS                 which builds to time, any of "samrad samrad+search hugo hugo+pagefind"
#                         (default all four; --scaling defaults to "samrad hugo"). hugo+pagefind
#                         is what a Hugo user does for search: Hugo, then the Pagefind CLI on
#                         Hugo's output, timed together; the Pagefind step alone is also
#                         reported as "pagefind-cli" (its wall time and peak RSS)
#   PAGEFIND_BINARY_PATH  Pagefind for "samrad+search" and "hugo+pagefind" (default: .venv's
#                         pagefind-bin, installed by scripts/setup.sh when missing)
#   SAMRAD_BIN            use this samrad binary instead of building one
#   TRANSFER=1            after the rounds, Benchmarks/transfer.py on samrad+search's last output:
#                         bytes a browser loads for the idea bank's first view and filter changes
#
# samrad is built in release mode in its own scratch folder (.build-bench), never .build/.
# Each round runs every tool once (A B C A B C …) so that they share the machine's noise;
# one untimed warm-up round comes first. Wall time and peak RSS come from GNU time
# (`%e %M`); for samrad+search the RSS is the larger of samrad and its Pagefind child.
# After the rounds, Benchmarks/page_budget.py checks samrad's last output: the run fails
# (exit 1) when any HTML page is over 300 KB.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SCALING=0
if [ "${1:-}" = "--scaling" ]; then SCALING=1; shift; fi
if [ "$SCALING" = 1 ]; then
  SIZES=(2000 4000); RUNS=${1:-5}; TOOLS=${TOOLS:-"samrad hugo"}
else
  SIZES=("${1:-2000}"); RUNS=${2:-5}; TOOLS=${TOOLS:-"samrad samrad+search hugo hugo+pagefind"}
fi
BENCH_DIR=${BENCH_DIR:-/tmp/samrad-bench}
SEED=${BENCH_SEED:-1}
SHAPE=${BENCH_SHAPE:-standard}
mkdir -p "$BENCH_DIR"

say() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  say "installing GNU time"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq time >/dev/null
fi
HUGO=${HUGO:-/usr/bin/hugo}
if [[ " $TOOLS " == *" hugo"* ]] && [ ! -x "$HUGO" ]; then
  echo "bench: Hugo not found at $HUGO (apt-get install hugo)" >&2; exit 1
fi

COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo '+local changes')"
if [ -n "${SAMRAD_BIN:-}" ]; then
  SAMRAD=$SAMRAD_BIN
  COMMIT="$SAMRAD_BIN"
else
  say "building samrad (release, --scratch-path .build-bench)"
  swift build -c release --scratch-path .build-bench --product samrad >&2
  SAMRAD="$(swift build -c release --scratch-path .build-bench --show-bin-path)/samrad"
fi

if [[ " $TOOLS " == *" samrad+search "* || " $TOOLS " == *" hugo+pagefind "* ]]; then
  PAGEFIND=${PAGEFIND_BINARY_PATH:-}
  if [ -z "$PAGEFIND" ]; then
    PAGEFIND=$(ls .venv/lib/python*/site-packages/pagefind_bin/pagefind 2>/dev/null | head -1 || true)
    if [ -z "$PAGEFIND" ]; then
      say "Pagefind missing: running scripts/setup.sh"
      bash scripts/setup.sh >&2
      PAGEFIND=$(ls .venv/lib/python*/site-packages/pagefind_bin/pagefind 2>/dev/null | head -1 || true)
    fi
  fi
  if [ -z "$PAGEFIND" ] || [ ! -x "$PAGEFIND" ]; then
    say "no Pagefind binary; skipping samrad+search and hugo+pagefind"
    TOOLS=${TOOLS//samrad+search/}
    TOOLS=${TOOLS//hugo+pagefind/}
  else
    PAGEFIND=$(cd "$(dirname "$PAGEFIND")" && pwd)/$(basename "$PAGEFIND")
  fi
fi

# Earlier outputs, removed between sites and at the end, never right before a timed build.
TRASH="$BENCH_DIR/trash"
empty_trash() {
  if [ -n "$(ls -A "$TRASH" 2>/dev/null)" ] || ls -d "$BENCH_DIR"/out-* >/dev/null 2>&1; then
    mkdir -p "$TRASH"
    for old in "$BENCH_DIR"/out-*; do [ -e "$old" ] && mv "$old" "$TRASH/$(date +%s%N)"; done
    rm -rf "$TRASH"
    say "removed earlier outputs; waiting 35 s so that their freed inodes do not slow the next build"
    sync
    sleep 35
  fi
  mkdir -p "$TRASH"
}

# --- one build -----------------------------------------------------------------------------
# run_tool TOOL SITE_DIR OUT_DIR RESULT_FILE LABEL [TIMED=1]
#   -> appends "tool wall_s rss_kib pages user_s sys_s" to RESULT_FILE when TIMED
run_tool() {
  local tool=$1 site=$2 out=$3 results=$4 label=$5 timed=${6:-1}
  local tf="$BENCH_DIR/time.txt" log="$BENCH_DIR/last-$tool.log"
  # Outside the timing: start from an empty output folder. The previous output is moved
  # aside, not deleted: on ext4 without a journal (these machines), creating a file skips
  # every inode freed in the last ~30 s and looks each one up, so deleting thousands of
  # files right before a build added seconds of system time to it (see BENCHMARKS.md).
  if [ -e "$out" ]; then mv "$out" "$TRASH/$(date +%s%N)"; fi
  case $tool in
    samrad)
      /usr/bin/time -f "%e %M %U %S" -o "$tf" "$SAMRAD" build --site "$site/samrad" --output "$out" --no-search >"$log" 2>&1 ;;
    samrad+search)
      PAGEFIND_BINARY_PATH=$PAGEFIND /usr/bin/time -f "%e %M %U %S" -o "$tf" "$SAMRAD" build --site "$site/samrad" --output "$out" >"$log" 2>&1 ;;
    hugo)
      /usr/bin/time -f "%e %M %U %S" -o "$tf" "$HUGO" --quiet --source "$site/hugo" --destination "$out" >"$log" 2>&1 ;;
    hugo+pagefind)
      # Both steps under one timer; the Pagefind step also under its own.
      /usr/bin/time -f "%e %M %U %S" -o "$tf" bash -c '"$1" --quiet --source "$2/hugo" --destination "$3" &&
        /usr/bin/time -f "%e %M %U %S" -o "$4" "$5" --site "$3" --output-subdir pagefind --force-language sv --quiet' \
        _ "$HUGO" "$site" "$out" "$BENCH_DIR/time-pagefind.txt" "$PAGEFIND" >"$log" 2>&1 ;;
  esac || { echo "bench: $tool failed, see $log:" >&2; tail -20 "$log" >&2; exit 1; }
  if [[ "$tool" = *search || "$tool" = *pagefind ]] && [ ! -d "$out/pagefind" ]; then
    echo "bench: $tool wrote no pagefind/ index, see $log" >&2; tail -5 "$log" >&2; exit 1
  fi
  local pages; pages=$(find "$out" -name '*.html' 2>/dev/null | wc -l)
  local wall rss usr sys
  read -r wall rss usr sys < <(tail -1 "$tf")
  if [ "$timed" = 1 ]; then echo "$tool $wall $rss $pages $usr $sys" >>"$results"; fi
  say "  $label $tool: ${wall}s wall, ${usr}s user + ${sys}s sys, $((rss / 1024)) MiB, $pages pages"
  if [ "$tool" = hugo+pagefind ]; then
    read -r wall rss usr sys < <(tail -1 "$BENCH_DIR/time-pagefind.txt")
    if [ "$timed" = 1 ]; then echo "pagefind-cli $wall $rss $pages $usr $sys" >>"$results"; fi
    say "  $label   of which pagefind-cli: ${wall}s wall, $((rss / 1024)) MiB"
  fi
}

summarize() {  # summarize RESULT_FILE N
  python3 - "$1" "$2" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
order = ["samrad", "samrad+search", "hugo", "hugo+pagefind", "pagefind-cli"]
by = {}
for tool, wall, rss, pages, usr, sy in rows:
    by.setdefault(tool, []).append((float(wall), int(rss), int(pages), float(usr) + float(sy)))
if not by:
    sys.exit("bench: no timed runs")
n = sys.argv[2]
print(f"\n{n}, {len(next(iter(by.values())))} runs each")
print(f"{'tool':<15} {'min s':>8} {'median s':>9} {'max RSS MiB':>12} {'pages':>7} {'CPU s (median)':>15}")
stats = {}
for tool in [t for t in order if t in by]:
    walls = [w for w, _, _, _ in by[tool]]
    rss = max(r for _, r, _, _ in by[tool]) / 1024
    pages = sorted({p for _, _, p, _ in by[tool]})
    cpu = statistics.median(c for _, _, _, c in by[tool])
    stats[tool] = (min(walls), statistics.median(walls), rss, cpu)
    print(f"{tool:<15} {min(walls):>8.2f} {statistics.median(walls):>9.2f} {rss:>12.0f} {'/'.join(map(str, pages)):>7} {cpu:>15.2f}")
if "hugo" in stats:
    h = stats["hugo"]
    for tool in ("samrad", "samrad+search"):
        if tool in stats:
            s = stats[tool]
            print(f"{tool}/hugo: median time {s[1] / h[1]:.2f}, min time {s[0] / h[0]:.2f}, "
                  f"peak RSS {s[2] / h[2]:.2f}, CPU time {s[3] / h[3]:.2f}")
if "samrad+search" in stats and "hugo+pagefind" in stats:
    s, h = stats["samrad+search"], stats["hugo+pagefind"]
    print(f"samrad+search/(hugo+pagefind): median time {s[1] / h[1]:.2f} (target 0.65), min time {s[0] / h[0]:.2f}, "
          f"CPU time {s[3] / h[3]:.2f}")
    if "pagefind-cli" in stats:
        p = stats["pagefind-cli"]
        print(f"samrad+search peak RSS / pagefind-cli's: {s[2] / p[2]:.2f} (target 1.0)")
EOF
}

# --- per size ---------------------------------------------------------------------------------
GEN_HASH=$(sha256sum Benchmarks/generate.py | cut -c1-16)
declare -A MEDIANS
BUDGET_FAILED=0
for N in "${SIZES[@]}"; do
  SITE="$BENCH_DIR/site-$N"; [ "$SHAPE" = standard ] || SITE="$SITE-$SHAPE"
  STAMP="$GEN_HASH seed=$SEED n=$N shape=$SHAPE"
  if [ "$(cat "$SITE/.stamp" 2>/dev/null || true)" != "$STAMP" ]; then
    say "generating $N meetings ($SHAPE shape) into $SITE"
    rm -rf "$SITE"
    python3 Benchmarks/generate.py "$N" "$SITE" --seed "$SEED" --shape "$SHAPE"
    echo "$STAMP" >"$SITE/.stamp"
  fi
  say "checking the generated site with samrad check"
  "$SAMRAD" check --site "$SITE/samrad" >"$BENCH_DIR/check.log" 2>&1 || { tail -20 "$BENCH_DIR/check.log" >&2; exit 1; }
  tail -1 "$BENCH_DIR/check.log" >&2

  RESULTS="$BENCH_DIR/results-$N.txt"; [ "$SHAPE" = standard ] || RESULTS="$BENCH_DIR/results-$N-$SHAPE.txt"
  : >"$RESULTS"
  empty_trash
  say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for tool in $TOOLS; do run_tool "$tool" "$SITE" "$BENCH_DIR/out-$tool" "$RESULTS" warm-up 0; done
  for r in $(seq 1 "$RUNS"); do
    for tool in $TOOLS; do run_tool "$tool" "$SITE" "$BENCH_DIR/out-$tool" "$RESULTS" "run $r"; done
  done
  say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  summarize "$RESULTS" "$N meetings ($SHAPE shape)"
  # The page budget on the last samrad output: fails the run when a page is over 300 KB.
  for tool in samrad samrad+search; do
    if [[ " $TOOLS " == *" $tool "* ]]; then
      echo
      COMPARE=(); [[ " $TOOLS " == *" hugo "* ]] && COMPARE=(--compare "$BENCH_DIR/out-hugo")
      [[ ! " $TOOLS " == *" hugo "* && " $TOOLS " == *" hugo+pagefind "* ]] && COMPARE=(--compare "$BENCH_DIR/out-hugo+pagefind")
      python3 Benchmarks/page_budget.py "$BENCH_DIR/out-$tool" "${COMPARE[@]}" || BUDGET_FAILED=1
      break
    fi
  done
  if [[ " $TOOLS " == *" samrad+search "* ]] && [ -n "${TRANSFER:-}" ]; then
    echo
    .venv/bin/python Benchmarks/transfer.py "$BENCH_DIR/out-samrad+search" || true
  fi
  for tool in $TOOLS; do
    MEDIANS[$tool-$N]=$(awk -v t="$tool" '$1 == t {print $2}' "$RESULTS" | sort -n | python3 -c 'import sys, statistics; print(statistics.median(float(x) for x in sys.stdin))')
  done
done

if [ "$SCALING" = 1 ]; then
  echo
  echo "scaling, median wall time 4000 / 2000 meetings (target for samrad: at most 2.2):"
  for tool in $TOOLS; do
    python3 -c "import sys; a, b = float(sys.argv[2]), float(sys.argv[3]); print(f'{sys.argv[1]:<15} {a:.2f} s -> {b:.2f} s: {b / a:.2f}x')" \
      "$tool" "${MEDIANS[$tool-2000]}" "${MEDIANS[$tool-4000]}"
  done
fi
echo
echo "samrad: $COMMIT; date: $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $("$HUGO" version | cut -d' ' -f1-2); $(swift --version 2>&1 | head -1)"
rm -rf "$TRASH"
if [ "$BUDGET_FAILED" = 1 ]; then echo "bench: a page is over the page budget (see above)" >&2; exit 1; fi
