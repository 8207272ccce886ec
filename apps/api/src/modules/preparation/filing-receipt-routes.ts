/**
 * The proof of filing over authenticated HTTP, beside the dossier's exports:
 *   GET /exports/candidatures/:id/accuse-de-depot.pdf
 * Whoever may read the candidature may download it (its heads and staff, DRAFPIC, analysts, its
 * assigned auditors): it lists what the frozen dossier already shows them, without personal data.
 * Callers authenticate like GraphQL (session cookie or read-only API token); a candidature the caller
 * may not read answers 404 exactly like a missing one; a dossier not yet submitted answers 409.
 */
import cookieParser from "cookie-parser";
import express from "express";
import { canReadCandidature } from "@ldm/domain";
import { contextOfRequest, type HttpDeps } from "../../http/request-context";
import { authorizeVisible, requireViewer } from "../../common/authz";
import { notFound, sendErrorAnswer } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { log } from "../../common/logger";
import { Candidature } from "../candidature/candidature.entity";
import { loadAccessFacts } from "../candidature/candidature.gate";
import { loadDossierExport } from "../export/dossier-export";
import { assertFiled, FILING_RECEIPT_FILE, writeFilingReceiptPdf } from "./filing-receipt-pdf";

/** Mounts the proof-of-filing route (before the export routes, whose router answers 404 to the rest). */
export function mountFilingReceiptRoutes(app: express.Express, deps: HttpDeps): void {
  const router = express.Router();
  router.use(cookieParser(deps.auth.sessionSecret));
  router.get(
    `/candidatures/:id/${FILING_RECEIPT_FILE}`,
    async (req: express.Request<{ id: string }>, res: express.Response): Promise<void> => {
      const id = req.params.id;
      const context: Record<string, unknown> = { candidatureId: id, format: "accusé de dépôt" };
      try {
        const ctx = await contextOfRequest(deps, req, res);
        const viewer = requireViewer(ctx);
        context.userId = viewer.userId;
        ctx.operation = "exportFilingReceipt";
        assertUuidOrNotFound("La candidature", id);
        const dossier = await deps.dataSource.transaction("REPEATABLE READ", async (manager) => {
          const c = await manager.getRepository(Candidature).findOneBy({ id });
          if (!c) throw notFound("La candidature", id);
          const { facts } = await loadAccessFacts(manager, c);
          await authorizeVisible(ctx, canReadCandidature(viewer, facts), "La candidature", id);
          // No personal data on the receipt: pilots' names are not loaded.
          return loadDossierExport(manager, id, { personalData: false, now: ctx.clock.now() });
        });
        assertFiled(dossier);
        const slug = (dossier.members.find((m) => m.isLead)?.uai ?? dossier.candidature.id).replace(
          /[^A-Za-z0-9-]/g,
          "",
        );
        res.status(200);
        res.attachment(`accuse-de-depot-${slug}.pdf`);
        res.setHeader("Content-Type", "application/pdf");
        res.setHeader("Cache-Control", "private, no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        log("info", "accusé de dépôt", context);
        await writeFilingReceiptPdf(dossier, res);
      } catch (error) {
        if (res.headersSent) {
          log("error", "accusé de dépôt interrompu", {
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
