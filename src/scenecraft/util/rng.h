// A seeded random number generator: every stochastic stage takes one, so runs are reproducible.
#pragma once

#include <cstdint>
#include <random>

namespace scenecraft {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // Uniform in [lo, hi).
  double Uniform(double lo = 0.0, double hi = 1.0) {
    return std::uniform_real_distribution<double>(lo, hi)(engine_);
  }
  // Uniform integer in [lo, hi].
  int UniformInt(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
  double Normal(double mean = 0.0, double stddev = 1.0) {
    return std::normal_distribution<double>(mean, stddev)(engine_);
  }
  std::mt19937_64& engine() { return engine_; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace scenecraft
