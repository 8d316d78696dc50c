#!/usr/bin/env bash
# Called by frontend/pom.xml: `install` fetches npm modules when package-lock.json changed,
# `test` runs the linter and the unit tests, `build OUT` writes the production build to OUT (the jar's static files).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v npm >/dev/null; then
	echo "frontend: npm is not installed (Node.js 20 or newer is needed to build the web app)" >&2
	exit 1
fi

case "$1" in
install)
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		npm ci --no-audit --no-fund --loglevel=error
	fi
	;;
test)
	npm run lint --silent
	npm test --silent
	;;
e2e)
	# the browser test of the built app against a running platform (started by the app module's test)
	npm run e2e --silent
	;;
build)
	npm run build --silent -- --outDir "$2" --emptyOutDir
	;;
*)
	echo "frontend: unknown step $1" >&2
	exit 2
	;;
esac
