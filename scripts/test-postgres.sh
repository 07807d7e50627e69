#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the test run and exports SMARTPOST_TEST_POSTGRES.
# Sourced by test.sh. Prints a loud warning (and leaves the variable unset) when PostgreSQL is not installed.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "################################################################################"
  echo "# PostgreSQL is NOT installed: the PostgreSQL storage tests will FAIL.          #"
  echo "# Install it (apt-get install -y postgresql) or set SMARTPOST_TEST_POSTGRES.    #"
  echo "################################################################################"
  return 0 2>/dev/null || exit 0
fi
if [ -n "${SMARTPOST_TEST_POSTGRES:-}" ]; then
  echo "Using PostgreSQL from SMARTPOST_TEST_POSTGRES"
  return 0 2>/dev/null || exit 0
fi

pg_port=${SMARTPOST_TEST_PG_PORT:-55432}
# Take the first free port from there (another run may hold one).
while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
pg_dir=$(mktemp -d /tmp/smartpost-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root; the Debian package creates the postgres user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; echo "initdb failed"; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$pg_dir/server.log"; echo "PostgreSQL did not start"; exit 1; }
export SMARTPOST_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
echo "PostgreSQL test server on 127.0.0.1:$pg_port ($pg_dir)"
stop_test_postgres() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
trap stop_test_postgres EXIT
