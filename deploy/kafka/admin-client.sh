# Sourced by start-broker.sh and init.sh: writes the client settings of the super user admin (password in
# ADMIN_PASSWORD) to ADMIN_CONFIG, for the Kafka tools' --command-config. Readable by the container's user only.
ADMIN_CONFIG=/opt/kafka/config/admin.properties
(
  umask 077
  cat > "$ADMIN_CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$ADMIN_PASSWORD";
PROPERTIES
)
