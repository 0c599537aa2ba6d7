#!/usr/bin/env bash
# Builds a release of samrad that runs on a Debian or Ubuntu machine without Swift:
#   bash scripts/release.sh
# writes, for the version in Sources/samrad/Version.swift,
#   dist/samrad-<version>-linux-x86_64.tar.gz   samrad and pagefind in one folder
#   dist/samrad_<version>_amd64.deb             /usr/bin/samrad, pagefind in /usr/lib/samrad
#   dist/SHA256SUMS                             (sha256sum -c dist/SHA256SUMS)
#
# samrad is linked with the Swift standard library and Foundation statically
# (--static-swift-stdlib) and with cmark-gfm, jemalloc and zlib from Debian's static
# archives (libcmark-gfm-dev, libjemalloc-dev, zlib1g-dev), so it needs only glibc and
# libstdc++. Pagefind's own
# binary (statically linked, MIT) comes from the pagefind-bin wheel on PyPI and goes beside
# samrad, where samrad looks for it. The same commit gives the same files.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pagefind's wheel, pinned by version and hash (bump both together).
PAGEFIND_VERSION=1.5.2
PAGEFIND_WHEEL_SHA256=92eb3f492fc7dbf0fc68c18c78f8de44ecfb266ba64cb982e3ccc1b4bbd7203e

bash scripts/setup.sh --release   # build prerequisites, dpkg-dev, binutils, .venv (for pip)
for tool in dpkg-deb dpkg-shlibdeps objdump; do
  command -v "$tool" >/dev/null || { echo "release: $tool is missing (apt-get install dpkg-dev binutils)" >&2; exit 1; }
done

version=$(sed -n 's/^ *static let number = "\(.*\)"$/\1/p' Sources/samrad/Version.swift)
[ -n "$version" ] || { echo "release: no version in Sources/samrad/Version.swift" >&2; exit 1; }
commit=$(git rev-parse --short=12 HEAD)
[ -z "$(git status --porcelain --untracked-files=no)" ] || commit="$commit-dirty"
date=$(git log -1 --format=%cs HEAD)
export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct HEAD)
name="samrad-$version-linux-x86_64"
echo "release: samrad $version (commit $commit, $date)" >&2

# The commit goes into the binary through a generated file that only a -DSAMRAD_RELEASE
# build compiles (a development build says it is one; see Version.swift).
stamp=Sources/samrad/ReleaseStamp.generated.swift
cat > "$stamp.tmp" <<EOF
// Written by scripts/release.sh for one release build; not committed.
#if SAMRAD_RELEASE
enum ReleaseStamp {
    static let commit: String? = "$commit"
    static let date = "$date"
}
#endif
EOF
# Rewritten only when it changes, so an unchanged commit does not recompile.
if cmp -s "$stamp.tmp" "$stamp"; then rm "$stamp.tmp"; else mv "$stamp.tmp" "$stamp"; fi
trap 'rm -f "$stamp"' EXIT

# A folder holding only the static archives makes -lcmark-gfm, -lcmark-gfm-extensions,
# -lz and -ljemalloc pick the .a files; the development build keeps the shared libraries.
# The linker takes the first folder that has a library, .so or .a, and Debian's .pc files
# put the system folder first (-L/usr/lib/<multiarch>), so this build reads .pc files of
# its own (PKG_CONFIG_PATH, which SwiftPM honours) that name only the static folder.
scratch=.build-release
static_libs="$PWD/$scratch/static-libs"
mkdir -p "$static_libs/pkgconfig"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
for lib in libcmark-gfm libcmark-gfm-extensions libjemalloc libz; do
  [ -f "/usr/lib/$multiarch/$lib.a" ] || { echo "release: /usr/lib/$multiarch/$lib.a is missing" >&2; exit 1; }
  ln -sf "/usr/lib/$multiarch/$lib.a" "$static_libs/$lib.a"
