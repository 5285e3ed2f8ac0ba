#!/usr/bin/env bash
# Writes the HTML report of a finished run again (mvn verify -Pbench writes it at the end), and gives
# the run's verdict; the logic is in Java (reports/.../ReportMain), this only finds a JDK.
#
#   scripts/report.sh [RUN] [--sla RULES|@FILE] [--allow-failures]     RUN defaults to reports/runs/latest
#
# Exit 0: passed; 1: a self-check failed; 2: bad input; 99: an SLA rule breached.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/java.sh"
jar="$root/reports/target/reports.jar"
[ -f "$jar" ] || { echo "report: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
java_bin="$(require_java_21 report)"
if [ $# -eq 0 ] || [[ "$1" == -* ]]; then
  set -- "$root/reports/runs/latest" "$@"
fi
exec "$java_bin" -cp "$jar" dev.fanoutbench.reports.ReportMain "$@"
