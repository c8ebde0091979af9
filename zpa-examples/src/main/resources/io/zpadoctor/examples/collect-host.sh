#!/usr/bin/env bash
# collect-host.sh: collects ZPA App Connector host evidence for `zpa-doctor diagnose --bundle`.
#
# Bash only, for RHEL/Rocky 8 and 9 connector VMs (no Java there). Runs the command behind every probe
# file ZPA Doctor's host parsers read (the catalog's probe-file contract), each under a timeout, writes
# their raw output to hosts/<hostname>/<probe>.txt and packs zpa-host-<hostname>-<timestamp>.tar.gz, in a new
# private folder (mode 700, a name nobody can predict) under --out.
# Get it with `zpa-doctor collect-script > collect-host.sh`; run `sudo bash collect-host.sh --help`.
#
# The provisioning key is never copied: provision-key.txt holds the file's stat line and a shape line
# (length, quotes, whitespace, the public <n>|<host>| prefix). Key-like strings in any output (a refused
# login's nonce in the journal) are cut to that prefix before anything is written.
#
# Test hook: ZPA_COLLECT_ROOT (unset in real use) is prepended to /opt/zscaler/var and /etc/resolv.conf so
# tests can point the script at a fake connector; nothing else changes.

set -u
umask 077 # the evidence names hosts, addresses and processes: readable by its owner only

readonly COLLECTOR_VERSION=1
readonly EX_USAGE=64
readonly EX_UNAVAILABLE=69
readonly EX_IO=74
readonly SYMPTOMS="not-enrolling disconnected upgrade-failed high-cpu high-memory high-disk app-unreachable"

usage() {
    cat <<'EOF'
Usage: collect-host.sh [options]

Collects ZPA App Connector evidence on this VM and packs it for `zpa-doctor diagnose --bundle`.
Run it with sudo: without root the journal and the provisioning key's shape may be skipped (the log
says which, and why). Nothing is changed on the host; the provisioning key is never copied.

Options:
  --cloud CLOUD         ZPA broker cloud domain (default prod.zpath.net); brokers are found via co2br.CLOUD
  --company NAME        company for the TLS check's servername NAME.com.server1.net
                        (default: derived from the DNS search domain, else "example")
  --out DIR             where to make the private folder that receives the evidence and the .tar.gz
                        (default /tmp); the archive's path is printed at the end
  --timeout SECONDS     limit for each command (default 20)
  --symptom SYMPTOM     written to case.json: not-enrolling, disconnected, upgrade-failed,
                        high-cpu, high-memory, high-disk or app-unreachable
  --connector NAME      written to case.json: the connector's name in ZPA
  --group NAME          written to case.json: its connector group
  --application H:P     written to case.json: the application users cannot reach, host:port
  -h, --help            this help

