#!/usr/bin/env bash
# Server benchmark (issue 21): `borderline serve --jobs 2` on a free port,
# the sample article POSTed to /api/render as PNG at the default 1600x1000
# (what `borderline render sample.txt` draws), with wrk:
#   1. one client, one request at a time: median (p50) latency per map;
#   2. eight clients at once: maps per second on the machine's cores.
# Traffic goes to 127.0.0.1 only, for a fixed time.
#
#   bench/bench_serve.sh [SECONDS]   (default 15; BORDERLINE=path, default build/borderline; SIZE=WxH)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
size=${SIZE:-1600x1000}
bin=${BORDERLINE:-$(pwd)/build/borderline}
[ -x "$bin" ] || { echo "bench_serve: $bin is missing; run tools/setup.sh first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench_serve: wrk is missing; apt-get install wrk" >&2; exit 1; }
work=$(mktemp -d)
"$bin" serve --port 0 --jobs 2 >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q listening "$work/out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/out")
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
local f = io.open("samples/armenia-azerbaijan-syunik.txt", "rb")
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/plain"
wrk.path = "/api/render?format=png&size=$size"
done = function(summary, latency, requests)
  io.write(string.format("bench_serve: %d requests, %d errors (status %d, timeout %d)\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
end
LUA
# Warm the page cache and the fonts.
curl -s --data-binary @samples/armenia-azerbaijan-syunik.txt "${url}api/render?size=$size" -o "$work/map.png"
file "$work/map.png" | grep -q PNG || { echo "bench_serve: no PNG from the server" >&2; exit 1; }
# The server's CPU seconds (user + system) from /proc: on a machine shared
# with other work, CPU time per map says what wall time cannot.
cpu() { awk '{print ($14 + $15) / '"$(getconf CLK_TCK)"'}' /proc/$pid/stat; }
run() {  # clients threads
  local before after
  before=$(cpu)
  wrk -t"$2" -c"$1" -d"${secs}s" --timeout 30s --latency -s "$work/post.lua" "$url" >"$work/wrk.txt"
  after=$(cpu)
  grep -E "50%|90%|99%|Requests/sec|bench_serve" "$work/wrk.txt"
  awk -v b="$before" -v a="$after" '/ requests,/ {n = $2} END {if (n > 0) printf "server CPU per map: %.1f ms\n", (a - b) * 1000 / n}' \
    "$work/wrk.txt"
}
echo "== 1 client: latency of one map ($size PNG) =="
run 1 1
echo "== 8 clients: maps per second (jobs 2, $(nproc) cores) =="
run 8 2
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
