#!/usr/bin/env bash
# Builds dist/Assessor-<version>.dmg on macOS: Assessor.app from the spec's BUNDLE, then hdiutil.
# Usage (on a Mac with Python 3.11+): installer/macos/build-dmg.sh
# Never tried here: written without a Mac (see docs/installing.md). The .app is ad-hoc signed by
# PyInstaller only; without a Developer ID signature and notarisation Gatekeeper asks the user.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build-dmg: run this on macOS" >&2; exit 1; }
PYTHON=${PYTHON:-python3}
venv=build/venv
[ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet -e ".[freeze]"
export QT_QPA_PLATFORM=offscreen
"$venv/bin/python" -m assessor.ui.translations_build
"$venv/bin/python" installer/render_icons.py resources/icons/assessor.svg build/icons >/dev/null
rm -rf dist/assessor dist/Assessor.app
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    installer/assessor.spec
version=$("$venv/bin/python" -c 'import assessor; print(assessor.__version__)')
app=dist/Assessor.app
[ "$("$app/Contents/MacOS/assessor" --version)" = "assessor $version" ] || { echo "build-dmg: the .app does not start" >&2; exit 1; }
smoke=build/dmg-smoke.db
rm -f "$smoke"
"$app/Contents/MacOS/assessor" db init --db "$smoke" >/dev/null
"$app/Contents/MacOS/assessor" --db "$smoke" --exit-after-startup >/dev/null

stage=build/dmg
rm -rf "$stage" && mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg=dist/Assessor-$version.dmg
hdiutil create -volname "Assessor $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
echo "$dmg ($(du -h "$dmg" | cut -f1))"
