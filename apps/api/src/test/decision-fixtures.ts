/**
 * Fixtures of the decision chain's tests (GRALM, CAEN, rectors, BOEN, labels): candidatures written
 * straight to the tables in the state the chain starts from (audit report submitted on a given day),
 * published labels, session cookies for the HTTP routes and the text of a PDF (poppler's pdftotext).
 */
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { Workbook } from "exceljs";
import {
  CURRENT_REFERENTIAL_VERSION,
  labelTerms,
  type CandidatureState,
  type IsoDate,
  type LabelStatus,
} from "@ldm/domain";
import type { DataSource } from "typeorm";
import {
  Candidature,
  CandidatureTransitionRecord,
  CoApplicant,
} from "../modules/candidature/candidature.entity";
import type { Establishment } from "../modules/establishment/establishment.entity";
import { SESSION_COOKIE } from "../modules/identity/auth.config";
import { openSession } from "../modules/identity/session.service";
import { Label } from "../modules/label/label.entity";
import { TEST_AUTH } from "./test-app";

/** Tables the decision chain writes (the audit trail included). */
export const DECISION_TABLES = [
  "candidature",
  "candidature_transition",
  "gralm_session",
  "gralm_session_item",
  "caen_opinion",
  "rector_decision",
  "label",
  "audit_log",
] as const;

/**
 * A candidature of `establishments` (the first leads; a network from two on) in `state`, its audit
 * report submitted on `reportOn` (its SUBMIT_REPORT step in the history).
 */
export async function reportedCandidature(
  ds: DataSource,
  establishments: readonly Establishment[],
  options: {
    reportOn: IsoDate;
    state?: CandidatureState;
    labelTitle?: string | null;
    auditDate?: IsoDate | null;
  },
): Promise<Candidature> {
  const repo = ds.getRepository(Candidature);
  const c = await repo.save(
    repo.create({
      kind: establishments.length > 1 ? "NETWORK" : "INDIVIDUAL",
      awardType: "FIRST_AWARD",
      state: options.state ?? "REPORT_SUBMITTED",
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle:
        options.labelTitle === undefined ? "de la maintenance navale" : options.labelTitle,
      auditDate: options.auditDate ?? null,
      publicationDate: null,
      submittedAt: new Date(),
      renewsCandidatureId: null,
    }),
  );
  const members = ds.getRepository(CoApplicant);
  for (const [index, e] of establishments.entries()) {
    await members.save(
      members.create({
        candidatureId: c.id,
        establishmentId: e.id,
        isLead: index === 0,
        createdAt: new Date(Date.now() - 1000 + index),
      }),
    );
  }
  const history = ds.getRepository(CandidatureTransitionRecord);
  await history.save(
    history.create({
      candidatureId: c.id,
      transition: "SUBMIT_REPORT",
      fromState: "AUDITED",
      toState: "REPORT_SUBMITTED",
      effectiveDate: options.reportOn,
      comment: "Rapport d'audit remis.",
    }),
  );
  return c;
}

/** A label of `establishment` written directly (as a past BOEN publication left it). */
export async function insertLabel(
  ds: DataSource,
  establishment: Establishment,
  options: { publishedOn: IsoDate; status?: LabelStatus; title?: string; state?: CandidatureState },
): Promise<Label> {
  const c = await reportedCandidature(ds, [establishment], {
    reportOn: options.publishedOn,
    state: options.state ?? "LABELLED",
    labelTitle: options.title ?? "de la mer",
  });
  await ds
    .getRepository(Candidature)
    .update({ id: c.id }, { publicationDate: options.publishedOn });
  const repo = ds.getRepository(Label);
  return repo.save(
    repo.create({
      candidatureId: c.id,
      establishmentId: establishment.id,
      ...labelTerms(options.title ?? "de la mer", options.publishedOn),
      status: options.status ?? "CURRENT",
      boenReference: null,
    }),
  );
}

/** `Cookie` header of a fresh session of `userId`, signed as cookie-parser expects. */
export async function sessionCookieFor(ds: DataSource, userId: string): Promise<string> {
  const { token } = await openSession(ds, TEST_AUTH, userId, null);
  const signature = createHmac("sha256", TEST_AUTH.sessionSecret)
    .update(token)
    .digest("base64")
    .replace(/=+$/, "");
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${token}.${signature}`)}`;
}

/** The text of a PDF according to poppler's pdftotext, whitespace collapsed. */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-pdf-"));
  const file = path.join(dir, "lecture.pdf");
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"])
      .toString("utf8")
      .replace(/\s+/g, " ")
      .trim();
  } catch (error) {
    throw new Error(
      `pdftotext a échoué (installez poppler-utils) : ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An Excel workbook read back (exceljs) from the body of an HTTP response. */
export async function readWorkbook(response: Response): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.read(Readable.from([Buffer.from(await response.arrayBuffer())]));
  return workbook;
}
