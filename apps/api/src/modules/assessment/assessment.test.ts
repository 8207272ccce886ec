/**
 * The assessment grid and the findings: each signed auditor keeps a draft beside the school's
 * self-assessment, the lead consolidates the team's assessment with the drafts side by side; every
 * write carries a client id and a base version — a replay changes nothing and answers the same result,
 * a stale write is a CONFLICT answering the current value. Every refusal is coded and changes nothing.
 */
import { randomUUID } from "node:crypto";
import {
  ATTAINMENT_LEVELS,
  CURRENT_REFERENTIAL_VERSION,
  expectationsFor,
  getCriterion,
} from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { inDays, insertUser, rowCounts } from "../../test/fixtures";
import {
  AUDIT_TABLES,
  FINDINGS,
  GRID,
  REMOVE_AREA,
  SAVE_AREA,
  SAVE_COMMITMENT,
  SAVE_DRAFT,
  SAVE_TEAM,
  auditCandidature,
  auditorAccount,
  entry,
  type AuditFixture,
} from "./audit-test-kit";

interface EntryAnswer {
  writeId: string;
  replayed: boolean;
  entry: {
    id: string;
    level: string | null;
    comment: string;
    strengths: string;
    version: number;
    expectationId: string | null;
    isTeamAssessment: boolean;
    auditor: { id: string } | null;
  };
}
interface Line {
  establishmentId: string;
  criterionCode: string;
  expectationId: string | null;
  expectationText: string | null;
  selfAssessedLevel: string | null;
  addressedBySchool: boolean | null;
  levelsDiffer: boolean;
  unanimousLevel: string | null;
  myDraft: { level: string | null; version: number } | null;
  auditorDrafts: { level: string | null; auditor: { id: string } }[];
  team: { level: string | null; comment: string; version: number } | null;
}
interface Grid {
  auditGrid: { editable: boolean; consolidates: boolean; lines: Line[] };
}

