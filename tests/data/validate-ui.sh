#!/usr/bin/env bash
# validate-ui.sh VALIDATOR SRCDIR
# Checks every ui/*.ui and ui/gtk/*.ui of the source tree, found when the
# test runs, so new templates are covered without editing meson files.
# Needs a display: 'scripts/yishi-dev test' runs the suites under Xvfb.
set -euo pipefail

validator=${1:?usage: validate-ui.sh VALIDATOR SRCDIR}
srcdir=${2:?usage: validate-ui.sh VALIDATOR SRCDIR}

shopt -s nullglob
files=("$srcdir"/ui/*.ui "$srcdir"/ui/gtk/*.ui)
if (( ${#files[@]} == 0 )); then
  echo "no .ui files under $srcdir/ui" >&2
  exit 1
fi
exec "$validator" "${files[@]}"
