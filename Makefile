# Thin wrapper over CMake: the two Quick start commands and a few helpers.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
PACKAGE_DIR ?= build-package
PACKAGE_CMAKE_FLAGS ?=

.PHONY: run test build deps configure clean bench package translations lint format format-check sanitize sanitize-configure fuzz

deps:
	@scripts/install-deps.sh

configure: deps
	@test -f $(BUILD_DIR)/build.ninja || cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/app/halfopen

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS) --timeout 300

# Refresh resources/translations/*.ts from the sources (lupdate); then translate what is unfinished.
translations: configure
	cmake --build $(BUILD_DIR) --target update_translations

bench: build
	tests/bench/run-all.sh $(BUILD_DIR)

# The Debian package, from a build of its own (optimised, no tests; cpack strips the binaries).
# Configured every time, so the version (from git) is the current commit's.
package: deps
	cmake -S . -B $(PACKAGE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALFOPEN_BUILD_TESTS=OFF $(PACKAGE_CMAKE_FLAGS)
	cmake --build $(PACKAGE_DIR) -j $(JOBS)
	rm -f $(PACKAGE_DIR)/halfopen_*.deb
	cd $(PACKAGE_DIR) && cpack -G DEB
	@echo "Package: $$(ls $(CURDIR)/$(PACKAGE_DIR)/halfopen_*.deb)"
	@echo "Install it with: sudo apt install $$(ls $(CURDIR)/$(PACKAGE_DIR)/halfopen_*.deb)"

# clang-tidy with the project's .clang-tidy over every source of ours (not generated ones).
lint: configure
	run-clang-tidy -quiet -p $(BUILD_DIR) -j $(JOBS) '^$(CURDIR)/(app|core|lab|realnet|models|control|ui|audit|hostfault|exporter)/.*\.cpp$$'

# clang-format: apply to the tree, or check it (CI).
format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i
format-check:
	git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

# AddressSanitizer + UBSan, built with clang in a directory of its own that also holds the
# libFuzzer targets (tests/fuzz). `make sanitize` runs the unit, lab and scenario tests there (not
# the package and benchmark ones); `make fuzz` runs each fuzzer for FUZZ_SECONDS from its corpus.
# Known leaks of the system libraries Qt loads are listed in tests/lsan.supp.
SANITIZE_DIR ?= build-sanitize
SANITIZE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALFOPEN_SANITIZE=ON -DHALFOPEN_FUZZ=ON -DHALFOPEN_WERROR=ON
FUZZ_SECONDS ?= 60
sanitize-configure: deps
	@test -f $(SANITIZE_DIR)/build.ninja || CC=clang CXX=clang++ cmake -S . -B $(SANITIZE_DIR) -G Ninja $(SANITIZE_FLAGS)

sanitize: sanitize-configure
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS) --timeout 600 -LE 'package|bench'

fuzz: sanitize-configure
	scripts/run-fuzzers.sh $(FUZZ_SECONDS) $(SANITIZE_DIR)

clean:
	rm -rf $(BUILD_DIR) $(PACKAGE_DIR) $(SANITIZE_DIR)
