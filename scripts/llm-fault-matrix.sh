#!/usr/bin/env bash
# Measures the LLM fault matrix of docs/LLM.md: for every fault the replay server can inject, runs
# the real `scenecraft generate --planner llm --critic vlm` (real Blender, Workbench, 160x120, no
# revision rounds) against it and prints one Markdown table row: exit code, which planner and
# critic produced the result, HTTP requests, repair rounds, retries, time spent in LLM calls,
# the whole run's wall time and the message.
#   scripts/llm-fault-matrix.sh [OUT_DIR]      (needs build/scenecraft and build/llm_replay_server)
set -euo pipefail
build=${BUILD_DIR:-build}
out=${1:-out/llm-faults}
prompt="A cozy living room: a grey fabric sofa facing a TV on a low oak TV stand, a walnut coffee table in front of the sofa, a black floor lamp next to the sofa and a tall plant in a corner."
scenarios=(ok malformed_json missing_fields invented_relation invented_relation_always rate_limit
           server_error server_error_always slow slow_always drop garbled_http refusal refusal_text
           hostile no_response_format unauthorized not_found critic_malformed)
mkdir -p "$out"
# Short timeouts so that the slow scenarios (5 s replies) time out.
config="$out/llm.json"
echo '{"request_timeout_s": 2, "connect_timeout_s": 2}' > "$config"

echo "| fault | exit | planner | critic | HTTP requests | repairs | retries | LLM s | wall s | message |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for s in "${scenarios[@]}"; do
  dir="$out/$s"
  rm -rf "$dir" && mkdir -p "$dir"
  "$build/llm_replay_server" --scenario "$s" --slow 5 > "$dir/server.url" &
  server=$!
  for _ in $(seq 100); do [ -s "$dir/server.url" ] && break; sleep 0.05; done
  url=$(head -1 "$dir/server.url")
  start=$(date +%s.%N)
  set +e
  SCENECRAFT_API_KEY=sk-fault-matrix-SECRET XDG_CONFIG_HOME="$dir/none" \
    "$build/scenecraft" generate "$prompt" -o "$dir/run" --planner llm --critic vlm \
    --llm-url "$url" --llm-model replay-model --llm-config "$config" --no-cache --rounds 0 \
    --engine workbench --resolution 160x120 --json > "$dir/summary.json" 2> "$dir/stderr.log"
  code=$?
  set -e
  end=$(date +%s.%N)
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  planner=$(jq -r '.planner' "$dir/summary.json" 2>/dev/null || echo "-")
  critic=vlm
  if jq -e '[.warnings[] | select(test("vlm critic fell back"))] | length > 0' "$dir/summary.json" \
      > /dev/null 2>&1; then critic="geometric (fallback)"; fi
  calls="$dir/run/llm_calls.json"
  requests=$(jq '[.[].attempts] | add' "$calls" 2>/dev/null || echo "-")
  repairs=$(jq '[.[] | select(.purpose | test("repair"))] | length' "$calls" 2>/dev/null || echo "-")
  retries=$(grep -c "; retry [0-9]" "$dir/stderr.log" || true)
  llm_s=$(jq '[.[].wall_s] | add | . * 10 | round / 10' "$calls" 2>/dev/null || echo "-")
  message=$( (jq -r '[.warnings[] | select(test("llm|vlm"))] | first // ""' "$dir/summary.json" \
      2>/dev/null || tail -1 "$dir/stderr.log") | cut -c1-160 | tr '|' '/')
  if [ -z "$message" ]; then
    message=$(grep -m1 -E "retry|rejected response_format|problem" "$dir/stderr.log" \
      | sed 's/^scenecraft: [a-z]*: //' | cut -c1-160 | tr '|' '/' || true)
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s |\n' "$s" "$code" "$planner" \
    "$critic" "$requests" "$repairs" "$retries" "$llm_s" "$(awk "BEGIN {print $end - $start}")" "$message"
done