Writes DIR/zpa-host-<hostname>-<UTC time>/ (case.json, hosts/<hostname>/*.txt, collector.log) and
DIR/zpa-host-<hostname>-<UTC time>.tar.gz, whose path it prints. Needs bash, coreutils, grep and sed;
tar and gzip to pack. Exit 0 even when probes fail (collector.log says which), 64 on a usage error,
74 when DIR cannot be written.

Examples:
  sudo bash collect-host.sh
  sudo bash collect-host.sh --symptom not-enrolling --connector dc1-acg-key-4 --company acme
  sudo bash collect-host.sh --out /var/tmp --timeout 60
Then copy the .tar.gz to a machine with zpa-doctor and run:
  zpa-doctor diagnose --bundle zpa-host-<hostname>-<time>.tar.gz
EOF
}

usage_error() {
    printf 'collect-host.sh: %s\nTry "collect-host.sh --help".\n' "$1" >&2
    exit "$EX_USAGE"
}

# ---------------------------------------------------------------- options

CLOUD=prod.zpath.net
COMPANY=
OUT=/tmp
TIMEOUT=20
SYMPTOM=
CONNECTOR=
GROUP=
APPLICATION=

set_option() {
    case $1 in
        --cloud) CLOUD=$2 ;;
        --company) COMPANY=$2 ;;
        --out) OUT=$2 ;;
        --timeout) TIMEOUT=$2 ;;
        --symptom) SYMPTOM=$2 ;;
        --connector) CONNECTOR=$2 ;;
        --group) GROUP=$2 ;;
        --application) APPLICATION=$2 ;;
        *) usage_error "unknown option '$1'" ;;
    esac
}

while [ $# -gt 0 ]; do
    case $1 in
        -h | --help)
            usage
            exit 0
            ;;
        --*=*)
            set_option "${1%%=*}" "${1#*=}"
            shift
            ;;
        --cloud | --company | --out | --timeout | --symptom | --connector | --group | --application)
            [ $# -ge 2 ] || usage_error "$1 needs a value"
            set_option "$1" "$2"
            shift 2
            ;;
        *) usage_error "unknown argument '$1'" ;;
    esac
done

if [ "$CLOUD" = private.zscaler.com ]; then
    CLOUD=prod.zpath.net # the ZPA cloud name, not its broker domain: the brokers of private.zscaler.com live here
fi
[[ $CLOUD =~ ^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$ ]] ||
    usage_error "--cloud must be a domain such as prod.zpath.net, not '$CLOUD'"
[ -z "$COMPANY" ] || [[ $COMPANY =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] ||
    usage_error "--company must be letters, digits, dots and dashes (e.g. acme), not '$COMPANY'"
[[ $TIMEOUT =~ ^[1-9][0-9]{0,3}$ ]] || usage_error "--timeout must be whole seconds from 1 to 9999, not '$TIMEOUT'"
if [ -n "$SYMPTOM" ] && [[ " $SYMPTOMS " != *" $SYMPTOM "* ]]; then
    usage_error "--symptom must be one of: ${SYMPTOMS// /, }; not '$SYMPTOM'"
fi
[ -z "$APPLICATION" ] || [[ $APPLICATION =~ ^([A-Za-z0-9_.*-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$ ]] ||
    usage_error "--application must be host:port (e.g. intranet.corp.example.com:443), not '$APPLICATION'"
for v in "$CONNECTOR" "$GROUP"; do
    [[ $v != *[[:cntrl:]]* ]] || usage_error "--connector and --group must be plain text"
done
[ -n "$OUT" ] || usage_error "--out needs a folder"

# ---------------------------------------------------------------- environment

have() { command -v "$1" >/dev/null 2>&1; }

missing_base=
for t in timeout date mkdir mktemp cat tr wc head tail sort grep sed rm; do
    have "$t" || missing_base="$missing_base $t"
done
if [ -n "$missing_base" ]; then
    # these come with every RHEL install; without them no probe can be run safely
    printf 'collect-host.sh: cannot run without:%s (coreutils, grep, sed)\n' "$missing_base" >&2
    exit "$EX_UNAVAILABLE"
fi

ROOT=${ZPA_COLLECT_ROOT:-}
VAR_DIR="$ROOT/opt/zscaler/var"
KEY_FILE="$VAR_DIR/provision_key"
RESOLV="$ROOT/etc/resolv.conf"
BROKER="co2br.$CLOUD"

# English, predictable output is what the parsers read; UTF-8 where the host has it
LOCALE_USED=C
for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
    if have locale && locale -a 2>/dev/null | grep -qx "$l"; then
        LOCALE_USED=$l
        break
    fi
done
export LC_ALL=$LOCALE_USED
unset LANGUAGE
export SYSTEMD_PAGER='' SYSTEMD_COLORS=0

UID_NOW=$(id -u 2>/dev/null || echo unknown)
USER_NOW=$(id -un 2>/dev/null || echo unknown)
IS_ROOT=false
[ "$UID_NOW" = 0 ] && IS_ROOT=true

HOST_RAW=
if have hostname; then
    HOST_RAW=$(hostname 2>/dev/null)
fi
if [ -z "$HOST_RAW" ] && [ -r /proc/sys/kernel/hostname ]; then
    HOST_RAW=$(cat /proc/sys/kernel/hostname)
fi
HOST=${HOST_RAW%%.*}
HOST=${HOST//[^A-Za-z0-9_-]/_}
[ -n "$HOST" ] || HOST=unknown-host

STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
NAME="zpa-host-$HOST-$STAMP"

# absolute, so the printed path works from anywhere
if [ ! -d "$OUT" ] || ! OUT_ABS=$(cd "$OUT" 2>/dev/null && pwd); then
    printf 'collect-host.sh: --out %s is not a folder this user can enter\n' "$OUT" >&2
    exit "$EX_IO"
fi
OUT=$OUT_ABS
# The evidence goes into a folder of its own that nobody can predict or pre-create: mktemp makes it exclusively,
# mode 700, so no other user of the machine can read, swap or redirect what is written there (a fixed name in
# /tmp could be created first, or be a link to a file of root's). It is handed to the admin only once complete.
umask 077
if ! BASE=$(mktemp -d "$OUT/zpa-host-$HOST.XXXXXXXXXX" 2>/dev/null); then
    printf 'collect-host.sh: cannot write to %s (choose another folder with --out)\n' "$OUT" >&2
    exit "$EX_IO"
fi
WORK="$BASE/$NAME"
HDIR="$WORK/hosts/$HOST"
if ! mkdir "$WORK" 2>/dev/null || ! mkdir -p "$HDIR" 2>/dev/null; then
    printf 'collect-host.sh: cannot write to %s (choose another folder with --out)\n' "$OUT" >&2
    exit "$EX_IO"
fi
LOG="$HDIR/collector.log"
if ! : >"$LOG" 2>/dev/null; then
    printf 'collect-host.sh: cannot write to %s (choose another folder with --out)\n' "$OUT" >&2
    exit "$EX_IO"
fi

# ---------------------------------------------------------------- helpers

SKIPPED=()
TIMED_OUT=()
RAN=0

log() { TZ=UTC0 printf '%(%H:%M:%SZ)T %s\n' -1 "$*" >>"$LOG"; }
say() { printf 'collect-host.sh: %s\n' "$*" >&2; }

now_ms() {
    local t
    if [ -n "${EPOCHREALTIME:-}" ]; then
        t=${EPOCHREALTIME/[.,]/}
        echo $((t / 1000))
    else
        t=$(date +%s%N)
        case $t in
            *N) echo $(($(date +%s) * 1000)) ;;
            *) echo $((t / 1000000)) ;;
        esac
    fi
}

seconds() { printf '%d.%d s' $(($1 / 1000)) $((($1 % 1000) / 100)); }

skip() {
    local file=$1
    shift
    log "SKIPPED $file: $*"
    SKIPPED+=("$file: $*")
}

package_of() {
    case $1 in
        dig) echo bind-utils ;;
        chronyc) echo chrony ;;
        ping) echo iputils ;;
        ip) echo iproute ;;
        lscpu) echo util-linux ;;
        ps | free) echo procps-ng ;;
        systemctl | journalctl | timedatectl) echo systemd ;;
        df | du | ls | stat) echo coreutils ;;
        *) echo "$1" ;;
    esac
}

# missing TOOL...: true when one is not installed, naming it in MISSING.
missing() {
    local t
    for t in "$@"; do
        if ! have "$t"; then
            MISSING=$t
            return 0
        fi
    done
    return 1
}

skip_missing() { skip "$1" "'$2' is not installed (dnf install $(package_of "$2")), so \`$3\` did not run"; }

# Cuts provisioning-key secrets out of a stream, keeping the public <n>|<host>| prefix the parsers read:
# a refused login's nonce(<3|host|secret>) and any whole key <n>|<host>|<secret>.
redact() {
    LC_ALL=C sed -E \
        -e 's/(nonce\(<[0-9]+\|[^|<>[:space:]]*\|)[^>)[:space:]]*/\1.../g' \
        -e 's/(^|[^0-9A-Za-z])([0-9]{1,3}\|[A-Za-z0-9.-]+\|)[A-Za-z0-9+\/=_.-]{6,}/\1\2.../g'
}

