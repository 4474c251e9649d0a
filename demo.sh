#!/usr/bin/env bash
# Starts the whole branch demo on this machine: the agent on a new SQLite file with a seeded demo
# branch, a kiosk window, a counter window, and the hall screen URL. Builds first if needed.
# Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
PORT=${DEMO_PORT:-8470}
DATA="$ROOT/demo-data"

# The same JDK discovery, build check and JVM options as the launchers in bin/.
source "$ROOT/bin/lib/launch.sh"
JAVA=$(branch_find_java)
branch_ensure_built sync-agent/demo/target/lib kiosk-app/target/lib counter-app/target/lib

mkdir -p "$DATA"
rm -rf "$DATA"/kiosk "$DATA"/counter
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# The demo's own parts (demo branch, city simulator, card emulator, virtual printer, simulated scanner)
# come from the testkit and the agent-demo module, which no installed package contains.
DEMO_CP="$(branch_class_path sync-agent/demo)"
TESTKIT_JAR=$(ls "$ROOT"/sync-agent/demo/target/lib/testkit-*.jar | head -1)
JOPTS=("${BRANCH_COMMON_OPTS[@]}")

# The city simulator (HTTPS with a TEST certificate), so the demo agent syncs as a branch would:
# what the branch sent is at https://127.0.0.1:8471/sim/events/HN-CN01. DEMO_CITY=0 leaves it out.
CITY_PORT=${DEMO_CITY_PORT:-8471}
CITY_ENV=()
if [ "${DEMO_CITY:-1}" != 0 ]; then
  rm -rf "$DATA/city"
  mkdir -p "$DATA/city"
  (umask 077; head -c 24 /dev/urandom | base64 > "$DATA/city/HN-CN01.secret")
  "$JAVA" "${JOPTS[@]}" -cp "$DEMO_CP" vn.hanoi.branch.demo.DemoMain city-sim \
    --data "$DATA/city" --port "$CITY_PORT" --client "HN-CN01:$DATA/city/HN-CN01.secret" >"$DATA/city/sim.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do grep -q "City simulator:" "$DATA/city/sim.log" 2>/dev/null && break; sleep 0.2; done
  CITY_ENV=(BRANCH_AGENT_CITY_URL="https://127.0.0.1:$CITY_PORT" BRANCH_AGENT_CITY_CA_FILE="$DATA/city/city-ca.pem"
    BRANCH_AGENT_CITY_CLIENT_SECRET_FILE="$DATA/city/HN-CN01.secret")
  echo "City simulator: https://127.0.0.1:$CITY_PORT (received events: /sim/events/HN-CN01; log: $DATA/city/sim.log)"
fi

# The demo creates its database and refuses one that exists: the previous demo run's goes first.
rm -f "$DATA/branch.db" "$DATA/branch.db-wal" "$DATA/branch.db-shm"
env "${CITY_ENV[@]}" "$JAVA" "${JOPTS[@]}" -cp "$DEMO_CP" vn.hanoi.branch.demo.DemoMain demo \
  --db "$DATA/branch.db" --port "$PORT" --codes "$DATA/codes.properties" ${DEMO_SIMULATE:+--simulate} &
pids+=($!)

for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && [ -f "$DATA/codes.properties" ] && break
  sleep 0.2
done
code() { grep "^$1=" "$DATA/codes.properties" | cut -d= -f2; }

# Simulated identity devices for the kiosk: a 2D scanner in serial mode on a socat pty pair, and a
# made-up citizen's chip card in pcscd's virtual reader (vsmartcard-vpcd), both driven by the
# testkit's card emulator. "echo next > demo-data/card.ctl" presents the next made-up citizen (card and QR).
KIOSK_DEVICES=(--card-reader none)
CARD_CTL=
if command -v socat >/dev/null 2>&1; then
  mkdir -p "$DATA/scanner"
  rm -f "$DATA/scanner/kiosk" "$DATA/scanner/device"
  socat pty,raw,echo=0,link="$DATA/scanner/kiosk" pty,raw,echo=0,link="$DATA/scanner/device" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 1 50); do [ -e "$DATA/scanner/kiosk" ] && [ -e "$DATA/scanner/device" ] && break; sleep 0.1; done
  KIOSK_DEVICES=(--scanner-port "$DATA/scanner/kiosk" --card-reader none)
  if [ -f /etc/reader.conf.d/vpcd ]; then
    if ! pgrep -x pcscd >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      pcscd --foreground >/dev/null 2>&1 &
      pids+=($!)
      sleep 1
    fi
  fi
  CARD_CTL="$DATA/card.ctl"
  rm -f "$CARD_CTL" "$DATA/csca.pem"
  mkfifo "$CARD_CTL"
  "$JAVA" "${JOPTS[@]}" -cp "$DEMO_CP" vn.hanoi.branch.testkit.card.CardEmulatorTool --start-removed \
    --commands "$CARD_CTL" --scanner "$DATA/scanner/device" --csca-out "$DATA/csca.pem" --seed "$RANDOM" \
    > "$DATA/card.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do [ -s "$DATA/csca.pem" ] && break; sleep 0.1; done
  if pgrep -x pcscd >/dev/null 2>&1; then
    KIOSK_DEVICES=(--scanner-port "$DATA/scanner/kiosk" --card-reader "Virtual PCD" --csca "$DATA/csca.pem")
  fi
fi

"$JAVA" "${BRANCH_KIOSK_OPTS[@]}" -cp "$(branch_class_path kiosk-app):$TESTKIT_JAR" vn.hanoi.branch.kiosk.KioskMain \
  --agent "http://127.0.0.1:$PORT" --pairing-code "$(code kiosk)" --state-dir "$DATA/kiosk" --windowed \
  "${KIOSK_DEVICES[@]}" &
pids+=($!)
"$JAVA" "${BRANCH_COUNTER_OPTS[@]}" -cp "$(branch_class_path counter-app):$TESTKIT_JAR" vn.hanoi.branch.counter.CounterMain \
  --agent "http://127.0.0.1:$PORT" --pairing-code "$(code counter)" --state-dir "$DATA/counter" --customer-window \
  --scanner sim &
pids+=($!)

HALL="http://127.0.0.1:$PORT/hall/?pair=$(code screen)"
echo
echo "Hall screen / Màn hình sảnh: $HALL"
echo "Counter login / Đăng nhập quầy: canbo1 with the password printed above"
if [ -n "$CARD_CTL" ]; then
  echo "Present a made-up citizen's ID card at the kiosk / Đưa thẻ căn cước của một công dân giả:"
  echo "  echo next > $CARD_CTL        (card log: $DATA/card.log)"
fi
echo "Press Ctrl+C to stop the demo."
command -v xdg-open >/dev/null 2>&1 && xdg-open "$HALL" >/dev/null 2>&1 || true
wait "${pids[0]}"
