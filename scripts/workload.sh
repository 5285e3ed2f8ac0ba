#!/usr/bin/env bash
# Runs a workload file on each of its models and writes a run folder and its report, as
# `mvn verify -Pbench -Dbench.workload=FILE` does, without Maven: the logic is in Java
# (bench/.../WorkloadMain, `java -jar bench/target/bench.jar run`), this only finds a JDK 21+.
#
#   scripts/workload.sh workloads/knee.yaml [--model vertx] [--target URL [--allow-remote]] [--cpus 0:1]
#   scripts/workload.sh --help
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/java.sh"
jar="$root/bench/target/bench.jar"
[ -f "$jar" ] || { echo "workload: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
java_bin="$(require_java_21 workload)"
exec "$java_bin" $(jvm_flags "$java_bin") -jar "$jar" run "$@"