# probe FILE LIMIT SHOWN CMD [CUT]: runs the bash command line CMD under a LIMIT-second timeout, its stdout
# and stderr (as a terminal shows them) going through redact into FILE; logs SHOWN, the exit code and the
# time. CUT says what exit 124 means when CMD times itself. Sets PROBE_RC.
probe() {
    local file=$1 limit=$2 shown=$3 cmd=$4 cut=${5:-"cut after $2 s"} t0 ms
    t0=$(now_ms)
    timeout -k 5 "$limit" bash -c "$cmd" </dev/null 2>&1 | redact >>"$HDIR/$file"
    PROBE_RC=${PIPESTATUS[0]}
    ms=$(($(now_ms) - t0))
    RAN=$((RAN + 1))
    if [ "$PROBE_RC" = 124 ] || [ "$PROBE_RC" = 137 ]; then
        log "TIMEOUT $file: \`$shown\` $cut; the output it printed before is kept"
        TIMED_OUT+=("$file")
    else
        log "ran     $file: \`$shown\` (exit $PROBE_RC, $(seconds "$ms"))"
    fi
}

q() { printf '%q' "$1"; }

# A plain probe: one command, one file, one tool to check.
simple() {
    local file=$1 tool=$2 cmd=$3
    if missing "$tool"; then
        skip_missing "$file" "$MISSING" "$cmd"
        return 1
    fi
    probe "$file" "$TIMEOUT" "$cmd" "$cmd"
}

