#!/usr/bin/env bash
# Vendor the run-time front-end files into static/vendor/, and axe-core (only
# for the browser tests, never served by the app) into tests/browser/vendor/.
#
# Versions are pinned exactly in frontend/package.json and locked (with
# integrity hashes) in frontend/package-lock.json; `npm ci` installs exactly
# that tree, so running this script twice gives byte-identical output.
#
# Usage (from anywhere):   bash frontend/vendor.sh
# To update a package:     edit the exact version in frontend/package.json,
#                          run `npm install --ignore-scripts` in frontend/,
#                          then run this script and update static/vendor/README.md.
set -euo pipefail

FRONTEND_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "${FRONTEND_DIR}/.." && pwd)"
VENDOR_DIR="${REPO_DIR}/static/vendor"
TEST_VENDOR_DIR="${REPO_DIR}/tests/browser/vendor"
NM="${FRONTEND_DIR}/node_modules"

cd "${FRONTEND_DIR}"
# --ignore-scripts: nothing here needs install scripts; don't run any.
npm ci --ignore-scripts --no-audit --no-fund

# Proprietary brand assets must never end up in this project.
for forbidden in "@utrecht/design-tokens" "@rijkshuisstijl-community/design-tokens"; do
  if [[ -e "${NM}/${forbidden}" ]]; then
    echo "ERROR: ${forbidden} is installed; it holds proprietary brand assets and must not be vendored." >&2
    exit 1
  fi
done

pkg_version() {
  node -p "require('${NM}/$1/package.json').version"
}

pkg_license() {
  node -p "require('${NM}/$1/package.json').license"
}

# vendor_pkg <npm-name> <short-name> <file-in-package>...
# Copies each file (flattened to its basename) into $DEST/<short-name>/ (default
# static/vendor/) and writes a VERSION file ("<npm-name>@<version> (<licence>)").
vendor_pkg() {
  local pkg="$1" short="$2"
  shift 2
  local dest="${DEST:-${VENDOR_DIR}}/${short}"
  rm -rf "${dest}"
  mkdir -p "${dest}"
  local f
  for f in "$@"; do
    if [[ ! -f "${NM}/${pkg}/${f}" ]]; then
      echo "ERROR: ${pkg}: expected file ${f} not found" >&2
      exit 1
    fi
    cp "${NM}/${pkg}/${f}" "${dest}/$(basename "${f}")"
  done
  printf '%s@%s (%s)\n' "${pkg}" "$(pkg_version "${pkg}")" "$(pkg_license "${pkg}")" > "${dest}/VERSION"
}

mkdir -p "${VENDOR_DIR}"

# NL Design System: Utrecht component CSS (all components in one file).
vendor_pkg "@utrecht/component-library-css" utrecht \
  dist/index.css LICENSE.md

# NL Design System: "voorbeeld" (example) theme; design tokens as CSS custom
# properties on the `.voorbeeld-theme` class.
vendor_pkg "@nl-design-system-unstable/voorbeeld-design-tokens" voorbeeld-tokens \
  dist/theme.css LICENSE.md

# Chart.js UMD build (exposes window.Chart). The source map is copied too,
# because the bundle ends with `//# sourceMappingURL=chart.umd.min.js.map` and
# Django's ManifestStaticFilesStorage fails collectstatic on a missing map.
vendor_pkg "chart.js" chartjs \
  dist/chart.umd.min.js dist/chart.umd.min.js.map LICENSE.md
# The UMD bundle includes @kurkle/color (MIT); keep its licence as well.
cp "${NM}/@kurkle/color/LICENSE.md" "${VENDOR_DIR}/chartjs/LICENSE-kurkle-color.md"
printf '%s@%s (%s), bundled\n' "@kurkle/color" "$(pkg_version "@kurkle/color")" "$(pkg_license "@kurkle/color")" \
  >> "${VENDOR_DIR}/chartjs/VERSION"

# axe-core: accessibility checks, for the browser tests only. It lives next to
# those tests so that it is never part of the app's static files.
DEST="${TEST_VENDOR_DIR}" vendor_pkg "axe-core" axe-core \
  axe.min.js LICENSE LICENSE-3RD-PARTY.txt

for dir in "${VENDOR_DIR}" "${TEST_VENDOR_DIR}"; do
  echo "Vendored into ${dir}:"
  (cd "${dir}" && find . -type f ! -name README.md | sort | xargs ls -l)
done
