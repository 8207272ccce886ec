/**
 * Builds the HTTP application (Express 5 + Apollo Server 5) without listening, so that tests drive it
 * in-process; only `index.ts` listens.
 */
import http from "node:http";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { DataSource } from "typeorm";
import { createContext, type RequestContext } from "./context";
import { formatError } from "./common/errors";
import { buildAppSchema } from "./schema";

export interface AppServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** Stops Apollo (draining the HTTP server when it listens). */
  stop(): Promise<void>;
}

export async function createApolloServer(
  httpServer?: http.Server,
): Promise<ApolloServer<RequestContext>> {
  const schema = await buildAppSchema();
  return new ApolloServer<RequestContext>({
    schema,
    formatError,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : [],
  });
}

export async function createServer(dataSource: DataSource): Promise<AppServer> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = await createApolloServer(httpServer);
  await apollo.start();
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    try {
      await dataSource.query("SELECT 1");
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable" });
    }
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => createContext(dataSource) }),
  );
  return { app, httpServer, apollo, stop: () => apollo.stop() };
}
