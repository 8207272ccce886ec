import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./bootstrap";
import { REPOSITORY_ROOT } from "./env";
import { createServer } from "./server";
import { LocalFileStorage } from "./storage/local-file-storage";
import { seedDemoData } from "./seed/seed";

/** The school portal, when built (`pnpm start` builds it; `pnpm --filter @ldm/school-web build`). */
const SCHOOL_PORTAL_DIR = path.join(REPOSITORY_ROOT, "apps", "school-web", "dist");

async function main(): Promise<void> {
  const db = await openDatabase();
  const storage = new LocalFileStorage(db.env.storageDir);
  if (db.env.seedOnStart) {
    const seeded = await seedDemoData(db.dataSource, db.auth, storage);
    if (seeded) console.log("Données de démonstration chargées.");
  }
  const schoolPortal = fs.existsSync(path.join(SCHOOL_PORTAL_DIR, "index.html"));
  const server = await createServer(db.dataSource, db.auth, {
    trustProxy: db.env.trustProxy,
    storage,
    maxUploadBytes: db.env.maxUploadBytes,
    staticSites: schoolPortal ? [{ path: "/", dir: SCHOOL_PORTAL_DIR }] : [],
  });
  await new Promise<void>((resolve) => server.httpServer.listen(db.env.port, db.env.host, resolve));
  console.log(`API GraphQL prête : http://${db.env.host}:${db.env.port}/graphql`);
  if (schoolPortal) {
    console.log(`Portail des établissements : http://${db.env.host}:${db.env.port}/`);
  } else {
    console.log(
      "Portail des établissements non construit (pnpm --filter @ldm/school-web build) : non servi.",
    );
  }
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
