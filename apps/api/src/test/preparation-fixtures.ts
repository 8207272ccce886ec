/**
 * Fixtures of the preparation's tests (visit, référent, audit plan, proof of filing): a candidature whose
 * dossier is complete (every member answers and pilots every national criterion, follows an indicator
 * over three school years, files evidence), written straight to the tables in the state asked for.
 */
import { createHash } from "node:crypto";
import {
  addDays,
  CURRENT_REFERENTIAL_VERSION,
  expectationsFor,
  generateAuditDaySchedule,
  getCriterion,
  NATIONAL_CRITERION_CODES,
  NETWORK_COMMON_STRATEGY_CRITERIA,
  type CandidatureKind,
  type CandidatureState,
  type IsoDate,
  type OptionalCriterionVariant,
  type Viewer,
} from "@ldm/domain";
import type { DataSource } from "typeorm";
import {
  AUDIT_PLAN_SCHEMA_VERSION,
  auditPlanContentSchema,
  type AuditPlanContent,
} from "@ldm/contracts";
import { createContext } from "../context";
import {
  Candidature,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "../modules/candidature/candidature.entity";
import { freezeDossier } from "../modules/dossier/dossier-snapshot";
import { Indicator, IndicatorValue } from "../modules/dossier/indicator.entity";
import type { Establishment } from "../modules/establishment/establishment.entity";
import {
  EngagementDocument,
  Evidence,
  EvidenceRevision,
} from "../modules/evidence/evidence.entity";
import { AuditPlan } from "../modules/preparation/preparation.entity";
import { AppUser } from "../modules/identity/user.entity";
import { insertEstablishment, insertUser, today } from "./fixtures";
import { TEST_AUTH, type TestApp } from "./test-app";

export interface PreparedMember {
  establishment: Establishment;
  head: { user: AppUser; viewer: Viewer };
  /** Pilot of every criterion this member answers. */
  pilot: { user: AppUser; viewer: Viewer };
}

export interface PreparedCandidature {
  id: string;
  /** The lead first. */
  members: PreparedMember[];
  lead: PreparedMember;
  /** SHA-256 of the evidence files (by title) and of the engagement documents. */
  fingerprints: Record<string, string>;
}

export interface PreparedOptions {
  kind?: CandidatureKind;
  /** SUBMITTED by default (DOSSIER_OPEN: complete and ready to submit). */
  state?: CandidatureState;
  /** The submission day (default: ten days ago) for the states after DOSSIER_OPEN. */
  submittedOn?: IsoDate;
  auditDate?: IsoDate | null;
  /** The lead's criterion 9 (default: none). */
  leadVariant?: OptionalCriterionVariant | null;
  /** Freezes the dossier as the submission does (default: false). */
  freeze?: boolean;
  /** Names of the members (default: numbered lycées). */
  names?: string[];
}

let counter = 0;

function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export async function preparedCandidature(
  app: TestApp,
  options: PreparedOptions = {},
): Promise<PreparedCandidature> {
  const ds = app.dataSource;
  const manager = ds.manager;
  const kind = options.kind ?? "INDIVIDUAL";
  const state = options.state ?? "SUBMITTED";
  const n = ++counter;
  const departements = kind === "NETWORK" ? ["13", "06"] : ["13"];
  const members: PreparedMember[] = [];
  for (const [i, departementCode] of departements.entries()) {
    const establishment = await insertEstablishment(ds, {
      departementCode,
      ...(options.names?.[i] ? { name: options.names[i] } : {}),
    });
    const head = await insertUser(ds, {
      role: "SCHOOL_HEAD",
      establishmentId: establishment.id,
      fullName: `Proviseur ${n}-${i + 1}`,
    });
    const pilot = await insertUser(ds, {
      role: "SCHOOL_STAFF",
      establishmentId: establishment.id,
      fullName: `Pilote ${n}-${i + 1}`,
    });
    members.push({ establishment, head, pilot });
  }
  const submitted = state !== "ENGAGEMENT" && state !== "DOSSIER_OPEN";
  const submittedOn = options.submittedOn ?? addDays(today(), -10);
  const c = await manager.getRepository(Candidature).save(
    manager.getRepository(Candidature).create({
      kind,
      awardType: "FIRST_AWARD",
      state,
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle: "Métiers de la mer et du littoral",
      auditDate: options.auditDate ?? null,
      publicationDate: null,
      submittedAt: submitted ? new Date(`${submittedOn}T09:30:00Z`) : null,
      renewsCandidatureId: null,
    }),
  );
  const fingerprints: Record<string, string> = {};
  const engagedOn = addDays(submittedOn, -120);
  for (const [i, m] of members.entries()) {
    const variant = i === 0 ? (options.leadVariant ?? null) : null;
    await manager.getRepository(CoApplicant).save({
      candidatureId: c.id,
      establishmentId: m.establishment.id,
      isLead: i === 0,
      optionalCriterionVariant: variant,
      engagementLetterOn: addDays(engagedOn, 10),
      boardMinutesOn: engagedOn,
      submissionApprovedAt: i === 0 ? null : new Date(`${submittedOn}T08:00:00Z`),
      submissionApprovedBy: i === 0 ? null : m.head.user.id,
    });
    await manager.getRepository(AppUser).update({ id: m.pilot.user.id }, { jobTitle: "DDFPT" });
    const codes: string[] = [
      ...NATIONAL_CRITERION_CODES,
      ...(variant ? [variant === "A" ? "9a" : "9b"] : []),
    ];
    await manager.getRepository(CriterionPilot).save(
      codes.map((criterionCode) => ({
        candidatureId: c.id,
        establishmentId: m.establishment.id,
        criterionCode,
        userId: m.pilot.user.id,
      })),
    );
    await manager.getRepository(CriterionResponse).save(
      codes.map((criterionCode) => ({
        candidatureId: c.id,
        establishmentId: m.establishment.id,
        criterionCode,
        narrative: `<p>Démarche d'amélioration continue du critère ${criterionCode}.</p>`,
        planned: "<p>Prévu.</p>",
        done: "<p>Fait.</p>",
        measured: "<p>Mesuré.</p>",
        improved: "<p>Amélioré.</p>",
        selfAssessedLevel: "MET" as const,
        addressedExpectationIds: expectationsFor(
          getCriterion(CURRENT_REFERENTIAL_VERSION, criterionCode),
          kind,
        ).map((e) => e.id),
        version: 1,
      })),
    );
    const indicator = await manager.getRepository(Indicator).save({
      candidatureId: c.id,
      establishmentId: m.establishment.id,
      name: `Taux d'insertion à six mois (${m.establishment.name})`,
      kind: "QUANTITATIVE" as const,
      unit: "%",
      direction: "HIGHER_IS_BETTER" as const,
      target: "80 %",
      source: "InserJeunes",
      criterionCodes: codes,
    });
    await manager.getRepository(IndicatorValue).save(
      ["2022-2023", "2023-2024", "2024-2025"].map((schoolYear, k) => ({
        indicatorId: indicator.id,
        schoolYear,
        numericValue: 70 + k,
        textValue: null,
      })),
    );
    const title = `Tableau de bord qualité (${m.establishment.name})`;
    const evidence = await manager.getRepository(Evidence).save({
      candidatureId: c.id,
      establishmentId: m.establishment.id,
      title,
      kind: "DASHBOARD" as const,
      effectiveDate: "2025-06-30",
      criterionCodes: codes,
      currentRevision: 1,
    });
    fingerprints[title] = sha(`${title} — contenu`);
    await manager.getRepository(EvidenceRevision).save({
      evidenceId: evidence.id,
      revision: 1,
      sha256: fingerprints[title],
      fileName: "tableau-de-bord.pdf",
      mediaType: "application/pdf",
      sizeBytes: 48_213,
      uploadedBy: m.head.user.id,
    });
    const letter = `Lettre d'engagement (${m.establishment.name})`;
    fingerprints[letter] = sha(letter);
    const document = await manager.getRepository(EngagementDocument).save({
      candidatureId: c.id,
      establishmentId: m.establishment.id,
      kind: "ENGAGEMENT_LETTER" as const,
      sha256: fingerprints[letter],
      fileName: "lettre-engagement.pdf",
      mediaType: "application/pdf",
      sizeBytes: 10_240,
      uploadedBy: m.head.user.id,
    });
    // Received with the engagement, well before the submission.
    await ds.query("UPDATE engagement_document SET created_at = $2 WHERE id = $1", [
      document.id,
      `${engagedOn}T10:00:00Z`,
    ]);
  }
  if (kind === "NETWORK") {
    await manager.getRepository(CommonStrategy).save(
      NETWORK_COMMON_STRATEGY_CRITERIA.map((criterionCode) => ({
        candidatureId: c.id,
        criterionCode,
        text: `<p>Stratégie commune du réseau sur le critère ${criterionCode}.</p>`,
      })),
    );
  }
  if (options.freeze && c.submittedAt) {
    const ctx = createContext(ds, TEST_AUTH, { viewer: app.drafpic, events: app.server.events });
    await ctx.transaction((tx) => freezeDossier(tx, c, c.submittedAt!));
  }
  return { id: c.id, members, lead: members[0]!, fingerprints };
}

/** Moves a candidature straight to `state` with these dates (the steps before are not the subject). */
export async function forceCandidature(
  app: TestApp,
  id: string,
  facts: { state?: CandidatureState; auditDate?: IsoDate | null; submittedOn?: IsoDate | null },
): Promise<void> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  if (facts.state !== undefined) {
    values.push(facts.state);
    sets.push(`state = $${values.length}`);
  }
  if (facts.auditDate !== undefined) {
    values.push(facts.auditDate);
    sets.push(`audit_date = $${values.length}`);
  }
  if (facts.submittedOn !== undefined) {
    values.push(facts.submittedOn ? `${facts.submittedOn}T09:30:00Z` : null);
    sets.push(`submitted_at = $${values.length}`);
  }
  await app.dataSource.query(`UPDATE candidature SET ${sets.join(", ")} WHERE id = $1`, values);
}

/**
 * A draft audit plan (version 1) as the generator proposes it for the eight national criteria, each
 * spoken by a pilot; returns its slots as `updateAuditPlan` takes them.
 */
export async function insertAuditPlan(
  ds: DataSource,
  candidatureId: string,
): Promise<AuditPlanContent["slots"]> {
  const criteria = [...NATIONAL_CRITERION_CODES];
  const schedule = generateAuditDaySchedule({
    criteria,
    pilots: Object.fromEntries(criteria.map((code) => [code, [`Pilote du critère ${code}`]])),
  });
  const content = auditPlanContentSchema.parse({
    schemaVersion: AUDIT_PLAN_SCHEMA_VERSION,
    slots: schedule.slots.map(({ durationMinutes: _d, ...slot }) => slot),
    note: null,
  });
  await ds.getRepository(AuditPlan).save({
    candidatureId,
    version: 1,
    content: content as never,
    auditDate: null,
    dueDate: null,
    submittedAt: null,
    submittedBy: null,
    updatedBy: null,
  });
  return content.slots;
}
