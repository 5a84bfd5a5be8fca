# The legal log section of Benchmarks/run (issue 9), sourced by it: uses its variables and functions
# (RELAIS, WORK, CLIENT_MAC, start_relais, stop_relais, accept_run, say).
# 1. An export of LEGAL_ENTRIES entries of the last year (CSV and JSON): wall time and peak RSS.
# 2. LEGAL_ENTRIES entries past their year of retention, purged by the daemon's start-up purge while a
#    visitor accepts PURGE_ITERATIONS times: accept latency during the purge, the purge's duration.
# The entries are sealed by the real code (relais-bench-legal-fill, built with relais) with the box's key.
LEGAL_ENTRIES=${LEGAL_ENTRIES:-1000000}
PURGE_ITERATIONS=${PURGE_ITERATIONS:-300}
FILL="$(dirname "$RELAIS")/relais-bench-legal-fill"
[ -x "$FILL" ] || { echo "no $FILL: scripts/build-release builds it with relais" >&2; exit 1; }
legal_now=$(date +%s)
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

say "legal 1. export of $LEGAL_ENTRIES entries"
stop_relais
legal_start=$(date +%s%N)
"$FILL" "$WORK/relais.sqlite" "$WORK/keys" "$LEGAL_ENTRIES" $((legal_now - 300 * 86400)) $((legal_now - 2 * 86400)) >/dev/null
echo "$(( ($(date +%s%N) - legal_start) / 1000 ))e-6" >"$WORK/legal-fill.txt"
for format in csv json; do
    # Lines out, and among them the bench visitor's own entries (accept runs above) with their port block.
    /usr/bin/time -v -o "$WORK/legal-export-$format.time" \
        "$RELAIS" legal export --config "$WORK/relais.toml" --from "$(iso $((legal_now - 366 * 86400)))" --to "$(iso "$(date +%s)")" \
            --reference "benchmark" --format "$format" 2>"$WORK/legal-export-$format.err" \
        | awk -v mac="$CLIENT_MAC" 'index($0, mac) && index($0, "198.51.100.1") && index($0, "port-blocks") { v++ } END { print NR, v + 0 }' \
        >"$WORK/legal-export-$format.lines"
done

say "legal 2. purge of $LEGAL_ENTRIES expired entries while a visitor accepts $PURGE_ITERATIONS times"
"$FILL" "$WORK/relais.sqlite" "$WORK/keys" "$LEGAL_ENTRIES" $((legal_now - 430 * 86400)) $((legal_now - 400 * 86400)) >/dev/null
# Expired entries left, twice a second, until none (or 15 minutes): when the purge ran.
python3 - "$WORK/relais.sqlite" $(( (legal_now - 380 * 86400) / 3600 )) >"$WORK/legal-purge-progress.txt" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=5)
deadline = time.time() + 900
while time.time() < deadline:
    left = db.execute("SELECT count(*) FROM legal_entry WHERE end_hour < ?", (int(sys.argv[2]),)).fetchone()[0]
    print(int(time.time() * 1000), left, flush=True)
    if left == 0: break
    time.sleep(0.5)
PY
LEGAL_SAMPLER_PID=$!
sleep 0.6
start_relais "$WORK/startup-legal-purge.txt"
ITERATIONS=$PURGE_ITERATIONS accept_run legalpurge
wait "$LEGAL_SAMPLER_PID" || true
python3 -c 'import sqlite3, sys; print(sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True).execute("PRAGMA integrity_check").fetchone()[0])' \
    "$WORK/relais.sqlite" >"$WORK/legal-integrity.txt"
