#!/bin/sh
# Entry point of the compose stack's Prometheus: imports kpi-sim's weekly OpenMetrics backfill once
# (promtool, one run per weekly file: far faster than one big file), then runs Prometheus with a retention
# longer than a quarter. kpi-sim writes /backfill/DONE when its files are complete, and compose starts this
# service only once kpi-sim is healthy, i.e. after that.
set -eu
data=/prometheus
if [ -f /backfill/DONE ] && [ ! -f "$data/.kpi-sim-backfilled" ]; then
  for file in /backfill/*.om; do
    echo "backfill: $file"
    promtool tsdb create-blocks-from openmetrics --max-block-duration=24h "$file" "$data" > /dev/null
  done
  touch "$data/.kpi-sim-backfilled"
fi
exec /bin/prometheus \
  --config.file=/etc/prometheus/prometheus.yml \
  --storage.tsdb.path="$data" \
  --storage.tsdb.retention.time=200d \
  "$@"
