# Sourced by the benchmark scripts that need a Metabase simulator (not run on its own).
#
# start_simulator ARGS...: starts bin/metabase-sim with ARGS on a free loopback port, answering the API key in $key,
# with its output in $work; sets $port and $sim; on exit stops it and removes $work; returns once it answers (or
# after 60 s, when the next request shows the problem).
start_simulator() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$root/bin/metabase-sim" "$@" --port "$port" --api-key "$key" > "$work/sim.out" 2> "$work/sim.err" &
  sim=$!
  trap 'kill $sim 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
}
