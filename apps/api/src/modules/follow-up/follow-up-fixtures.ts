/**
 * Fixtures of the five years' tests: a labelled candidature (its complete dossier frozen at submission,
 * an old evidence among its pieces, one label per establishment published on a given day, commitments
 * taken at the audit), written straight to the tables.
 */
import { createHash } from "node:crypto";
import { addYears, labelTerms, type CandidatureKind, type IsoDate } from "@ldm/domain";
import { createContext } from "../../context";
import { preparedCandidature, type PreparedCandidature } from "../../test/preparation-fixtures";
import { insertUser } from "../../test/fixtures";
import { TEST_AUTH, type TestApp } from "../../test/test-app";
import { AuditCommitment } from "../assessment/assessment.entity";
import { Candidature } from "../candidature/candidature.entity";
import { freezeDossier } from "../dossier/dossier-snapshot";
import { Evidence, EvidenceRevision } from "../evidence/evidence.entity";
import { Label } from "../label/label.entity";
import { ReferentInspector } from "../preparation/preparation.entity";

export const LABEL_INTITULE = "de la mer et du littoral";

export interface LabelledCandidature extends PreparedCandidature {
  labels: Label[];
  commitments: AuditCommitment[];
  /** The lead's evidence dated 2019 (older than three school years). */
  oldEvidenceTitle: string;
}

/** A candidature LABELLED by a BOEN publication on `publishedOn`, its dossier frozen a year before. */
export async function labelledCandidature(
  app: TestApp,
  options: { kind?: CandidatureKind; publishedOn: IsoDate; freeze?: boolean },
): Promise<LabelledCandidature> {
  const ds = app.dataSource;
  const prepared = await preparedCandidature(app, {
    kind: options.kind ?? "INDIVIDUAL",
    state: "LABELLED",
    submittedOn: addYears(options.publishedOn, -1),
    leadVariant: "A",
  });
  const oldEvidenceTitle = "Convention de partenariat avec le port (2019)";
  const evidence = await ds.getRepository(Evidence).save({
    candidatureId: prepared.id,
    establishmentId: prepared.lead.establishment.id,
    title: oldEvidenceTitle,
    kind: "PARTNERSHIP_CONTRACT" as const,
    effectiveDate: "2019-10-01",
    criterionCodes: ["4"],
    currentRevision: 2,
  });
  for (const revision of [1, 2]) {
    await ds.getRepository(EvidenceRevision).save({
      evidenceId: evidence.id,
      revision,
      sha256: createHash("sha256").update(`convention ${revision}`).digest("hex"),
      fileName: `convention-v${revision}.pdf`,
      mediaType: "application/pdf",
      sizeBytes: 20_000 + revision,
      uploadedBy: prepared.lead.head.user.id,
    });
  }
  const c = await ds.getRepository(Candidature).findOneByOrFail({ id: prepared.id });
  await ds
    .getRepository(Candidature)
    .update({ id: c.id }, { publicationDate: options.publishedOn });
  if (options.freeze !== false) {
    const ctx = createContext(ds, TEST_AUTH, { viewer: app.drafpic, events: app.server.events });
    await ctx.transaction((tx) => freezeDossier(tx, c, c.submittedAt!));
  }
  const labels: Label[] = [];
  for (const m of prepared.members) {
    labels.push(
      await ds.getRepository(Label).save({
        candidatureId: c.id,
        establishmentId: m.establishment.id,
        ...labelTerms(LABEL_INTITULE, options.publishedOn),
        status: "CURRENT" as const,
        boenReference: null,
      }),
    );
  }
  const commitments: AuditCommitment[] = [];
  for (const [description, dueOn, establishmentId] of [
    [
      "Formaliser le plan d'ouverture internationale",
      addYears(options.publishedOn, 1),
      prepared.lead.establishment.id,
    ],
    [
      "Exploiter les indicateurs de décrochage chaque trimestre",
      addYears(options.publishedOn, 2),
      prepared.lead.establishment.id,
    ],
    [
      "Ouvrir une section d'apprentis en maintenance navale",
      addYears(options.publishedOn, 3),
      null,
    ],
  ] as const) {
    commitments.push(
      await ds.getRepository(AuditCommitment).save({
        candidatureId: c.id,
        establishmentId,
        criterionCode: null,
        description,
        owner: "Proviseure adjointe",
        dueOn,
        improvementAreaId: null,
        removedAt: null,
        updatedBy: null,
      }),
    );
  }
  return { ...prepared, labels, commitments, oldEvidenceTitle };
}

/** Designates an inspector's account as the inspecteur référent of an establishment. */
export async function referentOf(app: TestApp, establishmentId: string, fullName: string) {
  const inspector = await insertUser(app.dataSource, {
    role: "AUDITOR",
    auditorProfile: "INSPECTOR",
    fullName,
  });
  await app.dataSource.getRepository(ReferentInspector).save({
    establishmentId,
    userId: inspector.user.id,
    fullName: null,
    email: null,
  });
  return inspector;
}