describe("assessment grid", () => {
  let app: TestApp;
  let c: AuditFixture;
  beforeAll(async () => {
    app = await createTestApp();
    c = await auditCandidature(app, { kind: "NETWORK", state: "AUDIT_PLAN_RECEIVED" });
  });
  afterAll(() => app.close());

  const snapshot = async () => ({
    counts: await rowCounts(app.dataSource, AUDIT_TABLES),
    entries: await app.dataSource.query(
      "SELECT id, level, comment, version, updated_at FROM assessment_entry ORDER BY id",
    ),
    findings: await app.dataSource.query(
      "SELECT id, version, removed_at FROM improvement_area UNION ALL SELECT id, version, removed_at FROM audit_commitment ORDER BY 1",
    ),
  });
  const draft = (input: ReturnType<typeof entry>, viewer = c.member.viewer) =>
    app.execute<{ saveAssessmentDraft: EntryAnswer }>(SAVE_DRAFT, { input }, viewer);
  const grid = (viewer = c.member.viewer) =>
    app.execute<Grid>(GRID, { id: c.id }, viewer).then((r) => ok(r).auditGrid);
  const line = (
    g: Grid["auditGrid"],
    establishmentId: string,
    code: string,
    expectationId: string | null = null,
  ) =>
    g.lines.find(
      (l) =>
        l.establishmentId === establishmentId &&
        l.criterionCode === code &&
        l.expectationId === expectationId,
    )!;

  it("lays every establishment's criteria and expectations beside its self-assessment", async () => {
    const g = await grid();
    expect(g.editable).toBe(true);
    expect(g.consolidates).toBe(false);
    const [first, second] = c.establishments;
    const criteriaOf = (id: string) =>
      g.lines
        .filter((l) => l.establishmentId === id && l.expectationId === null)
        .map((l) => l.criterionCode);
    expect(criteriaOf(first!.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9a"]);
    expect(criteriaOf(second!.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    // The self-assessed level frozen at submission (criterion n: ATTAINMENT_LEVELS[n % 4]).
    expect(line(g, first!.id, "3").selfAssessedLevel).toBe(ATTAINMENT_LEVELS[3]);
    expect(line(g, second!.id, "6").selfAssessedLevel).toBe(ATTAINMENT_LEVELS[2]);
    const c4 = getCriterion(CURRENT_REFERENTIAL_VERSION, "4");
    const expectations = expectationsFor(c4, "NETWORK");
    expect(
      g.lines.filter(
        (l) => l.establishmentId === first!.id && l.criterionCode === "4" && l.expectationId,
      ),
    ).toHaveLength(expectations.length);
    const addressed = line(g, first!.id, "4", expectations[0]!.id);
    expect(addressed).toMatchObject({
      expectationText: expectations[0]!.text,
      selfAssessedLevel: null,
      addressedBySchool: true,
    });
    expect(line(g, first!.id, "4", expectations[1]!.id).addressedBySchool).toBe(false);
  });

  it("creates a draft line, replays it without change, updates it on its version, refuses a stale write with the current value", async () => {
    const writeId = randomUUID();
    const first = entry(c, {
      writeId,
      criterionCode: "2",
      level: "MET",
      comment: "Accueil des apprentis structuré.",
    });
    const created = ok(await draft(first)).saveAssessmentDraft;
    expect(created).toMatchObject({
      writeId,
      replayed: false,
      entry: {
        level: "MET",
        version: 1,
        expectationId: null,
        isTeamAssessment: false,
        auditor: { id: c.member.user.id },
      },
    });

    // The portal replays it after working offline: same answer, nothing written.
    let before = await snapshot();
    const replay = ok(await draft(first)).saveAssessmentDraft;
    expect(replay).toEqual({ ...created, replayed: true });
    expect(await snapshot()).toEqual(before);

    const updated = ok(
      await draft(
        entry(c, {
          criterionCode: "2",
          level: "EXCEEDED",
          comment: "Passerelles nombreuses.",
          baseVersion: 1,
        }),
      ),
    ).saveAssessmentDraft;
    expect(updated.entry).toMatchObject({ id: created.entry.id, level: "EXCEEDED", version: 2 });

    // A replay of the first write, after the line moved on, still answers what it did then.
    before = await snapshot();
    expect(ok(await draft(first)).saveAssessmentDraft).toEqual({ ...created, replayed: true });
    expect(await snapshot()).toEqual(before);

    // Written offline on version 1 while version 2 was saved elsewhere: a conflict with the current value.
    const stale = refused(
      await draft(entry(c, { criterionCode: "2", level: "NOT_MET", baseVersion: 1 })),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toBe(
      "Cette appréciation a changé entre-temps (version 2 ; votre modification se fondait sur la version 1) : gardez la vôtre, l'autre ou les deux.",
    );
    expect(stale.details).toMatchObject({
      reason: "STALE_VERSION",
      currentVersion: 2,
      current: {
        id: created.entry.id,
        level: "EXCEEDED",
        comment: "Passerelles nombreuses.",
        version: 2,
      },
    });
    // Created twice (two devices, no base version): a conflict too.
    const twice = refused(await draft(entry(c, { criterionCode: "2", level: "MET" })));
    expect([twice.code, twice.details?.reason]).toEqual(["CONFLICT", "ALREADY_EXISTS"]);
    // The same write id for another content: refused.
    const reused = refused(await draft({ ...first, comment: "Autre chose." }));
    expect([reused.code, reused.details?.reason]).toEqual(["CONFLICT", "WRITE_ID_REUSED"]);
    expect(await snapshot()).toEqual(before);

    // The user keeps theirs: written again on the current version.
    const kept = ok(
      await draft(entry(c, { criterionCode: "2", level: "NOT_MET", baseVersion: 2 })),
    ).saveAssessmentDraft;
    expect(kept.entry).toMatchObject({ level: "NOT_MET", version: 3 });
  });

  it("shows each auditor their own draft, the lead every draft side by side, and lets the lead consolidate", async () => {
    const [first] = c.establishments;
    const expectation = expectationsFor(
      getCriterion(CURRENT_REFERENTIAL_VERSION, "5"),
      "NETWORK",
    )[0]!.id;
    ok(await draft(entry(c, { criterionCode: "5", level: "MET" }), c.member.viewer));
    ok(await draft(entry(c, { criterionCode: "5", level: "PARTIALLY_MET" }), c.lead.viewer));
    ok(
      await draft(
        entry(c, { criterionCode: "5", expectationId: expectation, level: "MET" }),
        c.member.viewer,
      ),
    );
    ok(
      await draft(
        entry(c, { criterionCode: "5", expectationId: expectation, level: "MET" }),
        c.lead.viewer,
      ),
    );

    const asMember = line(await grid(c.member.viewer), first!.id, "5");
    expect(asMember.myDraft).toMatchObject({ level: "MET" });
    expect(asMember.auditorDrafts.map((d) => d.auditor.id)).toEqual([c.member.user.id]);

    const leadGrid = await grid(c.lead.viewer);
    expect(leadGrid.consolidates).toBe(true);
    const asLead = line(leadGrid, first!.id, "5");
    expect(asLead.auditorDrafts.map((d) => [d.auditor.id, d.level]).sort()).toEqual(
      [
        [c.member.user.id, "MET"],
        [c.lead.user.id, "PARTIALLY_MET"],
      ].sort(),
    );
    expect(asLead).toMatchObject({ levelsDiffer: true, unanimousLevel: null, team: null });
    expect(line(leadGrid, first!.id, "5", expectation)).toMatchObject({
      levelsDiffer: false,
      unanimousLevel: "MET",
    });

    // The lead settles the team's level; a member may not.
    const before = await snapshot();
    const byMember = refused(
      await app.execute(
        SAVE_TEAM,
        { input: entry(c, { criterionCode: "5", level: "MET" }) },
        c.member.viewer,
      ),
    );
    expect(byMember.code).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
    const team = ok(
      await app.execute<{ saveTeamAssessment: EntryAnswer }>(
        SAVE_TEAM,
        {
          input: entry(c, {
            criterionCode: "5",
            level: "MET",
            comment: "Stratégie culturelle commune aboutie.",
          }),
        },
        c.lead.viewer,
      ),
    ).saveTeamAssessment;
    expect(team.entry).toMatchObject({
      isTeamAssessment: true,
      auditor: null,
      level: "MET",
      version: 1,
    });
    // Everyone in the team sees the team's level; DRAFPIC sees everything.
    expect(line(await grid(c.member.viewer), first!.id, "5").team).toMatchObject({ level: "MET" });
    const drafpic = line(await grid(app.drafpic), first!.id, "5");
    expect(drafpic.auditorDrafts).toHaveLength(2);
    expect(drafpic.myDraft).toBeNull();
  });

  it("refuses lines outside the grid, other establishments, DRAFPIC, strangers and unsigned auditors, and changes nothing", async () => {
    const before = await snapshot();
    const [first, second] = c.establishments;
    const notChosen = refused(
      await draft(entry(c, { establishmentId: second!.id, criterionCode: "9a" })),
    );
    expect(notChosen.code).toBe("BAD_USER_INPUT");
    expect(notChosen.message).toBe(
      "Le critère « 9a » n'est pas évalué pour cet établissement (critères du référentiel qu'il a retenus).",
    );
    const wrongExpectation = refused(
      await draft(
        entry(c, { establishmentId: first!.id, criterionCode: "3", expectationId: "4.1" }),
      ),
    );
    expect(wrongExpectation.message).toBe(
      "L'attendu « 4.1 » n'appartient pas au critère 3 pour une candidature en réseau.",
    );
    const badLevel = await draft({ ...entry(c), level: "GOOD" });
    expect(badLevel.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const longComment = refused(
      await draft(entry(c, { criterionCode: "7", comment: "x".repeat(5001) })),
    );
    expect(longComment.message).toBe("Le champ « commentaire » dépasse 5000 caractères.");
    const outsider = refused(await draft(entry(c, { establishmentId: randomUUID() })));
    expect(outsider.code).toBe("NOT_FOUND");
    expect(refused(await draft(entry(c), app.drafpic)).code).toBe("FORBIDDEN");
    expect(refused(await draft(entry(c), c.head.viewer)).code).toBe("FORBIDDEN");
    const stranger = await auditorAccount(app, "INSPECTOR");
    expect(refused(await draft(entry(c), stranger.viewer)).code).toBe("NOT_FOUND");
    const late = await auditorAccount(app, "IPE");
    ok(
      await app.execute(
        `mutation($input: AuditorAssignmentInput!) { assignAuditor(input: $input) { id } }`,
        {
          input: { candidatureId: c.id, userId: late.user.id },
        },
      ),
    );
    const midway = await snapshot();
    const unsigned = refused(await draft(entry(c), late.viewer));
    expect(unsigned.code).toBe("FORBIDDEN");
    expect(unsigned.details).toEqual({ reason: "DECLARATION_REQUIRED" });
    expect(await snapshot()).toEqual(midway);
    expect((before as { counts: Record<string, number> }).counts.assessment_entry).toBe(
      (midway as { counts: Record<string, number> }).counts.assessment_entry,
    );
  });

  it("is written only during the audit phase", async () => {
    const early = await auditCandidature(app, { state: "SUBMITTED" });
    const before = await snapshot();
    const result = refused(
      await app.execute(SAVE_DRAFT, { input: entry(early) }, early.member.viewer),
    );
    expect(result.code).toBe("AUDIT_PHASE_CLOSED");
    expect(result.message).toBe(
      "L'évaluation se fait de la visite préparatoire à l'audit ; la candidature est à l'état « Dossier déposé ».",
    );
    expect(await snapshot()).toEqual(before);
    // Reading is open to the signed team: not editable yet.
    expect(
      (await app.execute<Grid>(GRID, { id: early.id }, early.member.viewer).then(ok)).auditGrid
        .editable,
    ).toBe(false);
  });

  describe("findings", () => {
    const area = (values: Record<string, unknown> = {}) => ({
      writeId: randomUUID(),
      id: randomUUID(),
      candidatureId: c.id,
      severity: "MAJOR",
      description: "Le suivi des décrocheurs n'est pas formalisé.",
      criterionCode: "7",
      ...values,
    });

    it("are created with client ids, replayed without change, versioned, removed and restored", async () => {
      const first = area({ establishmentId: c.establishments[0]!.id });
      const created = ok(await app.execute(SAVE_AREA, { input: first }, c.member.viewer))
        .saveImprovementArea as {
        replayed: boolean;
        improvementArea: { id: string; version: number; establishment: { id: string } };
      };
      expect(created).toMatchObject({
        replayed: false,
        improvementArea: {
          id: first.id,
          version: 1,
          establishment: { id: c.establishments[0]!.id },
        },
      });
      let before = await snapshot();
      expect(
        ok(await app.execute(SAVE_AREA, { input: first }, c.member.viewer)).saveImprovementArea,
      ).toEqual({
        ...created,
        replayed: true,
      });
      expect(await snapshot()).toEqual(before);

      // The lead edits it; the member's offline edit on version 1 is then a conflict.
      ok(
        await app.execute(
          SAVE_AREA,
          { input: { ...first, writeId: randomUUID(), severity: "MINOR", baseVersion: 1 } },
          c.lead.viewer,
        ),
      );
      before = await snapshot();
      const stale = refused(
        await app.execute(
          SAVE_AREA,
          { input: { ...first, writeId: randomUUID(), description: "Autre", baseVersion: 1 } },
          c.member.viewer,
        ),
      );
      expect(stale.code).toBe("CONFLICT");
      expect(stale.message).toBe(
        "Cet axe de progrès a changé entre-temps (version 2 ; votre modification se fondait sur la version 1) : gardez la vôtre, l'autre ou les deux.",
      );
      expect(stale.details).toMatchObject({ currentVersion: 2, current: { severity: "MINOR" } });
      expect(await snapshot()).toEqual(before);

      // Removed (a versioned write), hidden from the list but for a synchronising client, then restored.
      const removed = ok(
        await app.execute(
          REMOVE_AREA,
          { input: { writeId: randomUUID(), id: first.id, candidatureId: c.id, baseVersion: 2 } },
          c.member.viewer,
        ),
      ).removeImprovementArea as { improvementArea: { version: number; removedAt: string | null } };
      expect(removed.improvementArea.version).toBe(3);
      expect(removed.improvementArea.removedAt).not.toBeNull();
      type F = { auditFindings: { improvementAreas: { id: string; removedAt: string | null }[] } };
      const listed = ok(
        await app.execute<F>(FINDINGS, { id: c.id }, c.member.viewer),
      ).auditFindings;
      expect(listed.improvementAreas.map((a) => a.id)).not.toContain(first.id);
      const all = ok(
        await app.execute<F>(FINDINGS, { id: c.id, all: true }, c.member.viewer),
      ).auditFindings;
      expect(all.improvementAreas.find((a) => a.id === first.id)?.removedAt).not.toBeNull();
      const restored = ok(
        await app.execute(
          SAVE_AREA,
          { input: { ...first, writeId: randomUUID(), baseVersion: 3 } },
          c.member.viewer,
        ),
      ).saveImprovementArea as { improvementArea: { version: number; removedAt: string | null } };
      expect(restored.improvementArea).toMatchObject({ version: 4, removedAt: null });
    });

    it("refuses a criterion not assessed, an unknown establishment, a taken id, and changes nothing", async () => {
      const before = await snapshot();
      const notAssessed = refused(
        await app.execute(
          SAVE_AREA,
          { input: area({ establishmentId: c.establishments[1]!.id, criterionCode: "9a" }) },
          c.member.viewer,
        ),
      );
      expect(notAssessed.message).toBe(
        "Le critère « 9a » n'est pas évalué pour cet établissement.",
      );
      expect(
        refused(
          await app.execute(SAVE_AREA, { input: area({ criterionCode: "9b" }) }, c.member.viewer),
        ).message,
      ).toBe("Le critère « 9b » n'est pas évalué dans cette candidature.");
      expect(
        refused(
          await app.execute(
            SAVE_AREA,
            { input: area({ establishmentId: randomUUID() }) },
            c.member.viewer,
          ),
        ).code,
      ).toBe("NOT_FOUND");
      expect(
        refused(
          await app.execute(SAVE_AREA, { input: area({ description: "  " }) }, c.member.viewer),
        ).message,
      ).toBe("Le champ « axe de progrès » est obligatoire.");
      // An id taken by another candidature's finding is refused, without its content.
      const other = await auditCandidature(app, { state: "AUDITED" });
      const taken = area({ candidatureId: other.id });
      ok(await app.execute(SAVE_AREA, { input: taken }, other.member.viewer));
      const midway = await snapshot();
      const clash = refused(
        await app.execute(SAVE_AREA, { input: area({ id: taken.id }) }, c.member.viewer),
      );
      expect(clash.code).toBe("BAD_USER_INPUT");
      expect(clash.details).toEqual({ id: taken.id });
      expect(await snapshot()).toEqual(midway);
      const areas = (s: unknown) =>
        (s as { counts: Record<string, number> }).counts.improvement_area;
      expect((areas(before) ?? 0) + 1).toBe(areas(midway));
    });

    it("keep commitments with an owner and a deadline after the audit, within the label's five years", async () => {
      const commitment = (values: Record<string, unknown> = {}) => ({
        writeId: randomUUID(),
        id: randomUUID(),
        candidatureId: c.id,
        description: "Mettre en place un tableau de bord du décrochage.",
        owner: "Proviseure adjointe",
        dueOn: inDays(300),
        ...values,
      });
      const saved = ok(await app.execute(SAVE_COMMITMENT, { input: commitment() }, c.member.viewer))
        .saveAuditCommitment as { commitment: { owner: string; dueOn: string; version: number } };
      expect(saved.commitment).toMatchObject({ owner: "Proviseure adjointe", version: 1 });

      const before = await snapshot();
      const past = refused(
        await app.execute(
          SAVE_COMMITMENT,
          { input: commitment({ dueOn: inDays(-1) }) },
          c.member.viewer,
        ),
      );
      expect(past.code).toBe("BAD_USER_INPUT");
      expect(past.details).toMatchObject({ reason: "DEADLINE_TOO_EARLY" });
      const far = refused(
        await app.execute(
          SAVE_COMMITMENT,
          { input: commitment({ dueOn: inDays(5 * 366 + 2) }) },
          c.member.viewer,
        ),
      );
      expect(far.details).toMatchObject({ reason: "DEADLINE_TOO_LATE" });
      const noOwner = refused(
        await app.execute(SAVE_COMMITMENT, { input: commitment({ owner: "" }) }, c.member.viewer),
      );
      expect(noOwner.message).toBe("Le champ « porteur de l'engagement » est obligatoire.");
      const unknownArea = refused(
        await app.execute(
          SAVE_COMMITMENT,
          { input: commitment({ improvementAreaId: randomUUID() }) },
          c.member.viewer,
        ),
      );
      expect(unknownArea.message).toBe(
        "L'axe de progrès auquel l'engagement répond n'existe pas dans cette candidature.",
      );
      expect(await snapshot()).toEqual(before);

      // A draft's findings are the team's: neither an analyst nor the school reads them yet.
      const analyst = await insertUser(app.dataSource, { role: "ANALYST" });
      expect(refused(await app.execute(FINDINGS, { id: c.id }, analyst.viewer)).code).toBe(
        "FORBIDDEN",
      );
      expect(refused(await app.execute(FINDINGS, { id: c.id }, c.head.viewer)).code).toBe(
        "FORBIDDEN",
      );
    });
  });
});
