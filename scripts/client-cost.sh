#!/usr/bin/env bash
# What does each model cost per request, next to wrk on the same work? Starts the mock server,
# warms it, then runs wrk and each model in the same closed loop (same connections, same delay)
# and prints each model's throughput and CPU per request as ratios to wrk's, with the harness's
# own share (the null model's JMH benchmark) beside them.
#
#   scripts/client-cost.sh [--connections 10] [--delay-ms 10] [--warmup 30] [--seconds 20]
#                          [--clients all|thread-pool,virtual-threads+jdk,vertx] [--bare] [--recorded] [--cpus STUB:CLIENT] [--jfr DIR]
#
# --bare adds the models' libraries in bare loops without the harness (Vert.x's core HttpClient and its
# WebClient; Apache HttpClient 5 classic and the JDK's HttpClient, each on platform threads and on
# virtual threads), and a column of
# each model's CPU per request against its library's bare loop. --recorded adds each model recorded as a
# main-job trial records it (interval logs, the stub's /stats, JFR): its CPU gross and less what its idle
# JVM burns ("net"), the figure the main job reports.
# --cpus 0:1 pins the stub to CPU 0 and wrk and the models to CPU 1 (taskset); --jfr DIR records
# a JFR profile of each model's measured stretch. Takes about (warmup + seconds) x (models + 1).
set -euo pipefail

connections=10 delay_ms=10 warmup=30 seconds=20 models="thread-pool,virtual-threads,vertx" cpus="" jfr="" bare="" recorded=""
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --delay-ms) delay_ms="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --models|--clients) models="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    --jfr) jfr="$2"; shift 2 ;;
    --bare|--vertx-clients) bare=1; shift ;;
    --recorded) recorded=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "client-cost: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$connections" "$delay_ms" "$warmup" "$seconds"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "client-cost: '$n' is not a whole number" >&2; exit 2; }
done

