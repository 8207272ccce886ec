/**
 * The e2e server, shared between the global setup and teardown (they run in jest's parent process,
 * in the same global scope), and its URL shared with the tests through the environment.
 */
import type { ChildProcess } from "node:child_process";

export const E2E_URL_ENV = "LDM_E2E_URL";

export interface E2eServer {
  child: ChildProcess;
  stderr(): string;
  /** The run's copy of the built portal, removed after the server. */
  portalCopy: string;
}

const KEY = "__LDM_E2E_SERVER__";

export function setE2eServer(server: E2eServer): void {
  (globalThis as Record<string, unknown>)[KEY] = server;
}

export function takeE2eServer(): E2eServer | undefined {
  const holder = globalThis as Record<string, unknown>;
  const server = holder[KEY] as E2eServer | undefined;
  delete holder[KEY];
  return server;
}

/** The base URL of the portal and the API (`http://127.0.0.1:PORT`), set by the global setup. */
export function baseUrl(): string {
  const url = process.env[E2E_URL_ENV];
  if (!url) throw new Error(`${E2E_URL_ENV} absent : lancez ces tests par \`pnpm test:e2e\`.`);
  return url;
}
