/**
 * The renewal: started from a current label (or one expired less than twelve months ago), a RENEWAL
 * candidature pre-filled from the previous frozen dossier under the current referential, every status
 * reset; its diff per criterion, and the evidence older than three school years. Refusals write nothing.
 */
import { addMonths, addYears, labelTitleOf } from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import {
  CANDIDATURE_TABLES,
  insertEstablishment,
  insertUser,
  rowCounts,
  today,
} from "../../test/fixtures";
import { insertLabel } from "../../test/decision-fixtures";
import { Candidature, CoApplicant, CriterionResponse } from "../candidature/candidature.entity";
import { Indicator } from "../dossier/indicator.entity";
import { Evidence, EvidenceRevision } from "../evidence/evidence.entity";
import { LABEL_INTITULE, labelledCandidature } from "./follow-up-fixtures";

const START = `mutation($input: StartRenewalInput!) { startRenewal(input: $input) {
  id kind awardType state labelTitle referentialVersion renewsCandidatureId
  members { isLead optionalCriterionVariant submissionApprovedAt engagementLetterOn establishment { id } } } }`;

const DIFF = `query($id: ID!) { candidature(id: $id) { renewalDiff {
  renewsCandidatureId changed outdatedEvidenceCount
  criteria { criterionCode changed outdatedEvidenceCount
    responses { establishmentId change changedFields previousExpectationIds }
    indicators { currentId previousId title change changedFields }
    evidence { currentId previousId title change changedFields effectiveDate outdated } } } } }`;

const TABLES = [
  ...CANDIDATURE_TABLES,
  "indicator",
  "indicator_value",
  "evidence",
  "evidence_revision",
  "renewal_origin",
  "audit_log",
] as const;

interface Diff {
  renewsCandidatureId: string;
  changed: boolean;
  outdatedEvidenceCount: number;
  criteria: {
    criterionCode: string;
    changed: boolean;
    outdatedEvidenceCount: number;
    responses: {
      establishmentId: string;
      change: string;
      changedFields: string[];
      previousExpectationIds: string[];
    }[];
    indicators: {
      currentId: string | null;
      previousId: string | null;
      title: string;
      change: string;
      changedFields: string[];
    }[];
    evidence: {
      currentId: string | null;
      title: string;
      change: string;
      changedFields: string[];
      outdated: boolean;
    }[];
  }[];
}

