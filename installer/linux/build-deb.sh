#!/usr/bin/env bash
# Packs the PyInstaller bundle into a .deb: /opt/assessor, /usr/bin/assessor, menu entry, icons.
# Usage: installer/linux/build-deb.sh [BUNDLE_DIR] [OUT_DIR]
#   BUNDLE_DIR defaults to dist/assessor, OUT_DIR to dist. PYTHON (with PySide6) renders the icons.
# scripts/build-installer runs this after PyInstaller; it needs dpkg-deb, readelf and dpkg -S.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bundle=$(cd "${1:-$root/dist/assessor}" && pwd)
out=${2:-$root/dist}
python=${PYTHON:-python3}
app_id=se.assessor.Assessor
stage=$root/build/deb
pkg=$stage/root

[ -x "$bundle/assessor" ] || { echo "build-deb: no bundle in $bundle (run PyInstaller first)" >&2; exit 1; }
for f in "$root/resources/desktop/$app_id.desktop" "$root/resources/desktop/$app_id.metainfo.xml" \
         "$root/resources/icons/assessor.svg"; do
    [ -f "$f" ] || { echo "build-deb: missing $f" >&2; exit 1; }
done

# The version the bundle reports is the one in the package (assessor.__version__).
version=$("$bundle/assessor" --version | awk '{print $2}')
deb_version=$(echo "$version" | sed -E 's/(a|b|rc|\.dev)([0-9]+)$/~\1\2/')
arch=$(dpkg --print-architecture)

rm -rf "$stage"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
         "$pkg/usr/share/metainfo" "$pkg/usr/share/doc/assessor"
cp -a "$bundle" "$pkg/opt/assessor"
ln -s /opt/assessor/assessor "$pkg/usr/bin/assessor"
install -m 644 "$root/resources/desktop/$app_id.desktop" "$pkg/usr/share/applications/"
install -m 644 "$root/resources/desktop/$app_id.metainfo.xml" "$pkg/usr/share/metainfo/"

icons=$stage/icons
"$python" "$root/installer/render_icons.py" "$root/resources/icons/assessor.svg" "$icons" >/dev/null
for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "$icons/$size.png" "$pkg/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -D -m 644 "$root/resources/icons/assessor.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/$app_id.svg"

cat > "$pkg/usr/share/doc/assessor/copyright" <<'TXT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: assessor

Files: *
Copyright: The Assessor developers
License: MIT

Files: opt/assessor/_internal/*
Comment: Python, Qt for Python (PySide6, LGPL-3.0), SQLAlchemy, Alembic, ReportLab, pikepdf and
 other libraries bundled by PyInstaller, each under its own licence; the fonts' licences are in
 opt/assessor/_internal/resources/fonts/.
TXT

# Shared libraries the bundle links to but does not carry (libc, GL, Wayland...): Depends.
# Each is mapped to the installed package that owns it; glibc gets the build machine's version.
needed=$(find "$pkg/opt/assessor" -type f \( -name '*.so*' -o -name assessor \) -print0 \
    | xargs -0 readelf -d 2>/dev/null | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | sort -u)
carried=$(find "$pkg/opt/assessor" -name '*.so*' -printf '%f\n' | sort -u)
depends=()
for soname in $(comm -23 <(echo "$needed") <(echo "$carried")); do
    owner=$(dpkg -S "*/$soname" 2>/dev/null | head -n1 | cut -d: -f1) || true
    if [ -z "$owner" ]; then
        # Not installed here: Debian's naming rule (libfoo-bar.so.3 -> libfoo-bar3, libfoo2.so.1 -> libfoo2-1).
        owner=$(echo "$soname" | tr '[:upper:]' '[:lower:]' | sed -E 's/\.so\.([0-9]+).*$/:\1/; s/([0-9]):/\1-/; s/://')
        echo "build-deb: $soname is not installed here; assuming package $owner" >&2
    fi
    depends+=("$owner")
done
glibc=$(dpkg-query -W -f='${Version}' libc6 | sed 's/-.*//')
depends_line=$(printf '%s\n' "${depends[@]}" | sort -u | sed "s/^libc6\$/libc6 (>= $glibc)/" | paste -sd, - | sed 's/,/, /g')

chmod -R u=rwX,go=rX "$pkg"
cat > "$pkg/DEBIAN/control" <<TXT
Package: assessor
Version: $deb_version
Architecture: $arch
Maintainer: The Assessor developers <assessor@invalid.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
Depends: $depends_line
Section: misc
Priority: optional
Description: assess government agencies' digital maturity, offline
 Assessor records meetings with agencies, scores them against a maturity
 checklist, keeps findings and reusable recommendations and writes PDF
 reports. Advisors keep their databases in step by exchanging one file.
 Self-contained: Python, Qt and every library are bundled under /opt/assessor.
TXT

cat > "$pkg/DEBIAN/postinst" <<'TXT'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
    fi
fi
exit 0
TXT
cat > "$pkg/DEBIAN/postrm" <<'TXT'
#!/bin/sh
set -e
case "$1" in
    remove|purge)
        # Files the program may have written beside itself (none expected); the user's data
        # lives in their home folder and is left alone.
        rm -rf /opt/assessor
        if command -v update-desktop-database >/dev/null 2>&1; then
            update-desktop-database -q /usr/share/applications || true
        fi
        if command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
        fi
        ;;
esac
exit 0
TXT
chmod 755 "$pkg/DEBIAN/postinst" "$pkg/DEBIAN/postrm"
# Checksums for `dpkg --verify`.
(cd "$pkg" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | LC_ALL=C sort -z \
    | xargs -0 md5sum > DEBIAN/md5sums)
chmod 644 "$pkg/DEBIAN/md5sums"

mkdir -p "$out"
deb=$out/assessor_${deb_version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "$deb"
