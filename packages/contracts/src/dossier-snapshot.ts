/**
 * The frozen dossier (`dossier_snapshot.content`): what a school filed at submission, read by the
 * auditors, the exports and the GraphQL API. A versioned contract: the writer validates what it stores,
 * the readers validate what they load, and `upgradeDossierSnapshot` brings an older version to the
 * current one (so that a snapshot frozen years ago is still read the same way).
 */
import { z } from "zod";

/** Version written by the API today. */
export const DOSSIER_SNAPSHOT_VERSION = 2;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date AAAA-MM-JJ attendue");
const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1);

export const snapshotRevisionSchema = z.object({
  id,
  revision: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** When this revision was uploaded (added in version 2). */
  uploadedAt: isoInstant,
});

export const dossierSnapshotSchema = z.object({
  schemaVersion: z.literal(DOSSIER_SNAPSHOT_VERSION),
  candidature: z.object({
    id,
    kind: z.enum(["INDIVIDUAL", "NETWORK"]),
    awardType: z.enum(["FIRST_AWARD", "RENEWAL"]),
    referentialVersion: z.string(),
    labelTitle: z.string().nullable(),
    /** The lead establishment's criterion 9 (each member's own is on `members`). */
    optionalCriterionVariant: z.enum(["A", "B"]).nullable(),
    auditDate: isoDate.nullable(),
  }),
  members: z.array(
    z.object({
      establishmentId: id,
      name: z.string().nullable(),
      uai: z.string().nullable(),
      isLead: z.boolean(),
      engagementLetterOn: isoDate.nullable(),
      boardMinutesOn: isoDate.nullable(),
      /**
       * The criterion 9 this establishment chose (null: none). Absent from the snapshots frozen before
       * each establishment chose its own: there, the candidature's `optionalCriterionVariant` applies
       * to every member (`snapshotMemberVariant`).
       */
      optionalCriterionVariant: z.enum(["A", "B"]).nullable().optional(),
    }),
  ),
  responses: z.array(
    z.object({
      id,
      establishmentId: id,
      criterionCode: z.string(),
      narrative: z.string(),
      planned: z.string(),
      done: z.string(),
      measured: z.string(),
      improved: z.string(),
      selfAssessedLevel: z.string().nullable(),
      addressedExpectationIds: z.array(z.string()),
      qualeducFicheCodes: z.array(z.string()),
      emblematicActionTitle: z.string().nullable(),
      emblematicActionDescription: z.string().nullable(),
      metByEuroscol: z.boolean(),
      citedEvidenceIds: z.array(z.string()),
    }),
  ),
  commonStrategies: z.array(z.object({ criterionCode: z.string(), text: z.string() })),
  pilots: z.array(z.object({ establishmentId: id, criterionCode: z.string(), userId: id })),
  indicators: z.array(
    z.object({
      id,
      establishmentId: id,
      name: z.string(),
      kind: z.enum(["QUANTITATIVE", "QUALITATIVE"]),
      unit: z.string().nullable(),
      direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER", "NEUTRAL"]),
      target: z.string().nullable(),
      source: z.string(),
      criterionCodes: z.array(z.string()),
      values: z.array(
        z.object({
          schoolYear: z.string(),
          numericValue: z.number().nullable(),
          textValue: z.string().nullable(),
        }),
      ),
    }),
  ),
  evidence: z.array(
    z.object({
      id,
      establishmentId: id.nullable(),
      title: z.string(),
      kind: z.string(),
      effectiveDate: isoDate,
      criterionCodes: z.array(z.string()),
      currentRevision: z.number().int().positive(),
      revisions: z.array(snapshotRevisionSchema),
    }),
  ),
});

export type DossierSnapshotContent = z.infer<typeof dossierSnapshotSchema>;

/**
 * The criterion 9 a member of a frozen dossier answers: its own choice, or — in a snapshot frozen
 * before each establishment chose its own — the candidature's.
 */
export function snapshotMemberVariant(
  content: Pick<DossierSnapshotContent, "candidature">,
  member: Pick<DossierSnapshotContent["members"][number], "optionalCriterionVariant">,
): "A" | "B" | null {
  return member.optionalCriterionVariant === undefined
    ? content.candidature.optionalCriterionVariant
    : member.optionalCriterionVariant;
}

/** Version 1 (before the contract): no `schemaVersion`, revisions without their upload date. */
const legacyRevision = snapshotRevisionSchema.omit({ uploadedAt: true });

/**
 * Brings stored content of any known version to the current one. `revisionDates` gives the upload
 * instant of each revision id (version 1 did not keep it; the revisions' rows still hold it).
 */
export function upgradeDossierSnapshot(
  content: unknown,
  revisionDates: ReadonlyMap<string, string> = new Map(),
): DossierSnapshotContent {
  const raw = (content ?? {}) as Record<string, unknown>;
  if (raw.schemaVersion === DOSSIER_SNAPSHOT_VERSION) return dossierSnapshotSchema.parse(raw);
  if (raw.schemaVersion !== undefined) {
    throw new Error(`Version de dossier figé inconnue : ${String(raw.schemaVersion)}.`);
  }
  const evidence = z
    .array(z.looseObject({ revisions: z.array(legacyRevision.loose()) }))
    .parse(raw.evidence ?? []);
  return dossierSnapshotSchema.parse({
    ...raw,
    schemaVersion: DOSSIER_SNAPSHOT_VERSION,
    evidence: evidence.map((e) => ({
      ...e,
      revisions: e.revisions.map((r) => {
        const uploadedAt = revisionDates.get(r.id);
        if (!uploadedAt) {
          throw new Error(`Date de dépôt inconnue pour la version ${r.id} d'une pièce figée.`);
        }
        return { ...r, uploadedAt };
      }),
    })),
  });
}
