#!/usr/bin/env bash
# Runs a workload file on each of its models and writes a run folder and its report, as
# `mvn verify -Pbench -Dbench.workload=FILE` does, without Maven: the logic is in Java
# (bench/.../WorkloadMain, `java -jar bench/target/bench.jar run`), this only finds a JDK 21+.
#
#   scripts/workload.sh workloads/knee.yaml [--model vertx] [--target URL [--allow-remote]] [--cpus 0:1]
#   scripts/workload.sh --with my-client.jar workloads/knee.yaml --model virtual-threads+NAME
#   scripts/workload.sh --help
#
# --with JAR (repeatable) puts a client library of your own on the harness's classpath, and so on
# every trial's (docs/models.md#your-own-client); `java -jar` would ignore any other classpath.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/java.sh"
jar="$root/bench/target/bench.jar"
[ -f "$jar" ] || { echo "workload: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
classpath="$jar"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --with)
      [ $# -ge 2 ] && [ -f "$2" ] || { echo "workload: --with needs a jar that exists: '${2:-}'" >&2; exit 2; }
      classpath="$classpath:$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
      shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
java_bin="$(require_java_21 workload)"
# Launch, the jar's main class, hands over to the harness as `java -jar` would
exec "$java_bin" $(jvm_flags "$java_bin") -cp "$classpath" dev.fanoutbench.results.Launch run ${args[@]+"${args[@]}"}
