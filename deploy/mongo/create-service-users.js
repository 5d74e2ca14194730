// Runs once, when the MongoDB container initialises an empty data directory (docker-entrypoint-initdb.d).
// Each service gets a user of its own, with readWrite on its own database only; the passwords come from the
// environment that docker-compose.yml passes in, and no service ever connects as root.
const services = {
  campaign: ["alcance-campaign", process.env.CAMPAIGN_MONGO_PASSWORD],
  training: ["alcance-training", process.env.TRAINING_MONGO_PASSWORD],
  reporting: ["alcance-reporting", process.env.REPORTING_MONGO_PASSWORD],
};
for (const [user, [database, password]] of Object.entries(services)) {
  if (!password) {
    throw new Error("no password for the MongoDB user " + user);
  }
  db.getSiblingDB(database).createUser({ user, pwd: password, roles: [{ role: "readWrite", db: database }] });
}
