#!/usr/bin/env bash
# kafka-init (one-shot): creates the topics and grants the services' ACLs, signed in as the super user admin, then
# exits 0. Every step is idempotent (--if-not-exists; an ACL added again is the same ACL), so it runs on every start.
set -euo pipefail

. /opt/alcance/kafka/admin-client.sh
bin=/opt/kafka/bin
server=(--bootstrap-server kafka:9092 --command-config "$ADMIN_CONFIG")

topic() { # name, retention.ms
  "$bin/kafka-topics.sh" "${server[@]}" --create --if-not-exists --topic "$1" --partitions "$TOPIC_PARTITIONS" \
    --replication-factor 1 --config retention.ms="$2"
}
# the event topics keep every record (a replay rebuilds the figures from offset 0)
topic alcance.campaign.events.v1 -1
topic alcance.training.events.v1 -1
# records reporting-service could not apply, 30 days
topic alcance.reporting.dlt.v1 2592000000
# reporting replicas tell each other which read-model documents they wrote; a live signal only
topic alcance.reporting.changes.v1 3600000

# The ACLs of k8s/base/kafka/kafkausers.yaml (deploy-check's ComposeTest holds them equal). The broker allows
# nothing else: allow.everyone.if.no.acl.found is false.
acl() { "$bin/kafka-acls.sh" "${server[@]}" --add "$@"; }
acl --allow-principal User:campaign-service --topic alcance.campaign.events.v1 --operation Write --operation Describe
acl --allow-principal User:training-service --topic alcance.training.events.v1 --operation Write --operation Describe
# the reporting periods' steps, as group alcance-training-periods
acl --allow-principal User:training-service --topic alcance.campaign.events.v1 --operation Read --operation Describe
acl --allow-principal User:training-service --group alcance-training --resource-pattern-type prefixed \
  --operation Read --operation Describe
acl --allow-principal User:reporting-service --topic alcance.campaign.events.v1 --topic alcance.training.events.v1 \
  --operation Read --operation Describe
acl --allow-principal User:reporting-service --topic alcance.reporting.dlt.v1 --operation Write --operation Describe
acl --allow-principal User:reporting-service --topic alcance.reporting.changes.v1 \
  --operation Read --operation Write --operation Describe
# alcance-reporting (generation 1), alcance-reporting-gN (replays), alcance-reporting-changes-<replica>
acl --allow-principal User:reporting-service --group alcance-reporting --resource-pattern-type prefixed \
  --operation Read --operation Describe

"$bin/kafka-topics.sh" "${server[@]}" --describe --topic 'alcance\..*'
