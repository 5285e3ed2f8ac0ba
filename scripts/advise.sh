#!/usr/bin/env bash
# What to run at a rate, from a workload run's own data: which clients carry it within the SLO, set
# how, on how many cores (and which cannot, and why); or each client's knee predicted under other
# resources. The logic is in Java (reports/.../capacity/AdviseMain, also `bench.jar advise`); this
# only finds a JDK.
#
#   scripts/advise.sh [RUN] --rate R [--cores K] [--slo p99=250ms] [--headroom 25%]
#   scripts/advise.sh [RUN] --predict pool=50,cores=1,service=200ms,stub=apart
#
# RUN defaults to reports/runs/latest. Exit 0, or 2 on bad input (one line).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/java.sh"
jar="$root/reports/target/reports.jar"
[ -f "$jar" ] || { echo "advise: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
java_bin="$(require_java_21 advise)"
if [ $# -eq 0 ] || [[ "$1" == -* ]]; then
  set -- "$root/reports/runs/latest" "$@"
fi
exec "$java_bin" -cp "$jar" dev.fanoutbench.reports.capacity.AdviseMain "$@"
