#!/bin/sh
# Checks the Alertmanager configuration with Debian's amtool: renders the template with the
# example values of .env.example, runs amtool check-config, then amtool config routes test for
# every line of routes.txt, and checks that every owner of an alert rule has a route.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

set -a
. "$root/.env.example"
set +a
"$root/alertmanager/render-config.sh" "$root/alertmanager/alertmanager.yml.tmpl" > "$work/alertmanager.yml"
amtool check-config "$work/alertmanager.yml"

failed=0
grep -v '^#' "$here/routes.txt" | grep -v '^[[:space:]]*$' | while IFS='|' read -r expected labels; do
    expected=$(echo "$expected" | xargs)
    # shellcheck disable=SC2086
    if amtool config routes test --config.file="$work/alertmanager.yml" --verify.receivers="$expected" $labels >/dev/null 2>&1; then
        echo "route ok: $labels -> $expected"
    else
        echo "ROUTE WRONG: $labels -> $(amtool config routes test --config.file="$work/alertmanager.yml" $labels 2>/dev/null) (expected $expected)"
        exit 1
    fi
done || failed=1

# Every alert rule names an owner and a severity that the routes know.
for owner in $(grep -E '^\s+owner:' "$root/prometheus/rules/"*.yml | awk '{print $NF}' | sort -u); do
    grep -q "owner=\"$owner\"" "$root/alertmanager/alertmanager.yml.tmpl" \
        || { echo "owner '$owner' of an alert rule has no route"; failed=1; }
done
alerts=$(grep -cE '^\s+- alert:' "$root/prometheus/rules/alerts.yml")
owners=$(grep -cE '^\s+owner:' "$root/prometheus/rules/alerts.yml")
[ "$alerts" -eq "$owners" ] || { echo "$alerts alerts but $owners owner labels in alerts.yml"; failed=1; }
exit $failed
