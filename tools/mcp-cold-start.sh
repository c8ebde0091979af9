#!/usr/bin/env bash
# Times `./zpa-doctor mcp` from its start to its answer to `initialize`, a new process each run, as a client starts
# it (the README's configuration): issue 17's "server ready in under 1 s cold". Usage: tools/mcp-cold-start.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-7}"
"$here/zpa-doctor" --version >/dev/null   # builds, and records the class-data-sharing archive, before timing
request='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"cold-start","version":"1"}}}'
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  coproc MCP { "$here/zpa-doctor" mcp --no-config 2>/dev/null; }
  printf '%s\n' "$request" >&"${MCP[1]}"
  IFS= read -r answer <&"${MCP[0]}"
  end=$(date +%s%N)
  case "$answer" in *'"serverInfo"'*) ;; *) echo "no initialize answer: $answer" >&2; exit 1 ;; esac
  eval "exec ${MCP[1]}>&-"   # standard input closed: the server exits
  wait "$MCP_PID"
  echo $(( (end - start) / 1000000 ))
done | sort -n | awk '{ms[NR] = $1} END {printf "initialize answered, cold, %d runs: median %d ms, min %d, max %d\n", NR, ms[int((NR + 1) / 2)], ms[1], ms[NR]}'
