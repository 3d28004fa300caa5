#!/usr/bin/env bash
# Lints an OpenAPI document (default: the committed openapi/openapi.yaml) with Spectral and the
# OWASP ruleset, installing the pinned tools from the npm registry on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
document="${1:-$root/openapi/openapi.yaml}"
case "$document" in /*) ;; *) document="$(pwd)/$document" ;; esac
cd "$here"
if [ ! -x node_modules/.bin/spectral ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn "$document"
