# Thin wrapper over CMake. `make run` and `make test` are the two commands in README.md.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)

.PHONY: deps test-deps build run test test-asan bench golden clean fuzz rule-docs package

deps:
	sh .ci/deps.sh build

test-deps:
	sh .ci/deps.sh test

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

# Builds only the tally program (not the test suite), then checks the example reports (they contain
# deliberate contradictions, so a non-zero exit here is expected and not an error of `make`).
run: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS) --target tally
	-$(BUILD)/tally check examples/

test: test-deps build
	cd $(BUILD) && ctest --output-on-failure

# The same suite in a Debug build with AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: test-deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTALLY_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure

bench: build
	python3 bench/run.py $(BUILD)

# Regenerates examples/*.expected.json after a deliberate change (review the diff!).
golden: build
	sh tests/cli/regen_golden.sh $(BUILD)/tally

# Rewrites docs/rules/ (one page per rule) after a pack changed; tests/cli/test_rule_docs.sh checks it.
rule-docs: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS) --target tally
	bash tests/cli/rule_docs.sh $(BUILD)/tally docs/rules

# The Debian package, $(BUILD)/tally_<version>_<arch>.deb (install with apt-get install ./FILE.deb).
package: build
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

# libFuzzer targets under clang with ASan/UBSan; each runs FUZZ_SECONDS on a
# corpus seeded from examples/ (kept in build-fuzz/corpus, not in the tree).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = check pack expr lsp docx pdf
fuzz:
	sh .ci/deps.sh fuzz
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTALLY_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) $(addprefix --target fuzz_,$(FUZZ_TARGETS))
	sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
