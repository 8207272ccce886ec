import {
  DOSSIER_SNAPSHOT_VERSION,
  dossierSnapshotSchema,
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

  it("refuses content that drifted from the contract", () => {
    const drifted = { ...V1, schemaVersion: DOSSIER_SNAPSHOT_VERSION, candidature: { id: "c1" } };
    expect(dossierSnapshotSchema.safeParse(drifted).success).toBe(false);
  });
});
