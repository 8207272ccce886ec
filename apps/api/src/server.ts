/**
 * Builds the HTTP application (Express 5 + Apollo Server 5) without listening, so that tests drive it
 * in-process; only `index.ts` listens.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import express from "express";
import cookieParser from "cookie-parser";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import type { DataSource } from "typeorm";
import type { AppEventBus, RequestContext } from "./context";
import { createAppEventBus } from "./app-events";
import { contextOfRequest } from "./http/request-context";
import type { Clock } from "./kernel/clock";
import type { JobQueue } from "./jobs/job-queue";
import { errorAnswer, formatError } from "./common/errors";
import { mountExportRoutes } from "./modules/export/export-routes";
import { mountGralmExportRoutes } from "./modules/decision/decision-routes";
import { mountRegistryPage } from "./modules/label/registry-page";
import { mountFilingReceiptRoutes } from "./modules/preparation/filing-receipt-routes";
import { mountAuditReportRoutes } from "./modules/assessment/audit-report-routes";
import { buildAppSchema } from "./schema";
import type { AuthConfig } from "./modules/identity/auth.config";
import { mountFileRoutes } from "./modules/evidence/evidence-files";
import { mountDirectoryRoutes } from "./modules/directory/directory-routes";
import type { FileStorage } from "./storage/file-storage";
import { LocalFileStorage } from "./storage/local-file-storage";

export interface AppServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** The event bus every request of this server uses. */
  events: AppEventBus;
  /** Stops Apollo (draining the HTTP server when it listens). */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Express `trust proxy` (to read the client IP behind a reverse proxy). */
  trustProxy?: string | null;
  /** Where evidence files live; default: a temporary directory removed by `stop()` (the tests). */
  storage?: FileStorage;
  /** Largest accepted upload, in bytes (default 20 MiB). */
  maxUploadBytes?: number;
  /**
   * Built single-page applications to serve (e.g. the school portal at `/`): their files, and their
   * `index.html` for any other GET under `path` that is not an API route (client-side routing).
   */
  staticSites?: StaticSite[];
  /** The application's event bus (default: every module's handlers). */
  events?: AppEventBus;
  /** The clock of every request (default: the system's; tests and demos set "today"). */
  clock?: Clock;
  /**
   * The job queue the after-commit handlers enqueue into (`createJobs`, started and stopped by the
   * caller); without it, e-mails stay recorded until a process with a queue sweeps them.
   */
  jobs?: JobQueue | null;
}

export interface StaticSite {
  /** URL prefix, e.g. "/" or "/auditeurs". */
  path: string;
  /** Directory of the built site (holding `index.html`). */
  dir: string;
}

/** Routes of the API itself: never answered by a static site's fallback. */
const API_PATHS = ["/graphql", "/files", "/exports", "/health", "/ready", "/registre"];

function isApiPath(urlPath: string): boolean {
  return API_PATHS.some((p) => urlPath === p || urlPath.startsWith(`${p}/`));
}

/** Serves a built SPA: hashed assets cached for good, `index.html` revalidated, SPA fallback on GET. */
function mountStaticSite(app: express.Express, site: StaticSite): void {
  const base = `/${site.path.replace(/^\/+|\/+$/g, "")}`;
  const dir = path.resolve(site.dir);
  const indexFile = path.join(dir, "index.html");
  const securityHeaders = (res: express.Response) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
  };
  app.use(
    base,
    express.static(dir, {
      index: "index.html",
      setHeaders: (res, filePath) => {
        securityHeaders(res);
        const relative = path.relative(dir, filePath).split(path.sep);
        res.setHeader(
          "Cache-Control",
          relative[0] === "assets" ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    }),
  );
  app.use(base, (req, res, next) => {
    // Only page loads: not other methods, not the API, not a missing file (`/assets/x.js` stays a 404).
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (isApiPath(req.originalUrl.split("?")[0] ?? "")) return next();
    if (path.extname(req.path) !== "") return next();
    securityHeaders(res);
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexFile, (error) => {
      if (error) next(error);
    });
  });
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Counts the fields named `name` in a selection set, through inline fragments and fragment spreads. */
function countField(
  selectionSet: SelectionSetNode | undefined,
  name: string,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): number {
  if (!selectionSet) return 0;
  let count = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD && s.name.value === name) count++;
    else if (s.kind === Kind.INLINE_FRAGMENT)
      count += countField(s.selectionSet, name, fragments, seen);
    else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
      seen.add(s.name.value);
      count += countField(fragments.get(s.name.value)?.selectionSet, name, fragments, seen);
    }
  }
  return count;
}

/** One `login` per request: batching many aliased attempts in one document is refused outright. */
const SingleLoginPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document }) {
        const fragments = new Map(
          document.definitions
            .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
            .map((d) => [d.name.value, d]),
        );
        if (
          operation?.operation === "mutation" &&
          countField(operation.selectionSet, "login", fragments) > 1
        ) {
          throw new GraphQLError("Une seule tentative de connexion par requête.", {
            extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
          });
        }
      },
    };
  },
};

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
    // index.ts stops everything in order on SIGTERM / SIGINT (HTTP, jobs, database): Apollo must not
    // install its own signal handlers, which stop the server behind our back.
    stopOnTerminationSignals: false,
    plugins: [
      SingleLoginPlugin,
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
}

export async function createServer(
  dataSource: DataSource,
  auth: AuthConfig,
  options: ServerOptions = {},
): Promise<AppServer> {
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", options.trustProxy);
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
  let tmpStorageDir: string | null = null;
  let storage = options.storage;
  if (!storage) {
    tmpStorageDir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-files-"));
    storage = new LocalFileStorage(tmpStorageDir);
  }
  const deps = {
    dataSource,
    auth,
    storage,
    events: options.events ?? createAppEventBus({ jobs: options.jobs ?? null }),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  app.use(
    "/graphql",
    cookieParser(auth.sessionSecret),
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          return await contextOfRequest(deps, req, res);
        } catch (error) {
          // A refused API token answers 401; anything else (the database down…) is not a logout.
          const answer = errorAnswer(error, { where: "contexte de requête" });
          const unavailable = answer.code === "INTERNAL_SERVER_ERROR";
          throw new GraphQLError(
            unavailable
              ? "Service momentanément indisponible : réessayez dans un instant."
              : answer.message,
            {
              extensions: {
                code: unavailable ? "SERVICE_UNAVAILABLE" : answer.code,
                http: { status: unavailable ? 503 : answer.status },
              },
            },
          );
        }
      },
    }),
  );
  // Before the file routes, whose router answers 404 to any other /files path.
  mountDirectoryRoutes(app, deps);
  mountFileRoutes(app, {
    ...deps,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  });
  // Before the export routes, whose router answers 404 to any other /exports path.
  mountFilingReceiptRoutes(app, deps);
  mountAuditReportRoutes(app, deps);
  mountGralmExportRoutes(app, deps);
  mountExportRoutes(app, deps);
  mountRegistryPage(app, deps);
  // After the API's routes, so that they always win over a site's files and its fallback.
  for (const site of options.staticSites ?? []) mountStaticSite(app, site);
  return {
    app,
    httpServer,
    apollo,
    events: deps.events,
    stop: async () => {
      await apollo.stop();
      if (tmpStorageDir) await fs.promises.rm(tmpStorageDir, { recursive: true, force: true });
    },
  };
}
