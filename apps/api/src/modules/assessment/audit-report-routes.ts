/**
 * The audit report as a PDF over authenticated HTTP, beside the dossier's exports:
 *   GET /exports/candidatures/:id/audit-report.pdf
 * Who: DRAFPIC and the team's signed auditors at any time (a draft says so on every page); once the
 * report is final, also whoever reads the candidature (its establishments, analysts — without personal
 * data). A candidature the caller may not see answers 404 like a missing one; an unsigned auditor is
 * told to sign first (403); no report yet, or a draft asked by the school, answers 404.
 */
import cookieParser from "cookie-parser";
import express from "express";
import { canReadAuditReport, canReadCandidature, canReadPersonalData } from "@ldm/domain";
import { contextOfRequest, type HttpDeps } from "../../http/request-context";
import { requireViewer } from "../../common/authz";
import { AppError, sendErrorAnswer } from "../../common/errors";
import { log } from "../../common/logger";
import { readAudit } from "./audit-access";
import { loadAuditReportExport, writeAuditReportPdf } from "./audit-report-pdf";

/** The file name of the report (under /exports/candidatures/:id/). */
export const AUDIT_REPORT_FILE = "audit-report.pdf";

/** Mounts the report's route (before the export routes, whose router answers 404 to the rest). */
export function mountAuditReportRoutes(app: express.Express, deps: HttpDeps): void {
  const router = express.Router();
  router.use(cookieParser(deps.auth.sessionSecret));
  router.get(
    `/candidatures/:id/${AUDIT_REPORT_FILE}`,
    async (req: express.Request<{ id: string }>, res: express.Response): Promise<void> => {
      const id = req.params.id;
      const context: Record<string, unknown> = { candidatureId: id, format: "rapport d'audit" };
      try {
        const ctx = await contextOfRequest(deps, req, res);
        const viewer = requireViewer(ctx);
        context.userId = viewer.userId;
        ctx.operation = "exportAuditReport";
        const { facts, report } = await readAudit(
          ctx,
          id,
          (v, f, final) => canReadAuditReport(v, f, final) || canReadCandidature(v, f),
          "rapport d'audit",
        );
        if (!report || !canReadAuditReport(viewer, facts, report.status === "FINAL")) {
          throw new AppError(
            "NOT_FOUND",
            report
              ? "Le rapport d'audit n'est disponible qu'une fois finalisé par l'auditeur principal."
              : "Le rapport d'audit de cette candidature n'est pas encore commencé.",
            { id },
          );
        }
        const data = await deps.dataSource.transaction("REPEATABLE READ", (manager) =>
          loadAuditReportExport(manager, id, {
            personalData: canReadPersonalData(viewer),
            now: ctx.clock.now(),
          }),
        );
        const lead = data.members.find((m) => m.isLead) ?? data.members[0];
        const slug = (lead?.uai ?? id).replace(/[^A-Za-z0-9-]/g, "");
        res.status(200);
        res.attachment(`rapport-audit-${slug}.pdf`);
        res.setHeader("Content-Type", "application/pdf");
        res.setHeader("Cache-Control", "private, no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        log("info", "rapport d'audit", { ...context, status: report.status });
        await writeAuditReportPdf(data, res);
      } catch (error) {
        if (res.headersSent) {
          log("error", "rapport d'audit interrompu", {
            ...context,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          });
          res.destroy();
          return;
        }
        for (const header of ["Content-Type", "Content-Disposition", "Cache-Control"]) {
          res.removeHeader(header);
        }
        sendErrorAnswer(res, error, context);
      }
    },
  );
  app.use("/exports", router);
}
