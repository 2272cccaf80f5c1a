#!/usr/bin/env bash
# Installs the Debian 12 packages campsim needs, and only those that are missing.
# Runs as root, or through sudo when not root. Safe to run again: it does nothing when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build git          # compiler and build
  libboost-program-options-dev libboost-math-dev # CLI parsing; distributions and intervals
  libboost-mpi-dev openmpi-bin libopenmpi-dev    # multi-machine batches
  libyaml-cpp-dev libtbb-dev librandom123-dev    # scenarios; parallel phases; counter-based RNG
  libfmt-dev nlohmann-json3-dev catch2           # formatting; JSON outputs; tests
  libsfml-dev xvfb xauth fonts-dejavu-core libgl1-mesa-dri  # the viewer and its headless tests
  gnuplot-nox                                    # report plots
  clang-14 libclang-rt-14-dev                    # libFuzzer targets (scripts/fuzz.sh)
  clang-tidy universal-ctags                     # code-size check (scripts/code_size.sh)
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
