#!/usr/bin/env bash
# Installs, from the Debian/Ubuntu archive, only the system packages this machine lacks:
#   qt     the libraries Qt needs even headless, and a CJK font so Chinese renders
#   window what a real window needs (xcb) and Xvfb for screenshots
#   postgres  PostgreSQL (and every locale), for the central server's PostgreSQL tests
#   browser   Chromium, for the progress page's browser tests (Playwright drives it; its own
#             `playwright install` cannot download here)
# Usage: scripts/system-deps.sh qt [window] [postgres] [browser]
set -euo pipefail

want=()
need_lib() { ldconfig -p 2>/dev/null | grep -q "$1" || want+=("$2"); }
need_file() { [ -e "$1" ] || want+=("$2"); }

for group in "$@"; do
  case "$group" in
    qt)
      need_lib 'libEGL.so.1' libegl1
      need_lib 'libGL.so.1' libgl1
      need_lib 'libxkbcommon.so.0' libxkbcommon0
      need_lib 'libfontconfig.so.1' libfontconfig1
      need_lib 'libdbus-1.so.3' libdbus-1-3
      need_lib 'libglib-2.0.so.0' libglib2.0-0
      need_file /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
      ;;
    window)
      need_lib 'libxcb-cursor.so.0' libxcb-cursor0
      need_lib 'libxcb-icccm.so.4' libxcb-icccm4
      need_lib 'libxcb-keysyms.so.1' libxcb-keysyms1
      need_lib 'libxkbcommon-x11.so.0' libxkbcommon-x11-0
      need_lib 'libxcb-shape.so.0' libxcb-shape0
      need_lib 'libxcb-randr.so.0' libxcb-randr0
      need_lib 'libxcb-render-util.so.0' libxcb-render-util0
      need_lib 'libxcb-image.so.0' libxcb-image0
      need_file /usr/bin/xvfb-run xvfb
      need_file /usr/bin/xauth xauth
      ;;
    postgres)
      ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql)
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
echo "Installing system packages: ${want[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "Please install as root: apt-get install -y ${want[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
