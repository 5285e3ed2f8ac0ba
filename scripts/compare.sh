#!/usr/bin/env bash
# Compares benchmark runs; the logic is in Java (reports/.../CompareMain), this only finds a JDK.
#
#   scripts/compare.sh [RUN_A] [RUN_B] [--threshold 10%] [--sla RULES|@FILE]   two runs (default: the two latest)
#   scripts/compare.sh --models RUN                                             the models within one run
#
# Exit 0: no significant regression; 1: a regression beyond the threshold or an SLA breach; 2: bad input.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/reports/target/reports.jar"
[ -f "$jar" ] || { echo "compare: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }

java_21() {
  local candidate version
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    version="$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    [ "${version%%.*}" -ge 21 ] 2>/dev/null && { echo "$candidate"; return 0; }
  done
  return 1
}
java_bin="$(java_21)" || { echo "compare: no Java 21 or newer found (JAVA_HOME, PATH, /usr/lib/jvm)" >&2; exit 2; }
# paths the user gives resolve from where they stand; the defaults (reports/runs, reports/compare) from the checkout
exec "$java_bin" -cp "$jar" dev.fanoutbench.reports.CompareMain --project-dir "$root" "$@"
