#!/usr/bin/env bash
# The Cypher check: installs Neo4j's Cypher language support (pinned in package-lock.json) into
# tools/cypher-lint/node_modules (git-ignored), proves the linter fails on deliberately broken statements, then lints
# every cypher/*.cypher. Exits non-zero on any Cypher error; without node/npm (or registry) it prints why and skips.
set -uo pipefail
here="${BASH_SOURCE[0]%/*}"
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
cd "$here" || exit 1

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "cypher-lint: SKIPPED: node and npm are not on PATH (apt-get install nodejs npm to run the Cypher check)."
  exit 0
fi

if [ ! -f node_modules/@neo4j-cypher/language-support/package.json ]; then
  if ! npm ci --no-audit --no-fund --loglevel=error >npm-install.log 2>&1; then
    echo "cypher-lint: SKIPPED: npm could not install @neo4j-cypher/language-support (registry unreachable?); see tools/cypher-lint/npm-install.log."
    exit 0
  fi
fi

node lint.test.mjs || { echo "cypher-lint: the linter's self-test failed"; exit 1; }
node lint.mjs ../../cypher
