#!/bin/sh
# Kiosk session for the branch's touchscreen kiosks (X11). Run it as the kiosk user's session (display
# manager autologin into this script) or from a systemd user unit with Restart=always.
#
# - Screen blanking, the screensaver and DPMS are switched off: a kiosk that went dark looks broken.
# - The kiosk app is restarted whenever it ends: a crash of the JVM, an out-of-memory kill, a kill by
#   IT over SSH (pkill would do). Only IT's "Exit the kiosk app" (after an IT sign-in checked by the agent)
#   ends the loop: that exit has status 0, every crash a non-zero status.
# - A bad value in kiosk.properties makes the app stop with status 2 and a message; the loop then waits
#   longer between tries so the log stays readable, and keeps trying (IT fixes the file over SSH).
#
# Settings: <state-dir>/kiosk.properties (written by the IT settings screen). Options given here win over
# that file, so pass only what must never change on this machine.
#
# Environment (all optional):
#   KIOSK_CMD        the kiosk launcher (default: /opt/branch-kiosk/bin/branch-kiosk, installed by the branch-kiosk package)
#   KIOSK_STATE_DIR  state directory (default: the app's default, ~/.local/state/hcc-branch/kiosk)
#   KIOSK_ARGS       extra options, e.g. "--csca /etc/hcc-branch/csca.pem"
#   KIOSK_RETRY_SECONDS  back-off step after a quick failure (default 5; at most 60 s between tries)

set -u

KIOSK_CMD="${KIOSK_CMD:-/opt/branch-kiosk/bin/branch-kiosk}"
STATE_ARGS=""
if [ -n "${KIOSK_STATE_DIR:-}" ]; then
    STATE_ARGS="--state-dir ${KIOSK_STATE_DIR}"
fi

screen_always_on() {
    if command -v xset >/dev/null 2>&1 && [ -n "${DISPLAY:-}" ]; then
        xset s off      # no screensaver
        xset s noblank  # no blanking
        xset -dpms      # no monitor power saving
    fi
}

screen_always_on
fails=0
while :; do
    started=$(date +%s)
    # shellcheck disable=SC2086 # the option strings are meant to split into words
    "$KIOSK_CMD" $STATE_ARGS ${KIOSK_ARGS:-}
    status=$?
    if [ "$status" -eq 0 ]; then
        echo "kiosk-session: IT closed the kiosk app; session ends" >&2
        exit 0
    fi
    ran=$(( $(date +%s) - started ))
    # Quick successive failures (bad settings, no display yet) back off up to a minute; a kiosk that ran
    # a while and then crashed comes back at once.
    if [ "$ran" -gt 60 ]; then fails=0; else fails=$((fails + 1)); fi
    delay=$((fails * ${KIOSK_RETRY_SECONDS:-5})); [ "$delay" -gt 60 ] && delay=60
    echo "kiosk-session: kiosk app ended with status $status after ${ran}s; restarting in ${delay}s" >&2
    sleep "$delay"
    screen_always_on  # a monitor swapped or a display server restart resets the X settings
done
