#!/usr/bin/env bash
# Build the image with podman and smoke-test it for real: `--version`, the image's own
# HEALTHCHECK, and `run` against a loopback news site (read-only root filesystem, data in
# a volume), then `podman stop` (SIGTERM) must exit 0 with the alert written.
#
# Manual, not part of `make test`: needs root, podman, runc, debootstrap and the package
# registries (about 1-2 minutes the first time). From the repository root:
#   apt-get install -y podman runc debootstrap && deploy/smoke-podman.sh
# No registry image is pulled: the base image is built from Debian packages (DESIGN.md,
# "Known pitfalls"); set BASE=python:3.11-slim where pulling works. EXTRA_PACKAGES replaces
# the Dockerfile's build argument of that name (extra pip requirements).
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${WORK:-/tmp/defwatch-smoke}
BASE=${BASE:-localhost/bookworm-py}
IMAGE=${IMAGE:-localhost/defwatch:smoke}
PY=${PY:-.venv/bin/python}
mkdir -p "$WORK"
printf '[containers]\ndefault_ulimits = []\n' > "$WORK/containers.conf"  # no setrlimit here
export CONTAINERS_CONF="$WORK/containers.conf"
pod() { podman --runtime runc "$@"; }
step() { printf '\n== %s\n' "$*"; }

if [[ "$BASE" == localhost/bookworm-py ]] && ! pod image exists "$BASE"; then
  step "base image $BASE from Debian packages"
  rm -rf "$WORK/rootfs"
  debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm \
    "$WORK/rootfs" > "$WORK/debootstrap.log"
  tar -C "$WORK/rootfs" -c . | pod import - "$BASE"
fi

step "build $IMAGE"
started=$(date +%s)
pod build --format docker --network=host \
  --volume /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro \
  --env PIP_CERT=/etc/ssl/certs/ca-certificates.crt --build-arg BASE="$BASE" \
  ${EXTRA_PACKAGES:+--build-arg "EXTRA_PACKAGES=$EXTRA_PACKAGES"} \
  --ignorefile deploy/Dockerfile.dockerignore -t "$IMAGE" -f deploy/Dockerfile .
echo "built in $(( $(date +%s) - started ))s"

step "defwatch --version, as the image's user"
pod run --rm "$IMAGE" --version
pod run --rm --entrypoint id "$IMAGE"

step "a loopback news site and a config for it"
site_port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The image's HEALTHCHECK asks port 8787, so the service listens there (host network).
http_port=8787
"$PY" -c 'import socket; socket.create_server(("127.0.0.1", 8787)).close()' \
  || { echo "port 8787 is in use: stop what holds it first" >&2; exit 1; }
rm -rf "$WORK/site" "$WORK/conf" "$WORK/data"
mkdir -p "$WORK/site/news" "$WORK/conf" "$WORK/data"
"$PY" - "$WORK/site" "$site_port" <<'EOF'
import sys
from pathlib import Path
from tests.ops.fixtures import ARTICLES, page
root, port = Path(sys.argv[1]), sys.argv[2]
items = []
for i, (path, (title, published, body)) in enumerate(ARTICLES.items()):
    (root / path.lstrip("/")).write_text(page(title, published, body), encoding="utf-8")
    items.append(f"<item><title>{title}</title><link>http://127.0.0.1:{port}{path}</link>"
                 f"<guid isPermaLink='false'>loop-{i}</guid><pubDate>{published}</pubDate></item>")
(root / "feed.xml").write_text("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'>"
                               f"<channel><title>Loopback</title>{''.join(items)}</channel></rss>")
EOF
"$PY" -m http.server "$site_port" --bind 127.0.0.1 --directory "$WORK/site" \
  > "$WORK/site.log" 2>&1 &
site_pid=$!
cleanup() {
  local code=$?
  if (( code != 0 )); then pod logs defwatch-smoke 2>&1 | tail -n 30 || true; fi
  kill "$site_pid" 2>/dev/null || true
  pod rm -f defwatch-smoke > /dev/null 2>&1 || true
  exit "$code"
}
trap cleanup EXIT
cat > "$WORK/conf/defwatch.yaml" <<EOF
database: sqlite:////var/lib/defwatch/defwatch.db
rules: /app/rules
sources:
  - {id: loop-news, kind: rss, url: "http://127.0.0.1:$site_port/feed.xml", interval: 10m}
channels: [console, "jsonl:/var/lib/defwatch/alerts.jsonl"]
fetch: {per_host_delay: 0s, allow_private: true}
http: {listen: "127.0.0.1:$http_port"}
EOF
chown 10001:10001 "$WORK/data"

step "defwatch run (read-only root, config and data as volumes)"
pod run -d --name defwatch-smoke --network=host --read-only --tmpfs /tmp \
  --security-opt no-new-privileges --cap-drop ALL \
  -v "$WORK/conf:/etc/defwatch:ro" -v "$WORK/data:/var/lib/defwatch" "$IMAGE"
"$PY" - "$http_port" "$WORK/data/alerts.jsonl" <<'EOF'
import sys, time, urllib.request
from pathlib import Path
port, alerts = sys.argv[1], Path(sys.argv[2])
deadline = time.monotonic() + 90
def get(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
            return r.status, r.read().decode()
    except OSError as exc:
        return None, str(exc)
while time.monotonic() < deadline:
    ready, body = get("/readyz")
    if ready == 200 and alerts.exists() and alerts.read_text().strip():
        break
    time.sleep(1)
else:
    sys.exit(f"not ready with an alert in time: {ready} {body}")
print("healthz:", *get("/healthz"))
print("readyz: ", *get("/readyz"))
metrics = get("/metrics")[1]
print("\n".join(l for l in metrics.splitlines() if l.startswith(
    ("defwatch_polls_total", "defwatch_alerts_total", "defwatch_deliveries_total"))))
print("alert:", alerts.read_text()[:160], "...")
EOF

step "the image's HEALTHCHECK command, inside the container"
pod healthcheck run defwatch-smoke && echo "healthcheck: healthy"

step "podman stop (SIGTERM) exits 0"
pod stop -t 30 defwatch-smoke > /dev/null
code=$(pod inspect --format '{{.State.ExitCode}}' defwatch-smoke)
pod logs defwatch-smoke 2>&1 | tail -n 4
echo "exit code: $code"
[[ "$code" == 0 ]]

step "defwatch status on the same volumes"
pod run --rm --network=host -v "$WORK/conf:/etc/defwatch:ro" -v "$WORK/data:/var/lib/defwatch" \
  "$IMAGE" status
echo; echo "smoke test passed"
