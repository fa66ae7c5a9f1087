#!/usr/bin/env bash
# Scores chronoline on the development split of the TempEval-3 training set
# (TimeBank + AQUAINT, the 48 files whose name hashes into the dev fifth;
# see `chronoline::is_dev_file`) with the project's own TempEval-3 scorer.
#
#   bash scripts/eval-dev.sh [dev|train|all]     (default dev)
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-dev}
data=../shared/data/tempeval3/train
if [ ! -d "$data" ]; then
    echo "skipped: $data is absent (the TempEval-3 training set lives in ../shared/data)" >&2
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/gold" "$work/system"
ln -s "$(cd "$data" && pwd)"/timebank/*.tml "$(cd "$data" && pwd)"/aquaint/*.tml "$work/gold/"
cargo build --release --quiet
./target/release/chronoline tempeval "$work/gold" "$work/system" --split "$split" >/dev/null
./target/release/chronoline eval "$work/gold" "$work/system" --split "$split"
