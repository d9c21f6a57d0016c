#!/usr/bin/env bash
# Disk full: render into a 64 KiB tmpfs. The write must fail with exit code 5
# and a one-line message, leaving no file behind. Needs root (mount); the
# same is then checked with a file-size limit (ulimit -f), which needs none.
# Usage: disk_full.sh BORDERLINE ARTICLE WORKDIR
set -euo pipefail
bin=$1 article=$2 work=$3
rm -rf "$work"; mkdir -p "$work/full"
check() {  # dir
  set +e
  err=$("$bin" render "$article" -o "$1/map.png" 2>&1 >/dev/null)
  code=$?
  set -e
  [ "$code" -eq 5 ] || { echo "exit code $code, expected 5: $err"; exit 1; }
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "message is not one line: $err"; exit 1; }
  printf '%s' "$err" | grep -q -E 'write failed|cannot write' || { echo "unexpected message: $err"; exit 1; }
  [ -z "$(ls -A "$1")" ] || { echo "files left behind: $(ls -A "$1")"; exit 1; }
  echo "ok: $err"
}
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$work/full" 2>/dev/null; then
  trap 'umount "$work/full"' EXIT
  check "$work/full"
fi
# A file-size limit of 64 KiB: write() fails with EFBIG once SIGXFSZ is ignored.
mkdir -p "$work/limited"
( trap '' XFSZ; ulimit -f 64; check "$work/limited" )
