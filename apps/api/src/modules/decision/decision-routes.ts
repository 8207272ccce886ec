/**
 * The GRALM session's documents over HTTP, for the callers who read sessions (DRAFPIC, analysts —
 * without the members' names):
 * - GET /exports/gralm-sessions/:id/liste.xlsx — the list of its candidatures with recommendations;
 * - GET /exports/gralm-sessions/:id/proces-verbal.pdf — its minutes.
 * Mounted before the dossier exports (whose router answers 404 for anything else under /exports).
 */
import cookieParser from "cookie-parser";
import express from "express";
import { canReadGralmSessions, canReadPersonalData } from "@ldm/domain";
import { contextOfRequest, type HttpDeps } from "../../http/request-context";
import { authorize, requireViewer } from "../../common/authz";
import { sendErrorAnswer } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { log } from "../../common/logger";
import {
  gralmFileName,
  loadGralmSessionExport,
  writeGralmList,
  writeGralmMinutes,
} from "./gralm-export";

const MEDIA_TYPES = {
  liste: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "proces-verbal": "application/pdf",
} as const;

export const GRALM_EXPORTS_PATH = "/exports/gralm-sessions";

export function mountGralmExportRoutes(app: express.Express, deps: HttpDeps): void {
  const router = express.Router();
  router.use(cookieParser(deps.auth.sessionSecret));
  const handler =
    (what: "liste" | "proces-verbal") =>
    async (req: express.Request<{ id: string }>, res: express.Response): Promise<void> => {
      const context: Record<string, unknown> = { sessionId: req.params.id, what };
      try {
        const ctx = await contextOfRequest(deps, req, res);
        const viewer = requireViewer(ctx);
        ctx.operation = what === "liste" ? "exportGralmList" : "exportGralmMinutes";
        context.userId = viewer.userId;
        await authorize(ctx, canReadGralmSessions(viewer), "documents d'une session du GRALM");
        assertUuidOrNotFound("La session du GRALM", req.params.id);
        const data = await deps.dataSource.transaction("REPEATABLE READ", (manager) =>
          loadGralmSessionExport(manager, req.params.id, {
            personalData: canReadPersonalData(viewer),
            now: ctx.clock.now(),
          }),
        );
        res.status(200);
        res.attachment(gralmFileName(data, what));
        res.setHeader("Content-Type", MEDIA_TYPES[what]);
        res.setHeader("Cache-Control", "private, no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        log("info", "export d'une session du GRALM", context);
        if (what === "liste") await writeGralmList(data, res);
        else await writeGralmMinutes(data, res);
      } catch (error) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        for (const header of ["Content-Type", "Content-Disposition", "Cache-Control"]) {
          res.removeHeader(header);
        }
        sendErrorAnswer(res, error, context);
      }
    };
  router.get("/:id/liste.xlsx", handler("liste"));
  router.get("/:id/proces-verbal.pdf", handler("proces-verbal"));
  app.use(GRALM_EXPORTS_PATH, router);
}
