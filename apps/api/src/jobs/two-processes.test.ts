/**
 * Two real API processes (`node src/index.ts`, as `pnpm start` runs `dist/index.js`) on one database,
 * both working the job queue with the SMTP server of the test: the reminder scans run wherever pg-boss
 * hands them, and each reminder reaches the SMTP server exactly once. Both stop cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PgBoss } from "pg-boss";
import { addDays, CURRENT_REFERENTIAL_VERSION } from "@ldm/domain";
import { systemClock } from "../kernel/clock";
import { Candidature, CoApplicant } from "../modules/candidature/candidature.entity";
import { MailDelivery } from "../modules/notification/notification.entity";
import { insertEstablishment, insertUser } from "../test/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../test/smtp";
import { createTestApp, type TestApp } from "../test/test-app";
import { QUEUES } from "./job-queue";
import { JOBS_SCHEMA } from "./jobs";

const API_DIR = path.resolve(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface ApiProcess {
  name: string;
  child: ChildProcess;
  output: string[];
  /** Structured log lines of this process with this message. */
  logged(msg: string): Record<string, unknown>[];
  stop(): Promise<number | null>;
}

async function startApi(name: string, env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, ["-r", "./src/test/register-ts.cjs", "src/index.ts"], {
    cwd: API_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  let buffer = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      output.push(...lines);
      if (lines.some((l) => l.startsWith("API GraphQL prête"))) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => output.push(`[stderr] ${chunk.toString("utf8")}`));
    void exited.then((code) =>
      reject(new Error(`${name} s'est arrêté (code ${code}) :\n${output.join("\n")}`)),
    );
  });
  await ready;
  return {
    name,
    child,
    output,
    logged: (msg) =>
      output
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === msg),
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

describe("two API processes on one database", () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let storage: string;
  const processes: ApiProcess[] = [];
  let head: { email: string };

  beforeAll(async () => {
    app = await createTestApp();
    smtp = await startSmtpServer();
    storage = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-two-processes-"));
    // A submitted candidature audited in 7 days: the audit reminder (J-7) is due today for the head
    // and the regional team (the test database's DRAFPIC account).
    const establishment = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel Vauban",
    });
    head = (
      await insertUser(app.dataSource, {
        role: "SCHOOL_HEAD",
        establishmentId: establishment.id,
        email: "ce.vauban@ac-test.fr",
      })
    ).user;
    const c = await app.dataSource.getRepository(Candidature).save({
      kind: "INDIVIDUAL",
      awardType: "FIRST_AWARD",
      state: "SUBMITTED",
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle: "Métiers du bâtiment",
      auditDate: addDays(systemClock.today(), 7),
      publicationDate: null,
      submittedAt: new Date(),
      renewsCandidatureId: null,
    });
    await app.dataSource.getRepository(CoApplicant).save({
      candidatureId: c.id,
      establishmentId: establishment.id,
      isLead: true,
      optionalCriterionVariant: null,
      engagementLetterOn: null,
      boardMinutesOn: null,
      submissionApprovedAt: null,
      submissionApprovedBy: null,
    });
  }, 30_000);

  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) await p.stop();
    await smtp?.close();
    await app?.close();
    if (storage) fs.rmSync(storage, { recursive: true, force: true });
  });

  it("sends the reminder e-mail exactly once, and both stop cleanly", async () => {
    const url = (app.dataSource.options as { url: string }).url;
    const env = (port: number): Record<string, string> => ({
      DATABASE_URL: url,
      HOST: "127.0.0.1",
      PORT: String(port),
      SEED_ON_START: "false",
      SESSION_SECRET: "secret-des-deux-processus-de-test",
      STORAGE_DIR: storage,
      SMTP_URL: smtp.url,
      MAIL_FROM: "Label LdM <ne-pas-repondre@ldm.test>",
      PUBLIC_URL: "https://label.example.fr",
      LOG_LEVEL: "info",
      DB_POOL_SIZE: "4",
    });
    processes.push(
      ...(await Promise.all([
        startApi("api-1", env(await freePort())),
        startApi("api-2", env(await freePort())),
      ])),
    );

    // Four scans, one after the other, taken by whichever process fetches them first.
    const client = new PgBoss({
      connectionString: url,
      schema: JOBS_SCHEMA,
      supervise: false,
      schedule: false,
      max: 2,
    });
    await client.start();
    try {
      for (let scan = 1; scan <= 4; scan++) {
        let id: string | null = null;
        while (id === null) {
          id = await client.send(QUEUES.reminderScan, {});
          if (id === null) await new Promise((r) => setTimeout(r, 200));
        }
        for (;;) {
          const [job] = await client.findJobs(QUEUES.reminderScan, { id });
          if (job?.state === "completed") break;
          if (job?.state === "failed")
            throw new Error(`balayage en échec : ${JSON.stringify(job.output)}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      await client.stop();
    }

    const received = await smtp.waitFor(2, 20_000);
    await new Promise((r) => setTimeout(r, 4000)); // time for any duplicate
    expect(smtp.received).toHaveLength(2);
    expect(received.map((m) => m.to[0]).sort()).toEqual(
      ["drafpic.tests@region-academique-paca.fr", head.email].sort(),
    );
    for (const m of received) {
      expect(m.parsed.subject).toMatch(/^Rappel : journée d'audit le .* \(dans 7 jours\)$/);
    }
    const deliveries = await app.dataSource.getRepository(MailDelivery).find();
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ["SENT", 1],
      ["SENT", 1],
    ]);

    // Four scans sent by the test, and the one each process enqueues at start (unless one is waiting).
    const scans = processes.map((p) => p.logged("rappels : balayage des échéances"));
    expect(scans.flat().length).toBeGreaterThanOrEqual(5);
    expect(scans.flat().reduce((n, s) => n + (s.recorded as number), 0)).toBe(2);
    console.log(
      `Deux processus API : balayages ${processes.map((p, i) => `${p.name} ${scans[i]!.length}`).join(", ")} ; ${smtp.received.length} courriels reçus pour 2 rappels dus.`,
    );

    const codes = await Promise.all(processes.map((p) => p.stop()));
    expect(codes).toEqual([0, 0]);
    for (const p of processes) {
      expect(p.output).toContain("SIGTERM reçu : arrêt en cours…");
      expect(p.output.filter((l) => l.includes('"level":"error"'))).toEqual([]);
    }
  }, 120_000);
});
