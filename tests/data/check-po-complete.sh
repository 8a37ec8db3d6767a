#!/usr/bin/env bash
# check-po-complete.sh SRCDIR LANG
#
# Fails unless po/LANG.po translates every message the sources have now:
# extracts a fresh template from po/POTFILES.in (the same xgettext options as
# meson's 'glib' preset), merges the .po into a scratch copy and requires
# msgfmt --statistics to report no untranslated and no fuzzy message.
# Nothing in the source tree is written.
set -euo pipefail

srcdir=${1:?usage: check-po-complete.sh SRCDIR LANG}
lang=${2:?usage: check-po-complete.sh SRCDIR LANG}
po="$srcdir/po/$lang.po"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

msgfmt --check -o /dev/null "$po"

xgettext --package-name=yishi --files-from="$srcdir/po/POTFILES.in" --directory="$srcdir" \
  --output="$tmp/yishi.pot" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format

msgmerge --quiet --output-file="$tmp/$lang.po" "$po" "$tmp/yishi.pot"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "po/$lang.po against the current sources: $stats"

if grep -qE 'untranslated|fuzzy' <<<"$stats"; then
  for kind in untranslated only-fuzzy; do
    echo "-- $kind (first 40):" >&2
    msgattrib --"$kind" --no-wrap --no-obsolete "$tmp/$lang.po" \
      | grep '^msgid ' | tail -n +2 | head -n 40 >&2 || true
  done
  echo "po/$lang.po is incomplete: run 'ninja -C BUILD yishi-update-po' and translate" >&2
  exit 1
fi
