# tests/bench/bench.mk: benchmarks beside `make bench` (included by the Makefile).
#   make bench-scale   the catalogue's times on the demo data and again with
#                      100,000 services, 10,000 NGOs and 1,000,000 ratings
#                      loaded, each page within 2 x its demo time
#                      (tests/bench/bench-scale.sh; settings BENCH_SCALE_*,
#                      results in var/bench-scale/results.md)
.PHONY: bench-scale
bench-scale: deps build
	@tests/bench/bench-scale.sh $(BUILD)
