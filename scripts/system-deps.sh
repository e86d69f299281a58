#!/usr/bin/env bash
# Installs, from the Debian/Ubuntu archive, only the system packages this machine lacks:
#   qt        the libraries Qt needs even headless, and a CJK font so Chinese renders
#   window    what a real window needs (xcb) and Xvfb for screenshots
#   postgres  PostgreSQL (and every locale), for the central server's PostgreSQL tests
#   browser   Chromium, for the progress page's browser tests (Playwright drives it; its own
#             `playwright install` cannot download here)
# Usage: scripts/system-deps.sh qt [window] [postgres] [browser]
#
# Silent, and never runs the package manager (nor sudo, which would ask a worker without root
# for a password at launch) when nothing is missing. The checks are exact: the library cache is
# read once into a variable and looked up there (piping `ldconfig -p` into `grep -q` under
# pipefail failed at random when grep exited early and ldconfig got SIGPIPE, and reinstalled
# what was there). An install waits for another one's lock instead of failing.
#
# To add a group: a new `name)` branch below with `need_lib SONAME package` for a shared
# library, `need_file PATH package` for anything else, `need_glob 'PATTERN' package` for a
# versioned path. SYSTEM_DEPS_ROOT (tests only) is put before every checked path.
set -euo pipefail

root="${SYSTEM_DEPS_ROOT:-}"
lock_wait="${SYSTEM_DEPS_LOCK_TIMEOUT:-600}"  # seconds to wait for another apt/dpkg run
want=()
library_cache=""
cache_read=false

read_library_cache() {
  if [ "$cache_read" = false ]; then
    local tool
    tool="$(command -v ldconfig || true)"
    [ -n "$tool" ] || tool=/sbin/ldconfig
    library_cache="$("$tool" -p 2>/dev/null || true)"
    cache_read=true
  fi
}

# need_lib SONAME PACKAGE: the exact soname must be in the cache ("\tlibEGL.so.1 (libc6…").
need_lib() {
  read_library_cache
  case $'\n'"$library_cache" in
    *$'\n'[[:space:]]"$1 ("*) ;;
    *) want+=("$2") ;;
  esac
}
need_file() { [ -e "$root$1" ] || want+=("$2"); }
need_glob() {
  local found
  found="$(compgen -G "$root$1" || true)"
  [ -n "$found" ] || want+=("$2")
}

for group in "$@"; do
  case "$group" in
    qt)
      need_lib libEGL.so.1 libegl1
      need_lib libGL.so.1 libgl1
      need_lib libxkbcommon.so.0 libxkbcommon0
      need_lib libfontconfig.so.1 libfontconfig1
      need_lib libdbus-1.so.3 libdbus-1-3
      need_lib libglib-2.0.so.0 libglib2.0-0
      need_file /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
      ;;
    window)
      need_lib libxcb-cursor.so.0 libxcb-cursor0
      need_lib libxcb-icccm.so.4 libxcb-icccm4
      need_lib libxcb-keysyms.so.1 libxcb-keysyms1
      need_lib libxkbcommon-x11.so.0 libxkbcommon-x11-0
      need_lib libxcb-shape.so.0 libxcb-shape0
      need_lib libxcb-randr.so.0 libxcb-randr0
      need_lib libxcb-render-util.so.0 libxcb-render-util0
      need_lib libxcb-image.so.0 libxcb-image0
      need_file /usr/bin/xvfb-run xvfb
      need_file /usr/bin/xauth xauth
      ;;
    postgres)
      need_glob '/usr/lib/postgresql/*/bin/initdb' postgresql
      # zh_CN.UTF-8 and en_US.UTF-8 databases for the collation test (tests/sync/test_collation.py)
      need_file /usr/share/doc/locales-all locales-all
      ;;
    browser)
      need_file /usr/bin/chromium chromium
      need_file /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
      ;;
    *) echo "unknown group: $group" >&2; exit 2 ;;
  esac
done

[ ${#want[@]} -eq 0 ] && exit 0
# One package may be wanted by two checks: name it once.
mapfile -t want < <(printf '%s\n' "${want[@]}" | awk '!seen[$0]++')
echo "Installing system packages: ${want[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "Please install as root: apt-get install -y ${want[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt=(apt-get -o "DPkg::Lock::Timeout=$lock_wait")
$sudo "${apt[@]}" update -qq
$sudo "${apt[@]}" install -y -qq --no-install-recommends "${want[@]}" >/dev/null
