#!/usr/bin/env bash
# Runs one of the lessons by hand on one or every model (an embedded mock server unless --target):
# the logic is in Java (bench/.../ScenarioMain), this only finds a JDK.
#
#   scripts/scenario.sh fan-out --model vertx
#   scripts/scenario.sh timeout --model virtual-threads+jdk,async+reactor   clients: model+library
#   scripts/scenario.sh all                          every lesson on every model
#   scripts/scenario.sh --help
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/java.sh"
jar="$root/bench/target/bench.jar"
[ -f "$jar" ] || { echo "scenario: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
java_bin="$(require_java_21 scenario)"
exec "$java_bin" -jar "$jar" "$@"
