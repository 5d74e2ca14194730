#!/usr/bin/env bash
# The broker's entry point: writes the SCRAM-SHA-512 users into the KRaft storage as it formats it, then runs the
# image's own start (/etc/kafka/docker/run), whose format finds the storage formatted and leaves it as it is.
#
# Why at format time and not with kafka-configs.sh after the start: in KRaft the credentials live in the metadata
# log, and admin must be there before the first SASL connection (the broker signs in to itself, the healthcheck and
# kafka-init as admin), which only `kafka-storage.sh format --add-scram` can arrange. With the services' users
# written there too, no service can start before its user exists, and it is one mechanism, the one local-stack's
# KafkaBroker.startWithScram uses. The price, as with MongoDB's users (deploy/mongo): the users are written on the
# first start only; a password changed in .env later needs kafka-configs.sh as well (docs/operations.md).
set -euo pipefail

. /opt/alcance/kafka/admin-client.sh # for the healthcheck

# server.properties as the image writes it from the KAFKA_* variables (kafka.docker.KafkaDockerWrapper: prefix
# dropped, lower case, _ to ., ___ to -, __ to _), so that the storage is formatted for the broker's own settings.
# The image's JVM variables (KAFKA_HEAP_OPTS and the like) would come out as unknown keys, which Kafka ignores.
broker_properties() {
  local name key
  for name in "${!KAFKA_@}"; do
    key=${name#KAFKA_}
    key=${key,,}
    key=${key//_/.}
    key=${key//.../-}
    key=${key//../_}
    printf '%s=%s\n' "$key" "${!name}"
  done
}

# --ignore-formatted: from the second start on the storage, and the users in it, stay as they are
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config <(broker_properties) \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$ADMIN_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=campaign-service,password=$CAMPAIGN_KAFKA_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=training-service,password=$TRAINING_KAFKA_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=reporting-service,password=$REPORTING_KAFKA_PASSWORD]"

exec /etc/kafka/docker/run
