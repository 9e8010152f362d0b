# Sourced by the scripts/fuzz-*.sh scripts: one way to build a libFuzzer target and one way to
# run it and report a finding.

# fuzz_build TARGET: builds TARGET with clang (address and undefined-behaviour sanitizers) in
# build-fuzz/. Configured every time (cheap once done): a configure that failed earlier leaves a
# cache behind. Every library gets libFuzzer's coverage instrumentation (fuzzer-no-link): without
# it only the fuzz target's own file is instrumented and libFuzzer mutates blind, never seeing
# which branches of the reader an input reached.
fuzz_build() {
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  CC=clang CXX=clang++ cmake -S . -B build-fuzz "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSCENECRAFT_BUILD_FUZZERS=ON -DSCENECRAFT_BUILD_TESTS=OFF -DSCENECRAFT_BUILD_BENCHMARKS=OFF \
    -DCMAKE_C_FLAGS="-fsanitize=address,undefined,fuzzer-no-link" \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined,fuzzer-no-link" >/dev/null
  cmake --build build-fuzz -j "$(nproc)" --target "$1"
}

# fuzz_run NAME LOG FUZZER [ARGS...]: runs the fuzzer with the bounded settings every fuzz run
# shares, its whole output in LOG. On a finding it shows the report (the sanitizer's, or the
# target's own words before a trap, which libFuzzer calls a deadly signal) and returns 1.
fuzz_run() {
  local name="$1" log="$2"
  shift 2
  if ! "$@" -artifact_prefix=build-fuzz/ -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    echo "$name: finding; report follows (full log: $log)" >&2
    # The last progress line ends where the finding's report begins.
    awk '/^#[0-9]+\t/ { start = NR } { line[NR] = $0 } END { for (i = start + 1; i <= NR; ++i) print line[i] }' \
      "$log" | head -n 120 >&2
    return 1
  fi
  tail -n 8 "$log"
}