json_string() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    printf '"%s"' "$s"
}

# ---------------------------------------------------------------- header

say "collecting into $WORK (each command limited to $TIMEOUT s)"
log "collect-host.sh $COLLECTOR_VERSION started $STARTED on $HOST_RAW as $USER_NOW (uid $UID_NOW)"
log "cloud $CLOUD, broker discovery $BROKER, timeout $TIMEOUT s per command, locale $LOCALE_USED"
[ -z "$ROOT" ] || log "TEST MODE: ZPA_COLLECT_ROOT=$ROOT prefixes /opt/zscaler/var and /etc/resolv.conf"
$IS_ROOT || log "not root: some evidence needs root; the lines below say which (re-run with sudo)"

if [ -z "$COMPANY" ]; then
    # the servername only has to look like the runbook's; the broker's certificate is what the check reads
    domain=
    if [ -r "$RESOLV" ]; then
        domain=$(grep -E '^[[:space:]]*(search|domain)[[:space:]]' "$RESOLV" 2>/dev/null | head -n 1 |
            sed -E 's/^[[:space:]]*(search|domain)[[:space:]]+([^[:space:]]+).*/\2/')
    fi
    [ -n "$domain" ] || [[ $HOST_RAW != *.* ]] || domain=${HOST_RAW#*.}
    domain=${domain%.}
    COMPANY=example
    if [[ $domain == *.* ]]; then
        label=${domain%.*}
        label=${label##*.}
        [[ ! $label =~ ^[A-Za-z0-9-]+$ ]] || COMPANY=$label
    fi
    log "no --company given: the TLS check uses servername $COMPANY.com.server1.net (from the DNS domain '${domain:-none}'); pass --company for yours"
    say "no --company given: using servername $COMPANY.com.server1.net"
fi
SERVERNAME="$COMPANY.com.server1.net"

# ---------------------------------------------------------------- probes (the catalog's probe files)

# ip-addr.txt: the VM's name and addresses, to match it to its connector
if missing ip; then
    skip_missing ip-addr.txt "$MISSING" "hostname; ip -4 -o addr show"
elif have hostname; then
    probe ip-addr.txt "$TIMEOUT" "hostname; ip -4 -o addr show" "hostname; ip -4 -o addr show"
else
    probe ip-addr.txt "$TIMEOUT" "ip -4 -o addr show" "ip -4 -o addr show"
    log "        ip-addr.txt: 'hostname' is not installed, so the file starts with the addresses"
fi

if simple systemctl-status.txt systemctl "systemctl status zpa-connector --no-pager"; then
    case $PROBE_RC in
        3) log "        systemctl-status.txt: exit 3: zpa-connector is not running" ;;
        4) log "        systemctl-status.txt: exit 4: no zpa-connector unit on this host" ;;
    esac
fi

# journal.txt: the system journal is readable by root and the adm, systemd-journal and wheel groups
groups_now=" $(id -Gn 2>/dev/null) "
cmd="journalctl -u zpa-connector --no-pager -n 5000"
if missing journalctl; then
    skip_missing journal.txt "$MISSING" "$cmd"
elif ! $IS_ROOT && [[ $groups_now != *" adm "* && $groups_now != *" systemd-journal "* && $groups_now != *" wheel "* ]]; then
    skip journal.txt "reading the connector's journal needs root (or group adm, systemd-journal or wheel): re-run with sudo for journal.txt"
