#!/usr/bin/env bash
# One workload sent twice at the same stub: from one load generator, then from N processes (each
# with a pod's environment and an address of its own, 127.0.0.2 and up) merged into one trial; each
# window of both printed side by side. The logic is in Java (bench/.../SpreadMain, also
# `bench.jar spread`); this only finds a JDK 21+.
#
#   scripts/spread.sh workloads/spread-constant.yaml [--generators 3] [--model vertx] [--out DIR]
#
# Exit 0 when the merged run's self-checks pass, 1 when one failed, 2 on bad input (one line).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/java.sh"
jar="$root/bench/target/bench.jar"
[ -f "$jar" ] || { echo "spread: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
java_bin="$(require_java_21 spread)"
exec "$java_bin" $(jvm_flags "$java_bin") -cp "$jar" dev.fanoutbench.bench.BenchJarMain spread "$@"
