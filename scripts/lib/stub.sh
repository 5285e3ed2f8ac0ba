# Sourced by the scripts here: starts the standalone mock server in the background and stops it on exit.

# start_stub JAVA JAR [CPU_LIST] [server flags...]: sets stub_pid and stub_base (http://127.0.0.1:PORT),
# or exits 2 with the server's own words. CPU_LIST ("" for none) pins it with taskset.
start_stub() {
  local java_bin="$1" jar="$2" cpus="$3"
  shift 3
  stub_log="$(mktemp)"
  local prefix=()
  [ -n "$cpus" ] && prefix=(taskset -c "$cpus")
  "${prefix[@]}" "$java_bin" -jar "$jar" --port 0 --parent-pid $$ "$@" >"$stub_log" 2>&1 &
  stub_pid=$!
  trap stop_stub EXIT
  for _ in $(seq 150); do
    grep -q "listening on" "$stub_log" && break
    kill -0 "$stub_pid" 2>/dev/null || { echo "the mock server did not start:" >&2; cat "$stub_log" >&2; exit 2; }
    sleep 0.1
  done
  stub_base="$(grep -o 'http://[0-9.:]*' "$stub_log" | head -1)"
  [ -n "$stub_base" ] || { echo "the mock server did not start within 15 s:" >&2; cat "$stub_log" >&2; exit 2; }
}

# split_cpus SCRIPT STUB:CLIENT: sets stub_cpus (for start_stub) and client (a taskset prefix, or
# nothing) from --cpus, or exits 2 naming the value. An empty value shares every CPU.
split_cpus() {
  stub_cpus="" client=()
  [ -n "$2" ] || return 0
  [[ "$2" =~ ^[0-9,-]+:[0-9,-]+$ ]] || { echo "$1: --cpus wants STUB:CLIENT CPU lists, e.g. 0:1, got '$2'" >&2; exit 2; }
  stub_cpus="${2%%:*}" client=(taskset -c "${2#*:}")
}

stop_stub() {
  # the stub ends on our SIGTERM (143): that is success here, and under set -e it would be the script's exit code
  if [ -n "${stub_pid:-}" ] && kill "$stub_pid" 2>/dev/null; then
    wait "$stub_pid" 2>/dev/null || true
  fi
  [ -n "${stub_log:-}" ] && rm -f "$stub_log"
  stub_pid=""
  return 0
}

# require_wrk SCRIPT: installs wrk with apt-get if it is missing (as CI would), or exits 2
require_wrk() {
  command -v wrk >/dev/null && return 0
  echo "$1: installing wrk" >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null 2>&1 \
    || { echo "$1: wrk is missing and could not be installed (apt-get install wrk)" >&2; exit 2; }
}
