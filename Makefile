# Thin wrapper over CMake: the two Quick start commands and a few helpers.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: run test build deps configure clean bench translations

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

clean:
	rm -rf $(BUILD_DIR)