else
    probe journal.txt "$TIMEOUT" "$cmd" "$cmd"
    if grep -qE 'not seeing messages from other users|insufficient permissions' "$HDIR/journal.txt"; then
        rm -f "$HDIR/journal.txt" # "-- No entries --" here would read as a silent connector, which it is not
        skip journal.txt "journalctl could not read the system journal as $USER_NOW: re-run with sudo for journal.txt"
    fi
fi

simple ps-cpu.txt ps "ps aux --sort=-pcpu"
simple ps-mem.txt ps "ps aux --sort=-pmem"
simple lscpu.txt lscpu "lscpu"
simple free.txt free "free -m"
simple df.txt df "df -hP"

# -sS, not the runbook's -s: the same output when the endpoint answers, and curl's reason when it does not
# (an empty file would say nothing; the parser reads "curl: (7) ..." as "the endpoint did not answer")
if simple memory-status.txt curl "curl -sS 127.0.0.1:9000/memory/status" && [ "$PROBE_RC" != 0 ]; then
    log "        memory-status.txt: curl exit $PROBE_RC: nothing answered on 127.0.0.1:9000 (is zpa-connector-child running?)"
fi

cmd="ls -l /etc/resolv.conf; cat /etc/resolv.conf"
if missing ls; then
    skip_missing resolv-conf.txt "$MISSING" "$cmd"
else
    probe resolv-conf.txt "$TIMEOUT" "$cmd" "ls -l $(q "$RESOLV"); cat $(q "$RESOLV")"
fi

# dig-broker.txt, then the broker addresses for the TCP and TLS checks
simple dig-broker.txt dig "dig $BROKER"
ADDRS=()
if have dig; then
    addr_source="dig +short $BROKER"
    answer=$(timeout -k 5 "$TIMEOUT" dig +short "$BROKER" 2>/dev/null)
elif have getent; then
    addr_source="getent ahostsv4 $BROKER (dig is not installed)"
    answer=$(timeout -k 5 "$TIMEOUT" getent ahostsv4 "$BROKER" 2>/dev/null)
else
    addr_source=
    answer=
