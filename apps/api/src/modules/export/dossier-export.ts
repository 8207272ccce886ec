/**
 * The data of the dossier's export (PDF and ZIP): everything the layout needs, already resolved (names of
 * establishments and pilots, académies, current evidence files). A submitted candidature is exported from
 * its frozen snapshot (what the auditors read), an open one from the live rows.
 */
import { dossierSnapshotSchema, snapshotMemberVariant } from "@ldm/contracts";
import { In, type DataSource, type EntityManager } from "typeorm";
import {
  ATTAINMENT_LEVEL_LABELS,
  criteriaForMemberVariants,
  EVIDENCE_KIND_LABELS,
  INDICATOR_DIRECTION_LABELS,
  type AttainmentLevel,
  type AwardType,
  type CandidatureKind,
  type CandidatureState,
  type Criterion,
  type EngagementDocumentKind,
  type EvidenceKind,
  type IndicatorDirection,
  type IndicatorKind,
  type OptionalCriterionVariant,
} from "@ldm/domain";
import { notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { Academie } from "../academie/academie.entity";
import { Candidature } from "../candidature/candidature.entity";
import { loadDossierRows, valuesOf } from "../dossier/dossier-data";
import { Establishment } from "../establishment/establishment.entity";
import { DossierSnapshot, EngagementDocument, EvidenceRevision } from "../evidence/evidence.entity";
import { AppUser } from "../identity/user.entity";

export interface ExportMember {
  establishmentId: string;
  name: string;
  uai: string | null;
  city: string | null;
  academieName: string | null;
  isLead: boolean;
  engagementLetterOn: string | null;
  boardMinutesOn: string | null;
  /** The criterion 9 this establishment chose (null: none). */
  optionalCriterionVariant: OptionalCriterionVariant | null;
}

export interface ExportResponse {
  establishmentId: string;
  criterionCode: string;
  /** Sanitised HTML, like the four steps below. */
  narrative: string;
  planned: string;
  done: string;
  measured: string;
  improved: string;
  selfAssessedLevel: AttainmentLevel | null;
  addressedExpectationIds: string[];
  qualeducFicheCodes: string[];
  emblematicActionTitle: string | null;
  emblematicActionDescription: string | null;
  metByEuroscol: boolean;
  citedEvidenceIds: string[];
}

export interface ExportPilot {
  establishmentId: string;
  criterionCode: string;
  userId: string;
  /** Null when the caller may not read personal data (analysts) or the account is gone. */
  fullName: string | null;
}

export interface ExportIndicatorValue {
  schoolYear: string;
  numericValue: number | null;
  textValue: string | null;
}

export interface ExportIndicator {
  id: string;
  establishmentId: string;
  name: string;
  kind: IndicatorKind;
  unit: string | null;
  direction: IndicatorDirection;
  target: string | null;
  source: string;
  criterionCodes: string[];
  values: ExportIndicatorValue[];
}

export interface ExportFile {
  revision: number;
  sha256: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: Date | null;
}

export interface ExportEvidence {
  id: string;
  /** Null for a piece common to the whole candidature. */
  establishmentId: string | null;
  title: string;
  kind: EvidenceKind;
  effectiveDate: string;
  criterionCodes: string[];
  currentRevision: number;
  /** The file of the current revision (null when none was uploaded). */
  file: ExportFile | null;
}

export interface ExportEngagementDocument {
  id: string;
  establishmentId: string;
  kind: EngagementDocumentKind;
  sha256: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

export interface DossierExport {
  /** SNAPSHOT: the dossier frozen at submission; LIVE: the working version of an open dossier. */
  source: "SNAPSHOT" | "LIVE";
  generatedAt: Date;
  snapshot: { submittedAt: Date; sha256: string } | null;
  candidature: {
    id: string;
    kind: CandidatureKind;
    awardType: AwardType;
    /** Current state (not frozen). */
    state: CandidatureState;
    referentialVersion: string;
    labelTitle: string | null;
    submittedAt: Date | null;
    auditDate: string | null;
  };
  /** Lead first. */
  members: ExportMember[];
  responses: ExportResponse[];
  commonStrategies: { criterionCode: string; text: string }[];
  pilots: ExportPilot[];
  indicators: ExportIndicator[];
  evidence: ExportEvidence[];
  engagementDocuments: ExportEngagementDocument[];
}

/**
 * The criteria the exported dossier holds: the national ones and each criterion 9 variant chosen by at
 * least one establishment, with the expectations of the candidature's kind.
 */
export function dossierCriteria(
  dossier: Pick<DossierExport, "candidature" | "members">,
): Criterion[] {
  return criteriaForMemberVariants(
    dossier.candidature.referentialVersion,
    dossier.members.map((m) => m.optionalCriterionVariant),
    dossier.candidature.kind,
  );
}

export interface LoadDossierExportOptions {
  /** False for callers who may not read personal data (analysts): pilots' names are left out. */
  personalData?: boolean;
  now?: Date;
}

// ---------------------------------------------------------------------------------------------
// Loading

/**
 * Loads the dossier of a candidature for export (no authorization here: the caller checks it). Pass an
 * entity manager of a REPEATABLE READ transaction for a consistent view of a live dossier.
 */
export async function loadDossierExport(
  db: DataSource | EntityManager,
  candidatureId: string,
  options: LoadDossierExportOptions = {},
): Promise<DossierExport> {
  const manager: EntityManager = "manager" in db ? db.manager : db;
  assertUuidOrNotFound("La candidature", candidatureId);
  const c = await manager.getRepository(Candidature).findOneBy({ id: candidatureId });
  if (!c) throw notFound("La candidature", candidatureId);
  const snapshot = await manager.getRepository(DossierSnapshot).findOne({
    where: { candidatureId: c.id },
    order: { submittedAt: "DESC", createdAt: "DESC" },
  });
  const partial = snapshot ? fromSnapshot(c, snapshot) : await fromLiveRows(manager, c);

  // What the snapshot does not hold (or holds without names): establishments' towns and académies,
  // pilots' names, engagement documents.
  const establishments = await manager
    .getRepository(Establishment)
    .findBy({ id: In(nonEmpty(partial.members.map((m) => m.establishmentId))) });
  const academies = await manager
    .getRepository(Academie)
    .findBy({ code: In(nonEmpty([...new Set(establishments.map((e) => e.academieCode))])) });
  const academieNames = new Map(academies.map((a) => [a.code, a.name]));
  const members = partial.members.map((m) => {
    const e = establishments.find((x) => x.id === m.establishmentId);
    return {
      ...m,
      name: m.name || e?.name || m.establishmentId,
      uai: m.uai ?? e?.uai ?? null,
      city: e?.city ?? null,
      academieName: e ? (academieNames.get(e.academieCode) ?? e.academieCode) : null,
    };
  });
  const personalData = options.personalData ?? true;
  const userIds = [...new Set(partial.pilots.map((p) => p.userId))];
  const users =
    personalData && userIds.length > 0
      ? await manager.getRepository(AppUser).findBy({ id: In(userIds) })
      : [];
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  const engagementDocuments = await manager
    .getRepository(EngagementDocument)
    .find({ where: { candidatureId: c.id }, order: { createdAt: "ASC" } });

  return {
    ...partial,
    generatedAt: options.now ?? new Date(),
    members,
    pilots: partial.pilots.map((p) => ({ ...p, fullName: names.get(p.userId) ?? null })),
    engagementDocuments: engagementDocuments.map((d) => ({
      id: d.id,
      establishmentId: d.establishmentId,
      kind: d.kind,
      sha256: d.sha256,
      fileName: d.fileName,
      mediaType: d.mediaType,
      sizeBytes: d.sizeBytes,
      uploadedAt: d.createdAt,
    })),
  };
}

type PartialExport = Omit<DossierExport, "generatedAt" | "engagementDocuments">;

/** `In([])` is valid SQL for TypeORM but pointless: a placeholder that matches nothing. */
function nonEmpty(ids: string[]): string[] {
  return ids.length > 0 ? ids : ["00000000-0000-0000-0000-000000000000"];
}

function candidatureOf(c: Candidature): DossierExport["candidature"] {
  return {
    id: c.id,
    kind: c.kind,
    awardType: c.awardType,
    state: c.state,
    referentialVersion: c.referentialVersion,
    labelTitle: c.labelTitle,
    submittedAt: c.submittedAt,
    auditDate: c.auditDate,
  };
}

async function fromLiveRows(manager: EntityManager, c: Candidature): Promise<PartialExport> {
  const rows = await loadDossierRows(manager, c);
  const revisions =
    rows.evidence.length === 0
      ? []
      : await manager.getRepository(EvidenceRevision).find({
          where: { evidenceId: In(rows.evidence.map((e) => e.id)) },
          order: { revision: "ASC" },
        });
  return {
    source: "LIVE",
    snapshot: null,
    candidature: candidatureOf(c),
    members: rows.members.map((m) => {
      const e = rows.establishments.find((x) => x.id === m.establishmentId);
      return {
        establishmentId: m.establishmentId,
        name: e?.name ?? "",
        uai: e?.uai ?? null,
        city: null,
        academieName: null,
        isLead: m.isLead,
        engagementLetterOn: m.engagementLetterOn,
        boardMinutesOn: m.boardMinutesOn,
        optionalCriterionVariant: m.optionalCriterionVariant,
      };
    }),
    responses: rows.responses.map((r) => ({
      establishmentId: r.establishmentId,
      criterionCode: r.criterionCode,
      narrative: r.narrative,
      planned: r.planned,
      done: r.done,
      measured: r.measured,
      improved: r.improved,
      selfAssessedLevel: r.selfAssessedLevel,
      addressedExpectationIds: r.addressedExpectationIds,
      qualeducFicheCodes: r.qualeducFicheCodes,
      emblematicActionTitle: r.emblematicActionTitle,
      emblematicActionDescription: r.emblematicActionDescription,
      metByEuroscol: r.metByEuroscol,
      citedEvidenceIds: r.citedEvidenceIds,
    })),
    commonStrategies: rows.commonStrategies.map((s) => ({
      criterionCode: s.criterionCode,
      text: s.text,
    })),
    pilots: rows.pilots.map((p) => ({
      establishmentId: p.establishmentId,
      criterionCode: p.criterionCode,
      userId: p.userId,
      fullName: null,
    })),
    indicators: rows.indicators.map((i) => ({
      id: i.id,
      establishmentId: i.establishmentId,
      name: i.name,
      kind: i.kind,
      unit: i.unit,
      direction: i.direction,
      target: i.target,
      source: i.source,
      criterionCodes: i.criterionCodes,
      values: valuesOf(rows.values, i.id),
    })),
    evidence: rows.evidence.map((e) => {
      const own = revisions.filter((r) => r.evidenceId === e.id);
      const current = own.find((r) => r.revision === e.currentRevision) ?? own.at(-1);
      return {
        id: e.id,
        establishmentId: e.establishmentId,
        title: e.title,
        kind: e.kind,
        effectiveDate: e.effectiveDate,
        criterionCodes: e.criterionCodes,
        currentRevision: e.currentRevision,
        file: current
          ? {
              revision: current.revision,
              sha256: current.sha256,
              fileName: current.fileName,
              mediaType: current.mediaType,
              sizeBytes: current.sizeBytes,
              uploadedAt: current.createdAt,
            }
          : null,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The frozen snapshot (JSON written by `freezeDossier`), read defensively

type Json = Record<string, unknown>;

function obj(v: unknown): Json {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
}
function list(v: unknown): Json[] {
  return Array.isArray(v) ? v.map(obj) : [];
}
function str(v: unknown, fallback = ""): string {
  return typeof v === "string" ? v : fallback;
}
function strOrNull(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}
function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
function dateOrNull(v: unknown): Date | null {
  if (typeof v !== "string") return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}
function oneOf<K extends string>(labels: Record<K, string>, v: unknown, fallback: K): K {
  return typeof v === "string" && Object.hasOwn(labels, v) ? (v as K) : fallback;
}

function fromSnapshot(c: Candidature, snapshot: DossierSnapshot): PartialExport {
  // Validated against the contract (a snapshot that does not match it fails loudly, never silently).
  const parsed = dossierSnapshotSchema.parse(snapshot.content);
  const content = obj(parsed);
  const frozen = obj(content.candidature);
  return {
    source: "SNAPSHOT",
    snapshot: { submittedAt: snapshot.submittedAt, sha256: snapshot.sha256 },
    candidature: {
      ...candidatureOf(c),
      kind: frozen.kind === "NETWORK" || frozen.kind === "INDIVIDUAL" ? frozen.kind : c.kind,
      awardType:
        frozen.awardType === "FIRST_AWARD" || frozen.awardType === "RENEWAL"
          ? frozen.awardType
          : c.awardType,
      referentialVersion: str(frozen.referentialVersion, c.referentialVersion),
      labelTitle: "labelTitle" in frozen ? strOrNull(frozen.labelTitle) : c.labelTitle,
      submittedAt: snapshot.submittedAt,
      auditDate: c.auditDate,
    },
    members: parsed.members.map((m) => ({
      establishmentId: m.establishmentId,
      name: m.name ?? "",
      uai: m.uai,
      city: null,
      academieName: null,
      isLead: m.isLead,
      engagementLetterOn: m.engagementLetterOn,
      boardMinutesOn: m.boardMinutesOn,
      // Frozen before each establishment chose its own: the candidature's choice, for every member.
      optionalCriterionVariant: snapshotMemberVariant(parsed, m),
    })),
    responses: list(content.responses).map((r) => ({
      establishmentId: str(r.establishmentId),
      criterionCode: str(r.criterionCode),
      narrative: str(r.narrative),
      planned: str(r.planned),
      done: str(r.done),
      measured: str(r.measured),
      improved: str(r.improved),
      selfAssessedLevel:
        typeof r.selfAssessedLevel === "string" &&
        Object.hasOwn(ATTAINMENT_LEVEL_LABELS, r.selfAssessedLevel)
          ? (r.selfAssessedLevel as AttainmentLevel)
          : null,
      addressedExpectationIds: strings(r.addressedExpectationIds),
      qualeducFicheCodes: strings(r.qualeducFicheCodes),
      emblematicActionTitle: strOrNull(r.emblematicActionTitle),
      emblematicActionDescription: strOrNull(r.emblematicActionDescription),
      metByEuroscol: r.metByEuroscol === true,
      citedEvidenceIds: strings(r.citedEvidenceIds),
    })),
    commonStrategies: list(content.commonStrategies).map((s) => ({
      criterionCode: str(s.criterionCode),
      text: str(s.text),
    })),
    pilots: list(content.pilots).map((p) => ({
      establishmentId: str(p.establishmentId),
      criterionCode: str(p.criterionCode),
      userId: str(p.userId),
      fullName: null,
    })),
    indicators: list(content.indicators).map((i) => ({
      id: str(i.id),
      establishmentId: str(i.establishmentId),
      name: str(i.name),
      kind: i.kind === "QUALITATIVE" ? "QUALITATIVE" : "QUANTITATIVE",
      unit: strOrNull(i.unit),
      direction: oneOf(INDICATOR_DIRECTION_LABELS, i.direction, "NEUTRAL"),
      target: strOrNull(i.target),
      source: str(i.source),
      criterionCodes: strings(i.criterionCodes),
      values: list(i.values)
        .map((v) => ({
          schoolYear: str(v.schoolYear),
          numericValue: num(v.numericValue),
          textValue: strOrNull(v.textValue),
        }))
        .filter((v) => v.schoolYear !== ""),
    })),
    evidence: list(content.evidence).map((e) => {
      const currentRevision = num(e.currentRevision) ?? 1;
      const revisions = list(e.revisions);
      const current =
        revisions.find((r) => num(r.revision) === currentRevision) ?? revisions.at(-1);
      return {
        id: str(e.id),
        establishmentId: strOrNull(e.establishmentId),
        title: str(e.title),
        kind: oneOf(EVIDENCE_KIND_LABELS, e.kind, "OTHER"),
        effectiveDate: str(e.effectiveDate),
        criterionCodes: strings(e.criterionCodes),
        currentRevision,
        file:
          current && typeof current.sha256 === "string"
            ? {
                revision: num(current.revision) ?? currentRevision,
                sha256: current.sha256,
                fileName: str(current.fileName, "fichier"),
                mediaType: str(current.mediaType, "application/octet-stream"),
                sizeBytes: num(current.sizeBytes) ?? 0,
                uploadedAt: dateOrNull(current.uploadedAt),
              }
            : null,
      };
    }),
  };
}
