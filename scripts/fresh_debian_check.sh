#!/usr/bin/env bash
# The README's two commands on a fresh Debian 12: a minimal bookworm (debootstrap
# --variant=minbase: the base system and apt, no compiler, no git), a clone of this checkout in
# it, then `bash scripts/main.sh` and `bash scripts/test.sh` inside a chroot, each timed. What it
# proves: no package the commands need hides on the developer's machine, and how long a first run
# takes where nothing is installed (issue 25 goal 5: the main command in under 4 minutes,
# setup included). Needs root, debootstrap and Debian's mirror (or DEBIAN_MIRROR).
#
# Usage: sudo bash scripts/fresh_debian_check.sh [WORK_DIR] [--main-only]
#   WORK_DIR     where the fresh system goes (default: a new folder under /var/tmp); removed at
#                the end unless CAMPSIM_KEEP_FRESH=1
#   --main-only  run the main command only (about 3 minutes on 2 cores, against 10 or more)
# Prints each command's screen and a last line "fresh Debian 12: main N s (exit E), test N s (exit E)".
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
work=""
main_only=0
for arg in "$@"; do
  case $arg in
    --main-only) main_only=1 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) work=$arg ;;
  esac
done
[[ $(id -u) -eq 0 ]] || { echo "fresh_debian_check: needs root (debootstrap, chroot, mounts)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "fresh_debian_check: needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
[[ -n $work ]] || work=$(mktemp -d /var/tmp/campsim-fresh-debian.XXXXXX)
root=$work/root
mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true; done
  if [[ ${CAMPSIM_KEEP_FRESH:-0} != 1 ]]; then rm -rf --one-file-system "$work"; else echo "kept: $root"; fi
}
trap cleanup EXIT

echo "fresh Debian 12: debootstrap --variant=minbase bookworm into $root"
mkdir -p "$root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -n 20 "$work/debootstrap.log"; exit 1; }
for m in proc sys dev dev/pts; do
  mount --bind "/$m" "$root/$m"
  mounted+=("$root/$m")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The checkout as committed (a clone: what a user would have), not the working tree's edits.
git clone -q "$source_dir" "$root/root/campsim"

# Runs one README command in the fresh system with a clean environment, its screen on ours;
# leaves "N s (exit E)" in $result.
timed_in_chroot() {
  local command=$1 start=$SECONDS status=0
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb /bin/bash -c "cd /root/campsim && $command" || status=$?
  result="$((SECONDS - start)) s (exit $status)"
}
echo "== bash scripts/main.sh"
timed_in_chroot "bash scripts/main.sh"
main=$result
test_result="not run (--main-only)"
if ((main_only == 0)); then
  echo "== bash scripts/test.sh (its output: $root/root/campsim/out/test.log; its last lines here)"
  timed_in_chroot "bash scripts/test.sh >out/test.log 2>&1; status=\$?; tail -n 12 out/test.log; exit \$status"
  test_result=$result
fi
echo "fresh Debian 12: main $main, test $test_result"