fi
while read -r a _; do
    # addresses only: +short also prints the CNAME chain, getent repeats each address per socket type
    if [[ $a =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] && [[ " ${ADDRS[*]-} " != *" $a "* ]]; then
        ADDRS+=("$a")
    fi
done <<<"$answer"
if [ -z "$addr_source" ]; then
    log "        no address lookup for $BROKER: neither dig nor getent is installed"
elif [ ${#ADDRS[@]} -gt 0 ]; then
    log "        broker addresses from $addr_source: ${ADDRS[*]}"
else
    log "        $addr_source gave no address"
fi

shown_tcp="for ip in \$(dig +short $BROKER); do timeout 5 bash -c \"</dev/tcp/\$ip/443\" && echo \"\$ip:443 open\" || echo \"\$ip:443 failed\"; done"
if [ ${#ADDRS[@]} -eq 0 ]; then
    if have dig; then
        why="$BROKER did not resolve to an address (see dig-broker.txt), so there is no broker to connect to"
    elif [ -n "$addr_source" ]; then
        why="$BROKER did not resolve to an address (getent found none; dig is not installed), so there is no broker to connect to"
    else
        why="nothing here can resolve $BROKER (dnf install bind-utils), so there is no broker to connect to"
    fi
    skip tcp-broker.txt "$why"
    skip tls-broker.txt "$why"
else
    cmd="for ip in ${ADDRS[*]}; do timeout 5 bash -c \"</dev/tcp/\$ip/443\" && echo \"\$ip:443 open\" || echo \"\$ip:443 failed\"; done"
    probe tcp-broker.txt $((TIMEOUT + 6 * ${#ADDRS[@]})) "$shown_tcp" "$cmd"
    cmd="openssl s_client -connect ${ADDRS[0]}:443 -servername $SERVERNAME </dev/null 2>&1"
    if missing openssl; then
        skip_missing tls-broker.txt "$MISSING" "$cmd"
    else
        probe tls-broker.txt "$TIMEOUT" "$cmd" "$cmd"
    fi
fi

simple ping-broker.txt ping "ping -c 4 $BROKER"

# time-sync.txt: chronyc tracking; timedatectl when chrony is absent or cannot talk to chronyd
if have chronyc; then
    probe time-sync.txt "$TIMEOUT" "chronyc tracking" "chronyc tracking"
    if [ "$PROBE_RC" != 0 ] && have timedatectl; then
        probe time-sync.txt "$TIMEOUT" "timedatectl" "timedatectl"
    fi
elif have timedatectl; then
    log "        time-sync.txt: chronyc is not installed (dnf install chrony); using timedatectl"
    probe time-sync.txt "$TIMEOUT" "timedatectl" "timedatectl"
else
    skip time-sync.txt "neither chronyc (dnf install chrony) nor timedatectl is installed"
fi

# shellcheck disable=SC2016 # the loop's variables belong to the bash that runs it
cmd='for h in dist.private.zscaler.com yum.private.zscaler.com; do curl -sS -o /dev/null -w "$h %{http_code}\n" --max-time 10 https://$h/ || echo "$h unreachable"; done'
if missing curl; then
    skip_missing upgrade-reach.txt "$MISSING" "$cmd"
else
    probe upgrade-reach.txt $((TIMEOUT + 25)) "$cmd" "$cmd"
fi

# provision-key.txt: stat of the key file and its shape; the key itself is only ever read through pipes
key_shape() {
    local f=$1 len lines quotes lead trail ws prefix
    len=$(LC_ALL=C tr -d '\n\200-\277' <"$f" | wc -c) # characters: UTF-8 continuation bytes do not count
    lines=$(grep -c '' "$f")
    if LC_ALL=C grep -q $'\xe2\x80[\x98\x99\x9c\x9d\x9e]' "$f"; then
        quotes=smart
    elif LC_ALL=C grep -q '"' "$f"; then
        quotes=ascii
    else
        quotes=none
    fi
    lead=$(LC_ALL=C tr -d '\n' <"$f" | head -c 1 | grep -c '[[:space:]]')
    trail=$(LC_ALL=C tr -d '\n' <"$f" | tail -c 1 | grep -c '[[:space:]]')
    case "$lead$trail" in
        00) ws=none ;;
        10) ws=leading ;;
        01) ws=trailing ;;
        *) ws=both ;;
    esac
    # the public prefix only, and only when it names a host: nothing of the secret can match it
    prefix=$(LC_ALL=C sed -e 's/\xe2\x80[\x98\x99\x9c\x9d\x9e]//g' -e 's/"//g' "$f" |
        LC_ALL=C grep -oE '^[[:space:]]*[0-9]{1,3}\|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\|' | head -n 1 | LC_ALL=C tr -d '[:space:]')
    echo "shape: length=$((len)) prefix=${prefix:-none} quotes=$quotes whitespace=$ws lines=$((lines))"
}

key_readable=false
[ -f "$KEY_FILE" ] && [ -r "$KEY_FILE" ] && key_readable=true
cmd="stat -c '%a %U %G %s' /opt/zscaler/var/provision_key"
if have stat; then
    probe provision-key.txt "$TIMEOUT" "$cmd" "stat -c '%a %U %G %s' $(q "$KEY_FILE")"
    if grep -q 'Permission denied' "$HDIR/provision-key.txt"; then
        rm -f "$HDIR/provision-key.txt"
        skip provision-key.txt "$USER_NOW cannot see into /opt/zscaler/var: re-run with sudo for provision-key.txt"
    elif $key_readable; then
        key_shape "$KEY_FILE" >>"$HDIR/provision-key.txt"
        log "        provision-key.txt: shape line added (length, quotes, whitespace, prefix; never the key)"
    elif [ -e "$KEY_FILE" ]; then
        log "        provision-key.txt: the key is not readable by $USER_NOW, so no shape line: re-run with sudo for it"
    fi
elif $key_readable; then
    key_shape "$KEY_FILE" >>"$HDIR/provision-key.txt"
    log "        provision-key.txt: 'stat' is not installed, so the file holds the shape line only"
else
    skip provision-key.txt "'stat' is not installed and $USER_NOW cannot read the key file: re-run with sudo"
fi

cmd="ls -la /opt/zscaler/var"
if missing ls; then
    skip_missing opt-zscaler-var.txt "$MISSING" "$cmd"
else
    probe opt-zscaler-var.txt "$TIMEOUT" "$cmd" "ls -la $(q "$VAR_DIR")"
    if grep -q 'Permission denied' "$HDIR/opt-zscaler-var.txt"; then
        log "        opt-zscaler-var.txt: /opt/zscaler/var is not readable by $USER_NOW: re-run with sudo for its listing"
    fi
fi

# du.txt last, it is the slowest: only du is timed, so a cut scan still yields its largest entries so far
cmd="du -xam / 2>/dev/null | sort -n -r | head -n 20"
if missing du; then
    skip_missing du.txt "$MISSING" "$cmd"
else
    probe du.txt $((TIMEOUT + 10)) "$cmd" \
        "timeout -k 5 $TIMEOUT du -xam / 2>/dev/null | sort -n -r | head -n 20; exit \${PIPESTATUS[0]}" \
        "stopped after $TIMEOUT s, so the list covers only what du scanned (--timeout 120 for all)"
    if ! $IS_ROOT; then
        log "        du.txt: folders $USER_NOW cannot read are missing from it: re-run with sudo for a complete du.txt"
    fi
fi

# ---------------------------------------------------------------- case.json

{
    printf '{\n  "cloud": %s,\n  "collectedAt": %s' "$(json_string "$CLOUD")" "$(json_string "$STARTED")"
    [ -z "$SYMPTOM" ] || printf ',\n  "symptom": %s' "$(json_string "$SYMPTOM")"
    [ -z "$CONNECTOR" ] || printf ',\n  "connector": %s' "$(json_string "$CONNECTOR")"
    [ -z "$GROUP" ] || printf ',\n  "connectorGroup": %s' "$(json_string "$GROUP")"
    [ -z "$APPLICATION" ] || printf ',\n  "application": %s' "$(json_string "$APPLICATION")"
    printf '\n}\n'
} >"$WORK/case.json"

# ---------------------------------------------------------------- last check: the key appears nowhere

# The secret (the key without quotes, blanks and its <n>|<host>| prefix) reaches grep through a pipe only.
key_secret() {
    LC_ALL=C sed -e 's/\xe2\x80[\x98\x99\x9c\x9d\x9e]//g' -e 's/"//g' "$KEY_FILE" | LC_ALL=C tr -d '[:space:]' |
        LC_ALL=C sed -E 's/^[0-9]{1,3}\|[^|]*\|//'
}
if [ -f "$KEY_FILE" ] && [ -r "$KEY_FILE" ] && [ "$(key_secret | wc -c)" -ge 8 ]; then
    leaked=$(LC_ALL=C grep -rlF -f <(key_secret) "$WORK" 2>/dev/null)
    while IFS= read -r f; do
        [ -n "$f" ] || continue
        rm -f "$f"
        skip "${f#"$HDIR"/}" "removed: it held the provisioning key"
    done <<<"$leaked"
fi

# ---------------------------------------------------------------- summary and archive

log "done: $RAN commands run, ${#SKIPPED[@]} skipped, ${#TIMED_OUT[@]} cut by the timeout"
for s in "${SKIPPED[@]}"; do
    say "skipped $s"
done
[ ${#TIMED_OUT[@]} -eq 0 ] || say "cut by the ${TIMEOUT} s timeout: ${TIMED_OUT[*]} (see collector.log; --timeout to raise it)"

ARCHIVE="$BASE/$NAME.tar.gz"
packed=false
if have tar && have gzip; then
    # written only by this run, inside its private folder; noclobber refuses a file that is somehow there already
    if (set -o noclobber; tar -C "$BASE" -czf - "$NAME" >"$ARCHIVE") 2>>"$LOG"; then
        packed=true
    else
        rm -f "$ARCHIVE"
        say "tar failed (see $LOG); copy the folder $WORK instead"
    fi
else
    say "tar or gzip is not installed; copy the folder $WORK instead"
fi

if $IS_ROOT && [ -n "${SUDO_UID:-}" ] && [ -n "${SUDO_GID:-}" ]; then
    # run with sudo: now that it is complete, hand the evidence (and its private folder) to the admin who ran it,
    # so it can be copied off without root; the folder stays readable by that admin alone
    chown -R "$SUDO_UID:$SUDO_GID" "$BASE" 2>/dev/null
fi

if $packed; then
    say "done: copy the archive below and run: zpa-doctor diagnose --bundle $NAME.tar.gz"
    printf '%s\n' "$ARCHIVE"
else
    printf '%s\n' "$WORK"
fi
exit 0
