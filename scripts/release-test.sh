#!/usr/bin/env bash
# Clean-room test of a release: on a minimal Debian bookworm with no Swift (debootstrap
# --variant=minbase), install dist/samrad_<version>_amd64.deb with apt-get, then run
# samrad init, build with search and check there, and the tarball's samrad too.
#   sudo bash scripts/release-test.sh          builds the release first (scripts/release.sh)
#   sudo bash scripts/release-test.sh --no-build   tests what is in dist/
# Needs root (debootstrap, chroot, mount) and Debian's mirror. The bare root is kept as a
# tarball in $SAMRAD_CLEANROOM_CACHE (default /var/cache/samrad-release-test) so that
# later runs skip debootstrap; every run unpacks a fresh copy of it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "release-test: needs root (debootstrap and chroot); run it with sudo" >&2
  exit 1
fi
if [ "${1:-}" != "--no-build" ]; then
  # Under sudo the release is built by the user who asked, so .build-release and dist/
  # stay theirs (setup.sh asks sudo itself for what it installs).
  if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
    sudo -u "$SUDO_USER" -H bash scripts/release.sh
  else
    bash scripts/release.sh
  fi
fi
bash scripts/setup.sh --release   # debootstrap

version=$(sed -n 's/^ *static let number = "\(.*\)"$/\1/p' Sources/samrad/Version.swift)
deb="dist/samrad_${version}_amd64.deb"
tarball="dist/samrad-$version-linux-x86_64.tar.gz"
for f in "$deb" "$tarball" dist/SHA256SUMS; do
  [ -f "$f" ] || { echo "release-test: $f is missing (run scripts/release.sh)" >&2; exit 1; }
done
(cd dist && sha256sum -c --quiet SHA256SUMS)
size=$(stat -c %s "$tarball")
[ "$size" -lt $((100 * 1024 * 1024)) ] || { echo "release-test: $tarball is $size bytes, over 100 MB" >&2; exit 1; }

cache="${SAMRAD_CLEANROOM_CACHE:-/var/cache/samrad-release-test}"
base="$cache/bookworm-minbase.tar"
mirror="${SAMRAD_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$cache"
if [ ! -f "$base" ]; then
  echo "release-test: debootstrap --variant=minbase bookworm (once; kept in $cache)" >&2
  fresh=$(mktemp -d "$cache/debootstrap.XXXXXX")
  debootstrap --variant=minbase bookworm "$fresh" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log" >&2; rm -rf "$fresh"; exit 1; }
  tar -C "$fresh" -cf "$base.tmp" . && mv "$base.tmp" "$base"
  rm -rf "$fresh"
fi

root=$(mktemp -d /var/tmp/samrad-cleanroom.XXXXXX)
cleanup() {
  umount "$root/proc" 2>/dev/null || umount -l "$root/proc" 2>/dev/null || true
  # Never delete through a mount that is still there.
  mountpoint -q "$root/proc" || rm -rf "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$base"
mount -t proc proc "$root/proc"
cp "$deb" "$tarball" "$root/tmp/"

# Everything below runs inside the clean root, with a clean environment.
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
fail() { echo "release-test: FAIL: $*" >&2; exit 1; }

if in_root sh -c 'command -v swift || ls /usr/lib/*/libswiftCore.so /usr/lib/swift 2>/dev/null' | grep -q .; then
  fail "the clean root has Swift in it"
fi

in_root sh -c "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./$(basename "$deb")" >"$root/apt.log" 2>&1 \
  || { cat "$root/apt.log" >&2; fail "apt-get install ./$(basename "$deb")"; }
echo "release-test: installed $(basename "$deb") with apt-get" >&2

libs=$(in_root ldd /usr/bin/samrad)
echo "$libs" | sed 's/^/  ldd: /' >&2
# Only glibc's libraries and the C++ runtime (an allow-list: nothing Swift, no cmark-gfm,
# jemalloc, zlib or libxml2, nothing "not found").
extra=$(echo "$libs" | awk '{print $1}' | grep -Ev '^(libc|libm|libpthread|libdl|librt|libutil|libstdc\+\+|libgcc_s)\.so\.[0-9]+$|^linux-vdso\.so\.1$|^/lib64/ld-linux-x86-64\.so\.2$' || true)
[ -z "$extra" ] || fail "samrad needs more than glibc and libstdc++: $(echo $extra)"
echo "$libs" | grep -q "not found" && fail "ldd: a library is not found"
in_root samrad --version | grep -q "^samrad $version (commit " || fail "samrad --version: $(in_root samrad --version)"

in_root samrad init /tmp/site --lang en | grep -q "created a site" || fail "samrad init"
# --lang en: the summary lines below are read in English (the new site is Swedish).
out=$(in_root samrad build --site /tmp/site --lang en 2>&1) || { echo "$out" >&2; fail "samrad build"; }
echo "  build: $out" >&2
echo "$out" | grep -q "with search" || fail "the build did not make the search index"
echo "$out" | grep -q "warning: Pagefind" && fail "Pagefind beside samrad was not found"
for page in index.html moten/index.html sok/index.html pagefind/pagefind.js pagefind/pagefind-entry.json data/meetings.json; do
  [ -s "$root/tmp/site/public/$page" ] || fail "public/$page is missing"
done
out=$(in_root samrad check --site /tmp/site --lang en 2>&1) || { echo "$out" >&2; fail "samrad check"; }
echo "  check: $out" >&2
echo "$out" | grep -q ": 0 errors" || fail "samrad check: $out"

# The tarball: unpacked anywhere, samrad finds pagefind beside itself.
in_root tar -C /opt -xzf "/tmp/$(basename "$tarball")"
folder="/opt/samrad-$version-linux-x86_64"
out=$(in_root sh -c "cd /tmp && $folder/samrad build --site /tmp/site --output /tmp/public-tar --lang en 2>&1") || { echo "$out" >&2; fail "tarball: samrad build"; }
echo "$out" | grep -q "with search" || fail "tarball: no search index: $out"

echo "release-test: OK: samrad $version from $(basename "$deb") and $(basename "$tarball") ($((size / 1024 / 1024)) MB) on a bare bookworm" >&2
