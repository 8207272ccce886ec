/**
 * Test fixtures: a throw-away database cloned from the run's migrated template, the real schema and
 * server on it, and helpers to run operations in-process or over HTTP.
 */
import "reflect-metadata";
import type { AddressInfo } from "node:net";
import type { DataSource, Logger } from "typeorm";
import { adminQuery } from "../db/throw-away-database";
import { createDataSource } from "../db/data-source";
import { createContext } from "../context";
import { createServer, type AppServer } from "../server";
import type { AuthConfig } from "../modules/identity/auth.config";
import type { Viewer } from "@ldm/domain";
import { TEST_ENV } from "./test-env";
import type { JobQueue } from "../jobs/job-queue";
import type { Clock } from "../kernel/clock";

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; details?: Record<string, unknown> };
    path?: unknown;
  }[];
}

export interface TestApp {
  dataSource: DataSource;
  server: AppServer;
  /** Runs an operation in-process (Apollo's executeOperation) with a fresh context, as `viewer` (DRAFPIC by default). */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer | null,
  ): Promise<GraphQLResult<T>>;
  /** The context viewer of the test database's DRAFPIC account. */
  drafpic: Viewer;
  /** Base URL once `listen()` has been called. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} absent : les tests de l'API passent par le globalSetup de jest.`);
  return value;
}

let counter = 0;

/** Authentication settings of the tests (short limits so lock-outs are quick to reach). */
export const TEST_AUTH: AuthConfig = {
  sessionSecret: "test-secret-not-used-outside-tests",
  sessionIdleMinutes: 120,
  sessionAbsoluteHours: 12,
  loginMaxFailuresPerAccount: 5,
  loginMaxFailuresPerIp: 20,
  loginLockMinutes: 15,
  apiTokenMaxDays: 365,
};

export async function createTestApp(
  options: {
    logger?: Logger;
    auth?: Partial<AuthConfig>;
    /** The job queue the after-commit handlers enqueue into (see `forwardingQueue`). */
    jobs?: JobQueue | null;
    /** The clock of the server's requests. */
    clock?: Clock;
  } = {},
): Promise<TestApp> {
  const template = env(TEST_ENV.template);
  const name = `${template.replace("_tpl_", "_")}_${process.pid}_${++counter}`;
  await adminQuery(env(TEST_ENV.adminUrl), `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const dataSource = createDataSource({
    url: env(TEST_ENV.urlPattern).replace("__DB__", name),
    poolSize: 5,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await dataSource.initialize();
  const auth = { ...TEST_AUTH, ...options.auth };
  const server = await createServer(dataSource, auth, {
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const [admin] = (await dataSource.query(
    "INSERT INTO app_user (email, full_name, role) VALUES ('drafpic.tests@region-academique-paca.fr', 'DRAFPIC des tests', 'DRAFPIC') RETURNING id",
  )) as { id: string }[];
  const drafpic: Viewer = {
    userId: admin!.id,
    role: "DRAFPIC",
    establishmentId: null,
    readOnly: false,
  };
  let listening = false;
  return {
    dataSource,
    server,
    drafpic,
    async execute<T>(
      query: string,
      variables?: Record<string, unknown>,
      viewer: Viewer | null = drafpic,
    ) {
      const response = await server.apollo.executeOperation(
        { query, variables },
        {
          contextValue: createContext(dataSource, auth, {
            viewer,
            ip: "192.0.2.1",
            events: server.events,
            ...(options.clock ? { clock: options.clock } : {}),
          }),
        },
      );
      if (response.body.kind !== "single") throw new Error("Réponse incrémentale inattendue");
      return response.body.singleResult as GraphQLResult<T>;
    },
    async listen() {
      if (!listening) {
        await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
        listening = true;
      }
      const { port } = server.httpServer.address() as AddressInfo;
      return `http://127.0.0.1:${port}`;
    },
    async close() {
      await server.stop();
      if (listening) await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await dataSource.destroy();
      await adminQuery(env(TEST_ENV.adminUrl), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Returns the data of a successful result, failing the test with the errors otherwise. */
export function ok<T>(result: GraphQLResult<T>): T {
  if (result.errors && result.errors.length > 0) {
    throw new Error(`Erreurs GraphQL inattendues : ${JSON.stringify(result.errors, null, 2)}`);
  }
  if (!result.data) throw new Error("Réponse sans données");
  return result.data;
}

/** Returns the single error of a refused operation. */
export function refused(result: GraphQLResult): {
  code: string | undefined;
  message: string;
  details?: Record<string, unknown>;
} {
  if (!result.errors || result.errors.length === 0) {
    throw new Error(`Refus attendu, succès obtenu : ${JSON.stringify(result.data)}`);
  }
  const [error] = result.errors;
  return {
    code: error?.extensions?.code,
    message: error?.message ?? "",
    details: error?.extensions?.details,
  };
}
