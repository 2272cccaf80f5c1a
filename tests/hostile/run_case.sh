#!/usr/bin/env bash
# Runs one hostile-input case (a folder, the way SUMO keeps its system tests):
#   cmd              the campsim arguments, one line, run by bash from a scratch copy of the folder;
#                    $SRC is the source tree, $CAMPSIM the program
#   setup            (optional) bash run first in the scratch copy (make a FIFO, a large file, a batch)
#   expected_exit    the exit code (2 when absent)
#   expected_output  lines that must each appear in what campsim prints (stdout and stderr)
#   check            (optional) bash run last; must exit 0 (e.g. "nothing was deleted")
# A case that runs longer than its time limit is a hang and fails.
# Usage: run_case.sh CAMPSIM CASE_DIR SOURCE_DIR
set -uo pipefail
CAMPSIM=$1
CASE=$2
SRC=$3
export CAMPSIM SRC
LIMIT=${CAMPSIM_HOSTILE_TIMEOUT:-60}
name=$(basename "$CASE")
work=$(mktemp -d "${TMPDIR:-/tmp}/campsim-hostile-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$CASE"/. "$work"/
cd "$work" || exit 1
if [[ -f setup ]]; then
  bash ./setup >setup.log 2>&1 || { echo "hostile/$name: setup failed"; cat setup.log; exit 1; }
fi
expected_exit=2
[[ -f expected_exit ]] && expected_exit=$(tr -d '[:space:]' < expected_exit)
output=$(timeout --signal=KILL "$LIMIT" bash -c "\"\$CAMPSIM\" $(cat cmd)" 2>&1)
code=$?
fail=0
if [[ $code -eq 137 ]]; then
  echo "hostile/$name: HANG: no exit within ${LIMIT}s"
  fail=1
elif [[ $code -ne $expected_exit ]]; then
  echo "hostile/$name: exit $code, expected $expected_exit"
  fail=1
fi
if [[ -f expected_output ]]; then
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -z $line ]] && continue
    if [[ $output != *"$line"* ]]; then
      echo "hostile/$name: output lacks: $line"
      fail=1
    fi
  done < expected_output
fi
if [[ -f check ]] && ! bash ./check; then
  echo "hostile/$name: check failed"
  fail=1
fi
if [[ $fail -ne 0 ]]; then
  echo "--- campsim $(cat cmd)"
  echo "$output" | head -40
  exit 1
fi
echo "hostile/$name: ok (exit $code)"
