# Sourced by every fake command of CollectHostScriptTest: records the call, hangs when the test says so.
# SHIM_LOG: where calls are recorded; SHIM_HANG: the name of a command that never returns.
shim_tool=${0##*/}
printf '%s %s\n' "$shim_tool" "$*" >>"$SHIM_LOG"
if [ "${SHIM_HANG:-}" = "$shim_tool" ]; then
    exec sleep 300
fi
