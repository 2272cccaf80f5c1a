#!/usr/bin/env bash
# Installs the Debian 12 packages campsim needs, and only those that are missing.
# Runs as root, or through sudo when not root. Safe to run again: it does nothing when all are present.
#   bash scripts/setup.sh        everything: the build, the tests, the viewer, and CI's checks
#   bash scripts/setup.sh main   what the main job (scripts/main.sh) needs: all but CI's own tools
#                                (clang for the fuzzers, clang-tidy and ctags for the code-size
#                                check): 44-52 s on a fresh Debian 12 instead of 72 s
#                                (docs/performance.md, session 20)
#   add --list to print the group's packages instead of installing them
set -euo pipefail

# Everything the `release` preset configures with (its tests and the viewer included, so that a
# later `scripts/test.sh` in the same build folder finds what the main job's configure found).
PACKAGES=(
  build-essential cmake ninja-build git          # compiler and build
  libboost-program-options-dev libboost-math-dev # CLI parsing; distributions and intervals
  libboost-mpi-dev openmpi-bin libopenmpi-dev    # multi-machine batches
  libyaml-cpp-dev libtbb-dev librandom123-dev    # scenarios; parallel phases; counter-based RNG
  libsleef-dev                                   # the same exp, log, sin... bits on every CPU
  libfmt-dev nlohmann-json3-dev catch2           # formatting; JSON outputs; tests
  libsfml-dev xvfb xauth fonts-dejavu-core libgl1-mesa-dri  # the viewer and its headless tests
  gnuplot-nox                                    # report plots
)
# CI's own checks, after the test suite (.ci/run).
CI_TOOLS=(
  clang-14 libclang-rt-14-dev                    # libFuzzer targets (scripts/fuzz.sh)
  clang-tidy universal-ctags                     # code-size check (scripts/code_size.sh)
)
group=all
list=0
for arg in "$@"; do
  case $arg in
    all | main) group=$arg ;;
    --list) list=1 ;;  # print the group's packages, one a line, and install nothing
    *) echo "setup: unknown argument '$arg' (expected: main or all, and --list)" >&2; exit 2 ;;
  esac
done
[[ $group == main ]] || PACKAGES+=("${CI_TOOLS[@]}")
if ((list)); then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

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
