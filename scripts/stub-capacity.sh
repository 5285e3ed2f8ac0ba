#!/usr/bin/env bash
# Is the stub an instrument or a bottleneck? Drives the standalone mock server with wrk at many
# keep-alive connections against a fixed delay and prints what the server added on top of it.
#
#   scripts/stub-capacity.sh [--connections 1000] [--delay-ms 500] [--duration 10s] [-- mock-server flags]
#
# Ideal: every request takes exactly the delay, so throughput = connections / delay.
set -euo pipefail

connections=1000 delay_ms=500 duration=10s threads=2
server_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --delay-ms) delay_ms="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --) shift; server_args=("$@"); break ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "stub-capacity: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/mock-server/target/mock-server.jar"
[ -f "$jar" ] || { echo "stub-capacity: $jar is missing: run 'mvn -B -pl mock-server package -DskipTests' first" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
  echo "stub-capacity: installing wrk" >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null || { echo "stub-capacity: wrk is missing and could not be installed" >&2; exit 2; }
fi
. "$root/scripts/lib/java.sh"
# the server runs on Java 17, but the same JDK as the harness keeps the comparison honest
java_bin="$(java_21 || echo "${JAVA_HOME:+$JAVA_HOME/bin/}java")"

log="$(mktemp)"
"$java_bin" $(jvm_flags "$java_bin") -jar "$jar" --port 0 "${server_args[@]}" >"$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 2; }
  sleep 0.1
done
base="$(grep -o 'http://[0-9.:]*' "$log" | head -1)"
[ -n "$base" ] || { echo "stub-capacity: the server did not start" >&2; cat "$log" >&2; exit 2; }

url="$base/api/items/1?delayMs=$delay_ms"
overflows_before="$(nstat -az TcpExtListenOverflows 2>/dev/null | awk '/ListenOverflows/ {print $2}')"
echo "warm-up: 5s at $connections connections ($url)"
wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null
curl -s -X POST "$base/stats/reset" >/dev/null
echo "measuring: $duration"
out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")"
echo "$out"
overflows_after="$(nstat -az TcpExtListenOverflows 2>/dev/null | awk '/ListenOverflows/ {print $2}')"
stats="$(curl -s "$base/stats")"

python3 - "$delay_ms" "$connections" "$out" "$stats" "${overflows_before:-0}" "${overflows_after:-0}" <<'PY'
import json, re, sys
delay, conns, out, stats = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
def ms(v, unit):
    return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
pct = {int(p): ms(v, u) for p, v, u in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)}
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
ideal = conns / (delay / 1000.0)
late = stats["endpoints"]["items"]["lateness"]
errors = re.search(r"Socket errors:.*", out)
print()
print(f"added latency (client)  p50 +{pct[50]-delay:.1f} ms   p99 +{pct[99]-delay:.1f} ms")
print(f"server's own lateness   p50 {late['p50Micros']/1000:.1f} ms   p99 {late['p99Micros']/1000:.1f} ms   max {late['maxMicros']/1000:.1f} ms")
print(f"throughput              {rps:.0f} req/s of ideal {ideal:.0f} ({rps/ideal:.2f})")
print(f"listen overflows        {int(sys.argv[6]) - int(sys.argv[5])}")
if errors:
    print(errors.group(0))
PY
