import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./bootstrap";
import { REPOSITORY_ROOT } from "./env";
import { createServer } from "./server";
import { LocalFileStorage } from "./storage/local-file-storage";
import { seedDemoData } from "./seed/seed";
import { createJobs } from "./jobs/jobs";
import { createMailer } from "./mail/mailer";

/** The portals, when built (`pnpm start` builds them), each at its path; the most specific first. */
const PORTALS = [
  {
    name: "Portail des auditeurs et de l'équipe régionale",
    path: "/auditeurs",
    dir: path.join(REPOSITORY_ROOT, "apps", "auditor-web", "dist"),
    build: "pnpm --filter @ldm/auditor-web build",
  },
  {
    name: "Portail des établissements",
    path: "/",
    dir: path.join(REPOSITORY_ROOT, "apps", "school-web", "dist"),
    build: "pnpm --filter @ldm/school-web build",
  },
];

/** The longest a shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const db = await openDatabase();
  const storage = new LocalFileStorage(db.env.storageDir);
  if (db.env.seedOnStart) {
    const seeded = await seedDemoData(db.dataSource, db.auth, storage);
    if (seeded) console.log("Données de démonstration chargées.");
  }
  const built = PORTALS.filter((p) => fs.existsSync(path.join(p.dir, "index.html")));
  const mailer = createMailer({ smtp: db.env.smtp, from: db.env.mailFrom });
  if (mailer.transport === "log") {
    console.log(
      "Aucun serveur SMTP configuré (SMTP_URL ou SMTP_HOST) : les courriels sont journalisés, non envoyés.",
    );
  }
  const jobs = createJobs(db.dataSource, {
    mailer,
    publicUrl: db.env.publicUrl,
    workers: db.env.jobWorkers,
    reminderScanCron: db.env.reminderScanCron,
    scanAtStart: true,
    passwordResetTtlMinutes: db.env.passwordResetTtlMinutes,
  });
  await jobs.start();
  const server = await createServer(db.dataSource, db.auth, {
    jobs,
    trustProxy: db.env.trustProxy,
    storage,
    maxUploadBytes: db.env.maxUploadBytes,
    staticSites: built.map((p) => ({ path: p.path, dir: p.dir })),
  });
  await new Promise<void>((resolve) => server.httpServer.listen(db.env.port, db.env.host, resolve));
  console.log(`API GraphQL prête : http://${db.env.host}:${db.env.port}/graphql`);
  for (const portal of [...PORTALS].reverse()) {
    if (built.includes(portal)) {
      const url = `http://${db.env.host}:${db.env.port}${portal.path.replace(/\/?$/, "/")}`;
      console.log(`${portal.name} : ${url}`);
    } else {
      console.log(`${portal.name} non construit (${portal.build}) : non servi.`);
    }
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} reçu : arrêt en cours…`);
    // In order: stop accepting and finish the requests in flight, stop the jobs, close the pool (and
    // the embedded PostgreSQL). Bounded: a step that hangs must not keep the process alive.
    const forced = setTimeout(() => {
      console.error(`Arrêt forcé après ${SHUTDOWN_TIMEOUT_MS / 1000} s.`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    const step = async (what: string, run: () => Promise<void>) => {
      const started = Date.now();
      await run();
      console.log(`Arrêt : ${what} (${Date.now() - started} ms).`);
    };
    await step("serveur HTTP arrêté", () => server.stop());
    await step("tâches arrêtées", () => jobs.stop());
    await step("base de données fermée", () => db.close());
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
