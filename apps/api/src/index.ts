import "reflect-metadata";
import { openDatabase } from "./bootstrap";
import { createServer } from "./server";
import { LocalFileStorage } from "./storage/local-file-storage";
import { seedDemoData } from "./seed/seed";

async function main(): Promise<void> {
  const db = await openDatabase();
  const storage = new LocalFileStorage(db.env.storageDir);
  if (db.env.seedOnStart) {
    const seeded = await seedDemoData(db.dataSource, db.auth, storage);
    if (seeded) console.log("Données de démonstration chargées.");
  }
  const server = await createServer(db.dataSource, db.auth, {
    trustProxy: db.env.trustProxy,
    storage,
    maxUploadBytes: db.env.maxUploadBytes,
  });
  await new Promise<void>((resolve) => server.httpServer.listen(db.env.port, db.env.host, resolve));
  console.log(`API GraphQL prête : http://${db.env.host}:${db.env.port}/graphql`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} reçu : arrêt en cours…`);
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
