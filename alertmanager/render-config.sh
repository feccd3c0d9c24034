#!/bin/sh
# Renders the Alertmanager configuration: every ${MASH_ALERT_*} in the template is replaced by that
# environment variable, escaped for a double-quoted YAML string. An unset one stops the start
# with its name, rather than sending alerts nowhere. POSIX sh and awk (busybox in the image).
#   render-config.sh alertmanager.yml.tmpl > alertmanager.yml
set -eu
template=${1:?usage: render-config.sh TEMPLATE > CONFIG}
: "${MASH_ALERT_SMTP_REQUIRE_TLS:=true}"
: "${MASH_ALERT_GROUP_WAIT:=30s}"
: "${MASH_ALERT_GROUP_INTERVAL:=5m}"
: "${MASH_ALERT_SMTP_USERNAME:=}"
: "${MASH_ALERT_SMTP_PASSWORD:=}"
export MASH_ALERT_SMTP_REQUIRE_TLS MASH_ALERT_GROUP_WAIT MASH_ALERT_GROUP_INTERVAL MASH_ALERT_SMTP_USERNAME MASH_ALERT_SMTP_PASSWORD
awk '
{
    line = $0
    out = ""
    while (match(line, /\$\{MASH_ALERT_[A-Z0-9_]+\}/)) {
        name = substr(line, RSTART + 2, RLENGTH - 3)
        if (!(name in ENVIRON)) {
            printf "render-config.sh: %s is not set (see .env.example)\n", name > "/dev/stderr"
            failed = 1
            exit 1
        }
        value = ENVIRON[name]
        gsub(/\\/, "\\\\", value)
        gsub(/"/, "\\\"", value)
        out = out substr(line, 1, RSTART - 1) value
        line = substr(line, RSTART + RLENGTH)
    }
    print out line
}
' "$template"
