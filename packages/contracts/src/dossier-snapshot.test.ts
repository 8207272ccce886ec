import {
  DOSSIER_SNAPSHOT_VERSION,
  dossierSnapshotSchema,
  snapshotMemberVariant,
  upgradeDossierSnapshot,
} from "./dossier-snapshot";

const REVISION = {
  id: "r1",
  revision: 1,
  sha256: "a".repeat(64),
  fileName: "bilan.pdf",
  mediaType: "application/pdf",
  sizeBytes: 1234,
};

const V1 = {
  candidature: {
    id: "c1",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    referentialVersion: "paca-2024.1",
    labelTitle: "Métiers de la mer",
    optionalCriterionVariant: null,
    auditDate: "2027-03-02",
  },
  members: [],
  responses: [],
  commonStrategies: [],
  pilots: [],
  indicators: [],
  evidence: [
    {
      id: "e1",
      establishmentId: null,
      title: "Bilan",
      kind: "OTHER",
      effectiveDate: "2026-06-30",
      criterionCodes: ["4"],
      currentRevision: 1,
      revisions: [REVISION],
    },
  ],
};

describe("dossier snapshot contract", () => {
  it("upgrades a version 1 snapshot with its revisions' upload dates", () => {
    const upgraded = upgradeDossierSnapshot(V1, new Map([["r1", "2026-07-01T08:00:00.000Z"]]));
    expect(upgraded.schemaVersion).toBe(DOSSIER_SNAPSHOT_VERSION);
    expect(upgraded.evidence[0]?.revisions[0]?.uploadedAt).toBe("2026-07-01T08:00:00.000Z");
    expect(dossierSnapshotSchema.safeParse(upgraded).success).toBe(true);
  });

  it("refuses a version 1 snapshot whose revision dates are unknown, and an unknown version", () => {
    expect(() => upgradeDossierSnapshot(V1)).toThrow(/Date de dépôt inconnue/);
    expect(() => upgradeDossierSnapshot({ ...V1, schemaVersion: 9 })).toThrow(/inconnue : 9/);
  });

  it("reads each member's criterion 9, and the candidature's in a snapshot frozen without it", () => {
    const member = {
      establishmentId: "e1",
      name: "Lycée",
      uai: "0130001A",
      isLead: true,
      engagementLetterOn: null,
      boardMinutesOn: null,
    };
    const v2 = {
      ...upgradeDossierSnapshot(V1, new Map([["r1", "2026-07-01T08:00:00.000Z"]])),
      candidature: { ...V1.candidature, optionalCriterionVariant: "B" as const },
    };
    // A version 2 snapshot frozen before the per-member choice still parses…
    const before = dossierSnapshotSchema.parse({ ...v2, members: [member] });
    expect(snapshotMemberVariant(before, before.members[0]!)).toBe("B");
    // …and one that carries it gives each member its own (null: none).
    const after = dossierSnapshotSchema.parse({
      ...v2,
      members: [
        { ...member, optionalCriterionVariant: "A" },
        { ...member, establishmentId: "e2", isLead: false, optionalCriterionVariant: null },
      ],
    });
    expect(after.members.map((m) => snapshotMemberVariant(after, m))).toEqual(["A", null]);
    expect(
      dossierSnapshotSchema.safeParse({
        ...v2,
        members: [{ ...member, optionalCriterionVariant: "C" }],
      }).success,
    ).toBe(false);
  });

  it("refuses content that drifted from the contract", () => {
    const drifted = { ...V1, schemaVersion: DOSSIER_SNAPSHOT_VERSION, candidature: { id: "c1" } };
    expect(dossierSnapshotSchema.safeParse(drifted).success).toBe(false);
  });
});
