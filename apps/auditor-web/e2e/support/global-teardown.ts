/** Stops the e2e server (SIGTERM: it drops its database and temporary directories), then waits. */
import fs from "node:fs";
import { takeE2eServer, type E2eServer } from "./server-handle";

const STOP_TIMEOUT_MS = 30_000;

export default async function globalTeardown(): Promise<void> {
  const server = takeE2eServer();
  if (!server) return;
  try {
    await stop(server);
  } finally {
    fs.rmSync(server.portalCopy, { recursive: true, force: true });
  }
  // The API logs its errors on stderr (none in a good run): shown, to explain a failed test.
  const errors = server.stderr().trim();
  if (errors !== "" && !process.env.E2E_VERBOSE) {
    process.stderr.write(
      `\nErreurs du serveur e2e pendant les tests :\n${errors.slice(-20_000)}\n`,
    );
  }
}

async function stop(server: E2eServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = new Promise<"timeout">((resolve) => {
    const t = setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS);
    t.unref();
  });
  if ((await Promise.race([exited, timer])) === "timeout") {
    process.stderr.write(
      `Le serveur e2e ne s'est pas arrêté en ${STOP_TIMEOUT_MS / 1000} s : arrêt forcé.\n${server.stderr()}`,
    );
    child.kill("SIGKILL");
    await exited;
  }
  child.stdin?.destroy();
}
