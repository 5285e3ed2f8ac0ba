#!/usr/bin/env bash
# Compares benchmark runs; the logic is in Java (reports/.../CompareMain), this only finds a JDK.
#
#   scripts/compare.sh [RUN_A] [RUN_B] [--threshold 5%] [--sla RULES|@FILE]   two runs (default: the two latest)
#   scripts/compare.sh --models RUN                                            the models within one run
#
# Exit 0: no significant regression; 1: B's own self-checks failed; 2: bad input; 3: a regression
# (or a trial missing in B, or new failures); 99: an SLA rule breached (docs/reports.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/java.sh"
jar="$root/reports/target/reports.jar"
[ -f "$jar" ] || { echo "compare: $jar is missing: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
java_bin="$(require_java_21 compare)"
# paths the user gives resolve from where they stand; the defaults (reports/runs, reports/compare) from the checkout
exec "$java_bin" -cp "$jar" dev.fanoutbench.reports.CompareMain --project-dir "$root" "$@"