describe("the renewal of a label", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  async function diffOf(id: string, viewer = app.drafpic): Promise<Diff> {
    return ok(await app.execute<{ candidature: { renewalDiff: Diff } }>(DIFF, { id }, viewer))
      .candidature.renewalDiff;
  }

  it("pre-fills a network's renewal from the frozen dossier, statuses reset, and shows nothing changed but the old evidence", async () => {
    const previous = await labelledCandidature(app, {
      kind: "NETWORK",
      publishedOn: addMonths(today(), -50),
    });
    const data = ok(
      await app.execute<{ startRenewal: Record<string, unknown> & { id: string } }>(START, {
        input: { establishmentId: previous.lead.establishment.id },
      }),
    );
    const renewal = data.startRenewal;
    expect(renewal).toMatchObject({
      kind: "NETWORK",
      awardType: "RENEWAL",
      state: "ENGAGEMENT",
      labelTitle: labelTitleOf(LABEL_INTITULE),
      renewsCandidatureId: previous.id,
      members: [
        {
          isLead: true,
          optionalCriterionVariant: "A",
          submissionApprovedAt: null,
          engagementLetterOn: null,
          establishment: { id: previous.lead.establishment.id },
        },
        {
          isLead: false,
          optionalCriterionVariant: null,
          submissionApprovedAt: null,
          engagementLetterOn: null,
          establishment: { id: previous.members[1]!.establishment.id },
        },
      ],
    });

    // Answers: the texts carried, every status reset; the cited evidence points to the copies.
    const responses = await app.dataSource
      .getRepository(CriterionResponse)
      .find({ where: { candidatureId: renewal.id }, order: { criterionCode: "ASC" } });
    expect(responses).toHaveLength(8 + 1 + 8);
    for (const r of responses) {
      expect(r).toMatchObject({
        selfAssessedLevel: null,
        addressedExpectationIds: [],
        metByEuroscol: false,
        version: 1,
      });
      expect(r.narrative).toBe(
        `<p>Démarche d'amélioration continue du critère ${r.criterionCode}.</p>`,
      );
    }
    // Indicators with their values; evidence (current file only) pointing to the same stored files.
    const indicators = await app.dataSource
      .getRepository(Indicator)
      .findBy({ candidatureId: renewal.id });
    expect(indicators).toHaveLength(2);
    const values = await app.dataSource.query(
      "SELECT school_year, numeric_value FROM indicator_value WHERE indicator_id = $1 ORDER BY school_year",
      [indicators.find((i) => i.establishmentId === previous.lead.establishment.id)!.id],
    );
    expect(values).toEqual([
      { school_year: "2022-2023", numeric_value: 70 },
      { school_year: "2023-2024", numeric_value: 71 },
      { school_year: "2024-2025", numeric_value: 72 },
    ]);
    const evidence = await app.dataSource
      .getRepository(Evidence)
      .findBy({ candidatureId: renewal.id });
    expect(evidence.map((e) => e.title).sort()).toEqual(
      [
        previous.oldEvidenceTitle,
        ...Object.keys(previous.fingerprints).filter((k) => k.startsWith("Tableau")),
      ].sort(),
    );
    const files = await app.dataSource
      .getRepository(EvidenceRevision)
      .find({ where: evidence.map((e) => ({ evidenceId: e.id })) });
    expect(files.map((f) => f.revision)).toEqual([1, 1, 1]);
    const old = files.find((f) => f.fileName === "convention-v2.pdf");
    expect(old).toBeDefined();
    for (const [title, sha] of Object.entries(previous.fingerprints).filter(([k]) =>
      k.startsWith("Tableau"),
    )) {
      const copy = evidence.find((e) => e.title === title)!;
      expect(files.find((f) => f.evidenceId === copy.id)!.sha256).toBe(sha);
    }
    // Common strategies are carried; pilots and engagement documents are not (the team is rebuilt, the
    // renewal starts with its own engagement).
    expect(
      await app.dataSource.query(
        "SELECT count(*)::int AS n FROM common_strategy WHERE candidature_id = $1",
        [renewal.id],
      ),
    ).toEqual([{ n: 4 }]);
    expect(
      await app.dataSource.query(
        "SELECT (SELECT count(*)::int FROM criterion_pilot WHERE candidature_id = $1) AS pilots, (SELECT count(*)::int FROM engagement_document WHERE candidature_id = $1) AS documents",
        [renewal.id],
      ),
    ).toEqual([{ pilots: 0, documents: 0 }]);

    // Right after the pre-fill: nothing changed, but the 2019 convention is older than three school years.
    const diff = await diffOf(renewal.id);
    expect(diff).toMatchObject({
      renewsCandidatureId: previous.id,
      changed: false,
      outdatedEvidenceCount: 1,
    });
    expect(diff.criteria.map((k) => k.criterionCode)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9a",
    ]);
    const four = diff.criteria.find((k) => k.criterionCode === "4")!;
    expect(four.outdatedEvidenceCount).toBe(1);
    expect(four.evidence.find((e) => e.outdated)).toMatchObject({
      title: previous.oldEvidenceTitle,
      change: "UNCHANGED",
    });
    expect(four.responses.map((r) => r.change)).toEqual(["UNCHANGED", "UNCHANGED"]);
    expect(four.responses[0]!.previousExpectationIds).toContain("4.7");
    expect(diff.criteria.find((k) => k.criterionCode === "9a")!.responses).toHaveLength(1);

    // The school works on its renewal: a narrative rewritten, an indicator dropped, a new piece.
    ok(
      await app.execute(
        `mutation($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { id } }`,
        {
          input: {
            candidatureId: renewal.id,
            establishmentId: previous.lead.establishment.id,
            criterionCode: "1",
            narrative: "<p>Notre offre de formation a évolué depuis le dernier label.</p>",
          },
        },
        previous.lead.head.viewer,
      ),
    );
    const dropped = indicators.find((i) => i.establishmentId === previous.lead.establishment.id)!;
    await app.dataSource.getRepository(Indicator).delete({ id: dropped.id });
    await app.dataSource.getRepository(Evidence).save({
      candidatureId: renewal.id,
      establishmentId: previous.lead.establishment.id,
      title: "Enquête de satisfaction des entreprises 2026",
      kind: "DASHBOARD" as const,
      effectiveDate: "2026-10-15",
      criterionCodes: ["1"],
      currentRevision: 1,
    });
    const after = await diffOf(renewal.id, previous.lead.head.viewer);
    const one = after.criteria.find((k) => k.criterionCode === "1")!;
    expect(after.changed).toBe(true);
    expect(one.changed).toBe(true);
    expect(
      one.responses.find((r) => r.establishmentId === previous.lead.establishment.id),
    ).toMatchObject({
      change: "CHANGED",
      changedFields: ["narrative"],
    });
    expect(one.indicators.map((i) => [i.title, i.change])).toEqual([
      [indicators.find((i) => i.id !== dropped.id)!.name, "UNCHANGED"],
      [dropped.name, "REMOVED"],
    ]);
    expect(one.evidence.find((e) => e.change === "ADDED")).toMatchObject({
      title: "Enquête de satisfaction des entreprises 2026",
      outdated: false,
    });
    expect(after.criteria.find((k) => k.criterionCode === "3")!.changed).toBe(true); // the dropped indicator

    // A second renewal of the same label is refused while this one runs.
    const before = await rowCounts(app.dataSource, [...TABLES]);
    expect(
      refused(
        await app.execute(START, { input: { establishmentId: previous.lead.establishment.id } }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /^Le renouvellement du label de .* est déjà engagé \(candidature dans l'état « Engagement en cours »\)/,
      ),
    });
    expect(await rowCounts(app.dataSource, [...TABLES])).toEqual(before);
    // Once withdrawn, it can be started again.
    await app.dataSource
      .getRepository(Candidature)
      .update({ id: renewal.id }, { state: "WITHDRAWN" });
    ok(await app.execute(START, { input: { establishmentId: previous.lead.establishment.id } }));
  });

  it("lets a co-applicant's head renew its own label alone, from a label expired less than twelve months ago", async () => {
    const previous = await labelledCandidature(app, {
      kind: "NETWORK",
      publishedOn: addMonths(today(), -65),
    });
    const member = previous.members[1]!;
    const data = ok(
      await app.execute<{ startRenewal: { id: string; kind: string; members: unknown[] } }>(
        START,
        { input: { establishmentId: member.establishment.id, coApplicantEstablishmentIds: [] } },
        member.head.viewer,
      ),
    );
    expect(data.startRenewal.kind).toBe("INDIVIDUAL");
    expect(data.startRenewal.members).toHaveLength(1);
    const copied = await app.dataSource
      .getRepository(CriterionResponse)
      .findBy({ candidatureId: data.startRenewal.id });
    // The member's own answers only, without criterion 9 (it chose none).
    expect(copied.map((r) => r.establishmentId)).toEqual(copied.map(() => member.establishment.id));
    expect(copied.map((r) => r.criterionCode).sort()).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
    ]);
    const diff = await diffOf(data.startRenewal.id, member.head.viewer);
    expect(diff.changed).toBe(false);
    expect(diff.outdatedEvidenceCount).toBe(0);
  });

  it("refuses without label, after too long, for another school, or without frozen dossier, writing nothing", async () => {
    const never = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel Sans Label",
    });
    const longAgo = await labelledCandidature(app, { publishedOn: addMonths(today(), -73) });
    const stranger = await insertEstablishment(app.dataSource, { departementCode: "06" });
    const strangerHead = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: stranger.id,
    });
    const current = await labelledCandidature(app, {
      kind: "NETWORK",
      publishedOn: addYears(today(), -4),
    });
    const unfrozen = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel Historique",
    });
    await insertLabel(app.dataSource, unfrozen, { publishedOn: addYears(today(), -4) });
    const before = await rowCounts(app.dataSource, [...TABLES]);

    expect(
      refused(await app.execute(START, { input: { establishmentId: never.id } })),
    ).toMatchObject({
      code: "CONFLICT",
      message:
        "Lycée professionnel Sans Label n'a jamais été labellisé : sa candidature est une première labellisation, pas un renouvellement.",
    });
    expect(
      refused(
        await app.execute(START, { input: { establishmentId: longAgo.lead.establishment.id } }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /n'a plus de label depuis le .*, il y a plus de 12 mois : sa candidature est une première labellisation/,
      ),
    });
    expect(
      refused(
        await app.execute(
          START,
          { input: { establishmentId: current.lead.establishment.id } },
          strangerHead.viewer,
        ),
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      refused(
        await app.execute(
          START,
          { input: { establishmentId: current.lead.establishment.id } },
          {
            ...app.drafpic,
            readOnly: true,
          },
        ),
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      refused(
        await app.execute(START, {
          input: {
            establishmentId: current.lead.establishment.id,
            coApplicantEstablishmentIds: [stranger.id],
          },
        }),
      ),
    ).toMatchObject({ code: "BAD_USER_INPUT", details: { reason: "NOT_A_PREVIOUS_MEMBER" } });
    expect(
      refused(await app.execute(START, { input: { establishmentId: unfrozen.id } })),
    ).toMatchObject({
      code: "CONFLICT",
      details: { reason: "NO_FROZEN_DOSSIER" },
    });
    expect(
      refused(
        await app.execute(START, {
          input: { establishmentId: "00000000-0000-4000-8000-000000000000" },
        }),
      ).code,
    ).toBe("NOT_FOUND");
    // The co-applicant is in another open candidature: the whole renewal is refused.
    const busy = current.members[1]!.establishment;
    const open = await app.dataSource.getRepository(Candidature).save({
      kind: "INDIVIDUAL" as const,
      awardType: "FIRST_AWARD" as const,
      state: "DOSSIER_OPEN" as const,
      referentialVersion: "paca-2024.1",
      labelTitle: null,
      auditDate: null,
      publicationDate: null,
      submittedAt: null,
      renewsCandidatureId: null,
    });
    await app.dataSource
      .getRepository(CoApplicant)
      .save({ candidatureId: open.id, establishmentId: busy.id, isLead: true });
    const counts = await rowCounts(app.dataSource, [...TABLES]);
    expect(
      refused(
        await app.execute(START, { input: { establishmentId: current.lead.establishment.id } }),
      ).code,
    ).toBe("CONFLICT");
    expect(await rowCounts(app.dataSource, [...TABLES])).toEqual(counts);
    expect(counts.audit_log).toBe(before.audit_log);
  });
});
