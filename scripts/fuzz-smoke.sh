#!/usr/bin/env bash
# A short fuzzing run of every target in fuzz/ (see fuzz/README.md): a
# minute each by default, one at a time, one job each. Fails on the first
# crash, leaving the reproducer in fuzz/artifacts/<target>/.
#
#   bash scripts/fuzz-smoke.sh            (60 s per target)
#   SECONDS_PER_TARGET=600 bash scripts/fuzz-smoke.sh extract
#
# The seeds in fuzz/seeds/ come from scripts/fuzz_seeds.py.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo-fuzz passes nightly
# flags to rustc; on a stable toolchain RUSTC_BOOTSTRAP=1 lets them through.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

SECONDS_PER_TARGET=${SECONDS_PER_TARGET:-60}
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(extract timeml options)
fi
export RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP:-1}
# No sanitizer: chronoline has no unsafe code, so what the fuzzer looks for
# is panics (debug assertions and overflow checks stay on with -a).
FLAGS=(--sanitizer none --debug-assertions --release)

# Short inputs keep each execution cheap (extraction is linear, so long
# inputs buy little coverage for their time); dictionaries hold the words
# and markup the code reads.
target_options() {
    case "$1" in
        extract) echo "-max_len=512 -dict=dict/extract.dict" ;;
        timeml) echo "-max_len=1024 -dict=dict/timeml.dict" ;;
        *) echo "-max_len=64" ;;
    esac
}

cargo fuzz build "${FLAGS[@]}"
for target in "${TARGETS[@]}"; do
    mkdir -p "corpus/$target"
    printf '\n== %s (%s s)\n' "$target" "$SECONDS_PER_TARGET"
    log="target/smoke-$target.log"
    mkdir -p target
    status=0
    cargo fuzz run "${FLAGS[@]}" "$target" "corpus/$target" "seeds/$target" -- \
        $(target_options "$target") \
        -max_total_time="$SECONDS_PER_TARGET" -jobs=1 -workers=1 -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|panicked|SUMMARY' "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log" >&2
        echo "$target failed (exit $status): see fuzz/$log and fuzz/artifacts/$target/" >&2
        exit 1
    fi
    if [ -n "$(ls -A "artifacts/$target" 2>/dev/null)" ]; then
        echo "crash found: see fuzz/artifacts/$target/" >&2
        exit 1
    fi
    printf 'corpus: %s files\n' "$(ls "corpus/$target" | wc -l)"
done