done
# jemalloc's malloc and free must be the process's, glibc's own calls included (realpath
# returns memory that samrad frees). --static-swift-stdlib links with --exclude-libs ALL,
# which makes every symbol from an archive local, so glibc would keep its own malloc and
# samrad would crash freeing glibc's memory with jemalloc's free. One object file made
# from the archive is not an archive, so its malloc stays global and is exported
# (-export-dynamic); -ljemalloc (Package.swift) then finds an empty archive.
rm -f "$static_libs/libjemalloc.a"
ld -r --whole-archive "/usr/lib/$multiarch/libjemalloc.a" -o "$static_libs/jemalloc.o"
ar rc "$static_libs/libjemalloc.a"
write_pc() {  # name, version, libs
  printf 'Name: %s\nDescription: %s from its static archive (scripts/release.sh)\nVersion: %s\nLibs: -L%s %s\nCflags:\n' \
    "$1" "$1" "$2" "$static_libs" "$3" > "$static_libs/pkgconfig/$1.pc"
}
write_pc libcmark-gfm "$(pkg-config --modversion libcmark-gfm)" "-lcmark-gfm -lcmark-gfm-extensions"
write_pc zlib "$(pkg-config --modversion zlib)" "-lz"

PKG_CONFIG_PATH="$static_libs/pkgconfig" \
  swift build -c release --product samrad --scratch-path "$scratch" --static-swift-stdlib \
  -Xswiftc -DSAMRAD_RELEASE -Xlinker -L"$static_libs" -Xlinker "$static_libs/jemalloc.o"
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)

# Pagefind from its wheel, checked against the pinned hash.
pagefind_cache="${XDG_CACHE_HOME:-$HOME/.cache}/samrad-release"
wheel="$pagefind_cache/pagefind_bin-$PAGEFIND_VERSION-py3-none-manylinux_2_12_x86_64.manylinux2010_x86_64.musllinux_1_1_x86_64.whl"
if [ ! -f "$wheel" ] || ! echo "$PAGEFIND_WHEEL_SHA256  $wheel" | sha256sum -c --quiet - 2>/dev/null; then
  mkdir -p "$pagefind_cache"
  .venv/bin/python -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
    --platform manylinux_2_12_x86_64 --python-version 3.11 -d "$pagefind_cache" "pagefind-bin==$PAGEFIND_VERSION"
