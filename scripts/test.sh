#!/usr/bin/env bash
# npm test: installs what the tests need when missing (PostgreSQL, Chromium, hledger), starts a
# throwaway PostgreSQL cluster (always stopped on exit), then runs typecheck, unit tests,
# integration tests on PGlite and PostgreSQL, and Playwright end-to-end tests with axe.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # Debian's chromium is used; never a browser download
PGPORT="${PGPORT:-54329}"

declare -a TIMINGS=()
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "=== $name"
  "$@"
  TIMINGS+=("$(printf '%-12s %4ds' "$name" $((SECONDS - t0)))")
}
report() { echo "=== timings (seconds)"; printf '%s\n' "${TIMINGS[@]}"; }

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  local need=()
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
  command -v chromium >/dev/null || need+=(chromium)
  command -v hledger >/dev/null || need+=(hledger)
  if ((${#need[@]})); then
    echo "installing: ${need[*]}"
    # Stop the package from creating and starting its own cluster on port 5432.
    as_root mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "postgresql, chromium and hledger are installed"
  fi
}

PGBIN=""
PGTMP=""
cleanup() {
  local rc=$?
  if [[ -n "$PGTMP" && -f "$PGTMP/data/postmaster.pid" ]]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [[ -n "$PGTMP" ]] && rm -rf "$PGTMP"
  report
  exit $rc
}
trap cleanup EXIT INT TERM

start_pg() {
  PGBIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  while (echo >/dev/tcp/127.0.0.1/"$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
  PGTMP=$(mktemp -d /tmp/potluck-pg.XXXXXX)
  chown postgres:postgres "$PGTMP"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Test-only speed-ups (fsync off); TCP on loopback only, socket inside the temp dir.
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/pg.log" -w -t 30 start \
    -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  "$PGBIN/psql" -h "$PGTMP" -p "$PGPORT" -U postgres -qAtc "create database app" postgres
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/app"
  export PGBIN PGTMP PGPORT
  echo "DATABASE_URL=$DATABASE_URL"
}

step apt apt_install
step postgres start_pg
[[ -d node_modules ]] || step npm-ci npm ci --no-audit --no-fund
step build npm run build --silent
step typecheck npm run typecheck --silent
step unit npx vitest run --project unit
step integration npx vitest run --project integration
step e2e npx playwright test
