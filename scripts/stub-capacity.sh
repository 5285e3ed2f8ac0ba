#!/usr/bin/env bash
# Is the stub an instrument or a bottleneck? Two measurements with wrk:
#  1. its zero-delay capacity against plain WireMock standalone (same version, the same JSON answer,
#     journal and request logging off), both warmed, measured in alternating rounds: the ratio is
#     what the stub's instrumentation (counts, lateness, disconnect watch, guards) costs;
#  2. a wave of many keep-alive connections against a fixed delay: what the server adds on top of it.
#
#   scripts/stub-capacity.sh [--only plain|waves] [--connections 1000] [--delay-ms 500] [--duration 10s]
#                            [--rounds 5] [--cpus STUB:CLIENT] [-- mock-server flags]
#
# Ideal for (2): every request takes exactly the delay, so throughput = connections / delay.
# Plain WireMock's jar is fetched once with Maven into mock-server/target/plain-wiremock/.
set -euo pipefail

connections=1000 delay_ms=500 duration=10s threads=2 rounds=5 only="" cpus=""
server_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --delay-ms) delay_ms="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    --) shift; server_args=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "stub-capacity: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$only" in ""|plain|waves) ;; *) echo "stub-capacity: --only is plain or waves, got '$only'" >&2; exit 2 ;; esac
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "stub-capacity: --rounds must be a positive number, got '$rounds'" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/mock-server/target/mock-server.jar"
[ -f "$jar" ] || { echo "stub-capacity: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
. "$root/scripts/lib/java.sh"
. "$root/scripts/lib/stub.sh"
split_cpus stub-capacity "$cpus"
require_wrk stub-capacity
# the same JDK as the harness keeps the comparison honest
java_bin="$(require_java_21 stub-capacity)"

requests_per_second() {
  "${client[@]}" wrk -t"$threads" -c10 -d"$1" "$2" | awk '/Requests\/sec/ {print $2}'
}

median() {
  tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

if [ "$only" != waves ]; then
  version="$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' "$root/pom.xml")"
  plain_dir="$root/mock-server/target/plain-wiremock"
  plain_jar="$plain_dir/wiremock-standalone-$version.jar"
  if [ ! -f "$plain_jar" ]; then
    echo "stub-capacity: fetching plain WireMock $version standalone (once)"
    mvn -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$version" -DoutputDirectory="$plain_dir" >/dev/null 2>&1 \
      || { echo "stub-capacity: cannot fetch org.wiremock:wiremock-standalone:$version with Maven" >&2; exit 2; }
  fi
  # the stub's own items mapping, with no delay of its own (the stub's is overridden by ?delayMs=0)
  mkdir -p "$plain_dir/root/mappings"
  unzip -p "$jar" wiremock/mappings/items.json \
    | sed -e '/"fixedDelayMilliseconds"/d' -e '/"priority"/d' >"$plain_dir/root/mappings/items.json"

  start_stub "$java_bin" "$jar" "$stub_cpus" "${server_args[@]}"
  ours="$stub_base/api/items/1?delayMs=0"
  plain_log="$(mktemp)"
  plain_prefix=()
  [ -n "$stub_cpus" ] && plain_prefix=(taskset -c "$stub_cpus")
  "${plain_prefix[@]}" "$java_bin" -jar "$plain_jar" --port 0 --bind-address 127.0.0.1 \
    --root-dir "$plain_dir/root" --disable-request-logging --no-request-journal >"$plain_log" 2>&1 &
  plain_pid=$!
  trap 'kill "$plain_pid" 2>/dev/null; stop_stub; rm -f "$plain_log"' EXIT
  for _ in $(seq 150); do grep -q '^port:' "$plain_log" && break; sleep 0.1; done
  plain_port="$(awk '/^port:/ {print $2}' "$plain_log")"
  [ -n "$plain_port" ] || { echo "stub-capacity: plain WireMock did not start:" >&2; cat "$plain_log" >&2; exit 2; }
  plain="http://127.0.0.1:$plain_port/api/items/1?delayMs=0"
  curl -sf "$plain" | grep -q '"id":"1"' || { echo "stub-capacity: plain WireMock does not answer $plain as the stub does" >&2; exit 2; }

  echo "zero-delay capacity, wrk -t$threads -c10: plain WireMock $version vs the stub, same answer"
  echo "warming both (30 s each)"
  requests_per_second 30s "$plain" >/dev/null
  requests_per_second 30s "$ours" >/dev/null
  plain_all="" ours_all=""
  for round in $(seq "$rounds"); do
    p="$(requests_per_second 10s "$plain")"
    o="$(requests_per_second 10s "$ours")"
    echo "  round $round: plain $p req/s, stub $o req/s"
    plain_all="$plain_all $p" ours_all="$ours_all $o"
  done
  plain_median="$(echo "$plain_all" | median)" ours_median="$(echo "$ours_all" | median)"
  awk -v p="$plain_median" -v o="$ours_median" 'BEGIN {
    printf "stub / plain WireMock: %.2f (medians: stub %.0f req/s, plain %.0f req/s); goal >= 1.00: %s\n", o / p, o, p, (o / p >= 1.0 ? "met" : "not met") }'
  kill "$plain_pid" 2>/dev/null; wait "$plain_pid" 2>/dev/null || true
  stop_stub
  echo
fi

[ "$only" = plain ] && exit 0

start_stub "$java_bin" "$jar" "$stub_cpus" "${server_args[@]}"
base="$stub_base"
url="$base/api/items/1?delayMs=$delay_ms"
overflows_before="$(nstat -az TcpExtListenOverflows 2>/dev/null | awk '/ListenOverflows/ {print $2}')"
echo "waves: $connections connections against a ${delay_ms} ms delay ($url)"
echo "warm-up: 5s"
"${client[@]}" wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null
curl -s -X POST "$base/stats/reset" >/dev/null
echo "measuring: $duration"
out="$("${client[@]}" wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")"
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