root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/java.sh"
. "$root/scripts/lib/stub.sh"
split_cpus client-cost "$cpus"
bench_jar="$root/bench/target/bench.jar" mock_jar="$root/mock-server/target/mock-server.jar"
for jar in "$bench_jar" "$mock_jar"; do
  [ -f "$jar" ] || { echo "client-cost: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
done
java_bin="$(require_java_21 client-cost)"
# every client that runs concurrently: each thread-based model on each library, and the event loop
[ "$models" = all ] && models="$("$java_bin" -cp "$bench_jar" dev.fanoutbench.bench.cost.ClientCostMain --list-clients)"
require_wrk client-cost
[ -n "$jfr" ] && mkdir -p "$jfr"

start_stub "$java_bin" "$mock_jar" "$stub_cpus"
url="$stub_base/api/items/1?delayMs=$delay_ms"
echo "client-cost: stub at $stub_base${cpus:+ (stub on CPU $stub_cpus, clients on ${cpus#*:})}; $connections connections, ${delay_ms} ms delay, ${warmup} s warm-up, ${seconds} s measured"

echo "client-cost: the harness's own cost per request (JMH, about 15 s)"
harness="$("$java_bin" $(jvm_flags "$java_bin") -cp "$bench_jar" dev.fanoutbench.bench.cost.ClientCostMain --harness \
  | awk -F= '/^harness/ {print $2}')"

echo "client-cost: wrk (also warms the stub)"
"${client[@]}" wrk -t2 -c"$connections" -d"${warmup}s" "$url" >/dev/null
wrk_out="$(mktemp)" wrk_time="$(mktemp)"
TIMEFORMAT='%U %S'
{ time "${client[@]}" wrk -t2 -c"$connections" -d"${seconds}s" "$url" >"$wrk_out" 2>/dev/null; } 2>"$wrk_time"
wrk_requests="$(awk '/requests in/ {print $1}' "$wrk_out")"
wrk_seconds="$(awk '/requests in/ {sub(/s,/, "", $4); print $4}' "$wrk_out")"
wrk_line="wrk requests=$wrk_requests failed=0 seconds=$wrk_seconds throughput=$(awk -v r="$wrk_requests" -v s="$wrk_seconds" 'BEGIN {printf "%.1f", r / s}') cpu_us_per_request=$(awk -v r="$wrk_requests" '{printf "%.1f", ($1 + $2) * 1e6 / r}' "$wrk_time")"
rm -f "$wrk_out" "$wrk_time"
echo "  $wrk_line"

lines=("$wrk_line")
IFS=, read -ra model_list <<<"$models"
variants=("")
[ -n "$recorded" ] && variants+=("--recorded")
for model in "${model_list[@]}"; do
  for variant in "${variants[@]}"; do
    echo "client-cost: $model${variant:+ ($variant)}"
    read -r -a flags <<<"$(jvm_flags "$java_bin" | tr '\n' ' ')"
    [ -n "$jfr" ] && [ -z "$variant" ] && flags+=("-XX:StartFlightRecording=delay=${warmup}s,duration=${seconds}s,settings=profile,filename=$jfr/$model.jfr")
    line="$("${client[@]}" "$java_bin" "${flags[@]}" -cp "$bench_jar" dev.fanoutbench.bench.cost.ClientCostMain \
      --target "$stub_base" --model "$model" --connections "$connections" --delay-ms "$delay_ms" \
      --warmup-seconds "$warmup" --seconds "$seconds" $variant | grep 'cpu_us_per_request=')" || true
    [ -n "$line" ] || { echo "client-cost: the $model run failed" >&2; exit 1; }
    echo "  $line"
    lines+=("$line")
  done
done

if [ -n "$bare" ]; then
  echo "client-cost: the models' libraries in bare loops (no harness)"
  read -r -a bare_flags <<<"$(jvm_flags "$java_bin" | tr '\n' ' ')"
  while IFS= read -r line; do
    echo "  $line"
    lines+=("$line")
  done < <("${client[@]}" "$java_bin" "${bare_flags[@]}" -cp "$bench_jar" dev.fanoutbench.bench.cost.BareClientsCost \
    --target "$stub_base" --connections "$connections" --delay-ms "$delay_ms" --warmup-seconds "$warmup" --seconds "$seconds" \
    | grep 'cpu_us_per_request=')
fi

echo
printf '%s\n' "${lines[@]}" | awk -v harness="$harness" '
  function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } }
  {
    name = $1; tput = field("throughput"); cpu = field("cpu_us_per_request")
    if (name == "wrk") { wt = tput; wc = cpu }
    goal = name ~ /^vertx/ ? 2 : 3
    if (name == "wrk") {
      printf "%-31s %10s %8s %12s %8s %14s\n", "client", "req/s", "x wrk", "CPU us/req", "x wrk", "goal"
      printf "%-31s %10.0f %8s %12.1f %8s %14s\n", name, tput, "1.00", cpu, "1.00", ""
    } else {
      met = (tput / wt >= 0.98 && cpu / wc <= goal) ? "met" : "not met"
      printf "%-31s %10.0f %8.2f %12.1f %8.2f %14s\n", name, tput, tput / wt, cpu, cpu / wc, sprintf("<= %dx: %s", goal, met)
      cpus[name] = cpu
      net = field("net_cpu_us_per_request"); if (net != "") { nets[name] = net; idles[name] = field("background_cores") }
    }
  }
  END {
    bare["thread-pool"] = "apache-classic-threads"; bare["virtual-threads"] = "apache-classic-virtual-threads"
    bare["vertx"] = "vertx-core-client"
    bare["thread-pool+jdk"] = "jdk-client-threads"; bare["virtual-threads+jdk"] = "jdk-client-virtual-threads"
    bare["thread-pool+vertx"] = "vertx-core-client"; bare["virtual-threads+vertx"] = "vertx-core-client"
    bare["async+jdk"] = "jdk-client-async"; bare["async+reactor"] = "reactor-netty-async"
    bare["virtual-threads+reactor"] = "reactor-netty-virtual-threads"
    header = 0
    for (model in bare) {
      lib = bare[model]
      if (!(lib in cpus)) continue
      if (!header) { printf "\n%-31s %12s %12s %10s %14s\n", "model against its bare library", "CPU us/req", "bare us/req", "x bare", "idle (cores)"; header = 1 }
      if (model in cpus) printf "%-31s %12.1f %12.1f %10.2f %14s\n", model, cpus[model], cpus[lib], cpus[model] / cpus[lib], ""
      r = model "-recorded"
      if (r in nets) printf "%-31s %12.1f %12.1f %10.2f %14.4f\n", r " (net)", nets[r], cpus[lib], nets[r] / cpus[lib], idles[r]
    }
    if (header) print "target: a model within 1.2x of its bare library; the idle JVM under 0.02 cores"
    printf "\nthe harness'"'"'s own share of every model'"'"'s CPU per request: %.1f us (its accounting without I/O)\n", harness
    print "goals: throughput >= 0.98x wrk'"'"'s; CPU per request <= 2x wrk'"'"'s for vertx, <= 3x for the thread models"
  }'