fi
echo "$PAGEFIND_WHEEL_SHA256  $wheel" | sha256sum -c --quiet - || { echo "release: $wheel does not have the pinned hash" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -f "$stamp"; rm -rf "$stage"' EXIT
folder="$stage/$name"
mkdir -p "$folder"
cp "$bin/samrad" "$folder/samrad"
strip --strip-unneeded "$folder/samrad"
# Resources SwiftPM keeps beside the executable (a target with `resources:`), if any.
for bundle in "$bin"/*.resources; do
  [ -e "$bundle" ] && cp -R "$bundle" "$folder/"
done
.venv/bin/python - "$wheel" "$folder/pagefind" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, open(sys.argv[2], "wb") as out:
    out.write(wheel.read("pagefind_bin/pagefind"))
EOF
chmod 755 "$folder/samrad" "$folder/pagefind"

# No Swift runtime, no cmark-gfm, jemalloc, zlib or libxml2: only glibc's libraries and
# the C++ runtime, which every Debian and Ubuntu has. An allow-list, so that a new
# dependency stops the release instead of slipping through.
needed=$(objdump -p "$folder/samrad" | awk '/NEEDED/ {print $2}')
extra=$(echo "$needed" | grep -Ev '^(libc|libm|libpthread|libdl|librt|libutil|libstdc\+\+|libgcc_s)\.so\.[0-9]+$|^ld-linux-x86-64\.so\.2$' || true)
if [ -n "$extra" ]; then
  echo "release: samrad needs more than glibc and libstdc++: $(echo $extra)" >&2
  exit 1
fi
# The newest glibc symbol version it calls (hypot is GLIBC_2.35 when linked on bookworm).
glibc=$(objdump -T "$folder/samrad" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
echo "release: samrad needs $(echo $needed); glibc $glibc or newer" >&2
"$folder/samrad" --version | grep -q "samrad $version (commit $commit" || { echo "release: --version does not say $version $commit" >&2; exit 1; }
# (grep -c, not -q: -q would stop reading early and pipefail would count readelf's SIGPIPE.)
[ "$(readelf --dyn-syms "$folder/samrad" | grep -Ec ' GLOBAL +DEFAULT +[0-9]+ malloc$')" = 1 ] \
  || { echo "release: samrad does not export jemalloc's malloc (glibc would use its own)" >&2; exit 1; }
"$folder/pagefind" --version >/dev/null
# A build of a new site, before anything is packed: a crash here is cheaper than in a user's hands.
smoke=$(mktemp -d)
"$folder/samrad" init "$smoke/site" >/dev/null
"$folder/samrad" build --site "$smoke/site" --no-search >/dev/null 2>&1 \
  || { echo "release: samrad build of a new site failed (exit $?)" >&2; rm -rf "$smoke"; exit 1; }
rm -rf "$smoke"

cat > "$folder/README.txt" <<EOF
samrad $version (commit $commit)

samrad builds a knowledge portal from Markdown records of dialogue meetings.
This folder runs as it is on 64-bit Linux with glibc $glibc or newer (Debian 12, Ubuntu
22.04 and later; WSL on Windows too):

  ./samrad init min-portal          a new site with the default templates
  ./samrad build --site min-portal  builds min-portal/public, with search
  ./samrad serve --site min-portal  preview at http://127.0.0.1:8080/

Put the folder anywhere and samrad on your PATH (a symbolic link works). pagefind,
beside samrad, makes the search index.

samrad: copyright the samrad authors; no licence has been chosen yet.
pagefind $PAGEFIND_VERSION (https://pagefind.app): copyright the Pagefind authors,
MIT licence (PAGEFIND-LICENSE.txt).
EOF
cp scripts/release/pagefind-license.txt "$folder/PAGEFIND-LICENSE.txt"

mkdir -p dist
rm -f "dist/$name.tar.gz" "dist/samrad_${version}_amd64.deb" dist/SHA256SUMS
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" \
  | gzip -9n > "dist/$name.tar.gz"

# The Debian package: samrad and pagefind in /usr/lib/samrad, /usr/bin/samrad a link.
deb="$stage/deb"
mkdir -p "$deb/DEBIAN" "$deb/usr/lib/samrad" "$deb/usr/bin" "$deb/usr/share/doc/samrad"
cp "$folder/samrad" "$folder/pagefind" "$deb/usr/lib/samrad/"
for bundle in "$folder"/*.resources; do
  [ -e "$bundle" ] && cp -R "$bundle" "$deb/usr/lib/samrad/"
done
ln -s ../lib/samrad/samrad "$deb/usr/bin/samrad"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: samrad"
  echo
  echo "Files: usr/lib/samrad/samrad"
  echo "Copyright: the samrad authors"
  echo "License: none-chosen"
  echo " No licence has been chosen for samrad yet."
  echo
  echo "Files: usr/lib/samrad/pagefind"
  echo "Copyright: the Pagefind authors (https://github.com/pagefind/pagefind)"
  echo "License: MIT"
  sed 's/^$/./; s/^/ /' scripts/release/pagefind-license.txt
} > "$deb/usr/share/doc/samrad/copyright"

# Depends from the binaries' own needs (dpkg-shlibdeps reads debian/control in the cwd).
mkdir -p "$stage/shlibs/debian"
printf 'Source: samrad\n\nPackage: samrad\nArchitecture: amd64\n' > "$stage/shlibs/debian/control"
depends=$(cd "$stage/shlibs" && dpkg-shlibdeps -O -e"$deb/usr/lib/samrad/samrad" -e"$deb/usr/lib/samrad/pagefind" 2>/dev/null \
  | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "release: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
# Suggests: `samrad import` runs pdftotext (poppler-utils) and pandoc when they are there.
cat > "$deb/DEBIAN/control" <<EOF
Package: samrad
Version: $version
Architecture: amd64
Maintainer: ${SAMRAD_MAINTAINER:-samrad developers <samrad@localhost>}
Installed-Size: $size
Depends: $depends
Suggests: poppler-utils, pandoc
Section: web
Priority: optional
Description: knowledge portals from Markdown records of dialogue meetings
 samrad turns Markdown notes of dialogue meetings into a static, searchable
 portal: meetings, themes, questions, an idea bank and open data. Search is
 indexed by the bundled Pagefind. Built from commit $commit.
EOF
dpkg-deb --root-owner-group -Zxz --build "$deb" "dist/samrad_${version}_amd64.deb" >/dev/null

(cd dist && sha256sum "$name.tar.gz" "samrad_${version}_amd64.deb" > SHA256SUMS)
bytes=$(stat -c %s "dist/$name.tar.gz")
[ "$bytes" -lt $((100 * 1024 * 1024)) ] || { echo "release: the tarball is $bytes bytes, over 100 MB" >&2; exit 1; }
echo "release: Depends: $depends" >&2
echo "release: $(du -h "dist/$name.tar.gz" | cut -f1) dist/$name.tar.gz, $(du -h "dist/samrad_${version}_amd64.deb" | cut -f1) dist/samrad_${version}_amd64.deb" >&2
cat dist/SHA256SUMS
