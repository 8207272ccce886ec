/**
 * The audit team and the declaration of independence: DRAFPIC composes the team (an inspector leads,
 * profiles from the accounts), an auditor takes part in one audit per day, an unsigned auditor sees
 * the assignment and signs, and reads nothing before. Every refusal is coded, in French, and changes
 * nothing.
 */
import {
  AUDIT_STEP_LABELS,
  INDEPENDENCE_DECLARATION_VERSION,
  formatFrenchDateWithWeekday,
} from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { rowCounts, workingDayInMonths } from "../../test/fixtures";
import {
  AUDIT_TABLES,
  SET_TEAM,
  SIGN,
  auditCandidature,
  auditorAccount,
  cookieFor,
  sign,
  type AuditFixture,
} from "./audit-test-kit";

const ASSIGN = `mutation($input: AuditorAssignmentInput!) { assignAuditor(input: $input) { id } }`;
const UNASSIGN = `mutation($input: AuditorAssignmentInput!) { unassignAuditor(input: $input) { id } }`;
const SCHEDULE = `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { id auditDate } }`;
const TEAM = `query($id: ID!) { candidature(id: $id) { auditTeam { teamRole profile declarationSigned
  declarationTextVersion declaredEstablishmentIds user { id fullName } } } }`;
const ASSIGNMENTS = `{ myAuditAssignments(first: 10) { totalCount edges { node { candidatureId state teamRole
  declarationSignedAt nextStep nextStepLabel establishments { id name } declaration { version text } } } } }`;
const READ = `query($id: ID!) { candidature(id: $id) { id } }`;
const LIST = `{ candidatures(first: 50) { edges { node { id } } } }`;

interface Team {
  candidature: {
    auditTeam: {
      teamRole: string;
      profile: string;
      declarationSigned: boolean;
      declarationTextVersion: string | null;
      declaredEstablishmentIds: string[];
      user: { id: string; fullName: string };
    }[];
  };
}

describe("audit team", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  /** Everything a refused call must leave untouched. */
  async function snapshot(candidatureId: string): Promise<unknown> {
    return {
      counts: await rowCounts(app.dataSource, AUDIT_TABLES),
      team: await app.dataSource.query(
        `SELECT user_id, team_role, declaration_signed_at, updated_at FROM candidature_auditor
          WHERE candidature_id = $1 ORDER BY user_id`,
        [candidatureId],
      ),
      candidature: await app.dataSource.query(
        "SELECT state, audit_date::text, updated_at FROM candidature WHERE id = $1",
        [candidatureId],
      ),
    };
  }

  const setTeam = (
    c: { id: string },
    members: { userId: string; teamRole: string }[],
    viewer = app.drafpic,
  ) => app.execute(SET_TEAM, { input: { candidatureId: c.id, members } }, viewer);

  it("is composed by DRAFPIC: an inspector leads, the profiles come from the accounts", async () => {
    const c = await auditCandidature(app);
    const team = ok(await app.execute<Team>(TEAM, { id: c.id })).candidature.auditTeam;
    expect(team.map((m) => [m.user.id, m.teamRole, m.profile, m.declarationSigned])).toEqual([
      [c.lead.user.id, "LEAD", "INSPECTOR", true],
      [c.member.user.id, "MEMBER", "CEE", true],
    ]);
    expect(team[0]!.declarationTextVersion).toBe(INDEPENDENCE_DECLARATION_VERSION);
    expect(team[0]!.declaredEstablishmentIds).toEqual([c.establishments[0]!.id]);

    // The lead changes hands: the former lead stays as a member, his declaration kept; a branch
    // representative joins, the CEE leaves.
    const second = await auditorAccount(app, "INSPECTOR", "Sophie Bernard");
    const branch = await auditorAccount(app, "BRANCH_REPRESENTATIVE");
    ok(
      await setTeam(c, [
        { userId: c.lead.user.id, teamRole: "MEMBER" },
        { userId: second.user.id, teamRole: "LEAD" },
        { userId: branch.user.id, teamRole: "MEMBER" },
      ]),
    );
    const after = ok(await app.execute<Team>(TEAM, { id: c.id })).candidature.auditTeam;
    expect(
      after.map((m) => [m.user.id, m.teamRole, m.profile, m.declarationSigned]).sort(),
    ).toEqual(
      [
        [c.lead.user.id, "MEMBER", "INSPECTOR", true],
        [second.user.id, "LEAD", "INSPECTOR", false],
        [branch.user.id, "MEMBER", "BRANCH_REPRESENTATIVE", false],
      ].sort(),
    );
    // Every change is in the audit trail.
    const trail: { action: string }[] = await app.dataSource.query(
      "SELECT action FROM audit_log WHERE entity_type = 'CandidatureAuditor' AND operation = 'setAuditTeam'",
    );
    expect(trail.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses a team without inspector, without lead, led by a CEE, or with an inactive account, and changes nothing", async () => {
    const c = await auditCandidature(app, { signed: false });
    const cee = await auditorAccount(app, "CEE");
    const ipe = await auditorAccount(app, "IPE");
    const before = await snapshot(c.id);

    const noInspector = refused(
      await setTeam(c, [
        { userId: cee.user.id, teamRole: "LEAD" },
        { userId: ipe.user.id, teamRole: "MEMBER" },
      ]),
    );
    expect(noInspector.code).toBe("BAD_USER_INPUT");
    expect(noInspector.message).toBe(
      "Cette équipe d'audit ne convient pas : l'équipe d'audit doit comprendre au moins un inspecteur de l'académie (les CEE, IPE et représentants de branche s'y associent).",
    );
    const noLead = refused(
      await setTeam(c, [
        { userId: c.lead.user.id, teamRole: "MEMBER" },
        { userId: cee.user.id, teamRole: "MEMBER" },
      ]),
    );
    expect(noLead.message).toBe(
      "Cette équipe d'audit ne convient pas : l'équipe d'audit n'a pas d'auditeur principal : désignez l'un des inspecteurs.",
    );
    const ceeLead = refused(
      await setTeam(c, [
        { userId: c.lead.user.id, teamRole: "MEMBER" },
        { userId: c.member.user.id, teamRole: "LEAD" },
      ]),
    );
    expect(ceeLead.message).toBe(
      "Cette équipe d'audit ne convient pas : l'auditeur principal (Marc Olivier) doit être un inspecteur de l'académie, pas un Conseiller entreprise pour l'École (CEE).",
    );
    const twoLeads = refused(
      await setTeam(c, [
        { userId: c.lead.user.id, teamRole: "LEAD" },
        { userId: (await auditorAccount(app, "INSPECTOR")).user.id, teamRole: "LEAD" },
      ]),
    );
    expect(twoLeads.code).toBe("BAD_USER_INPUT");
    await app.dataSource.query("UPDATE app_user SET active = false WHERE id = $1", [ipe.user.id]);
    const inactive = refused(
      await setTeam(c, [
        { userId: c.lead.user.id, teamRole: "LEAD" },
        { userId: ipe.user.id, teamRole: "MEMBER" },
      ]),
    );
    expect(inactive.code).toBe("BAD_USER_INPUT");
    expect(inactive.message).toBe(
      "Seul un compte d'auditeur actif peut faire partie d'une équipe d'audit.",
    );
    // Only DRAFPIC composes it.
    const byHead = refused(
      await setTeam(c, [{ userId: c.lead.user.id, teamRole: "LEAD" }], c.head.viewer),
    );
    expect(byHead.code).toBe("FORBIDDEN");
    const byLead = refused(
      await setTeam(c, [{ userId: c.lead.user.id, teamRole: "LEAD" }], c.lead.viewer),
    );
    expect(byLead.code).toBe("NOT_FOUND"); // an unsigned auditor does not see the candidature
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("makes the first inspector assigned one by one the lead; the audit needs a lead", async () => {
    const c = await auditCandidature(app, { state: "AUDIT_PLAN_RECEIVED", signed: false });
    // Rebuild the team one auditor at a time.
    for (const a of [c.lead, c.member]) {
      ok(await app.execute(UNASSIGN, { input: { candidatureId: c.id, userId: a.user.id } }));
    }
    const cee = await auditorAccount(app, "CEE");
    const inspector = await auditorAccount(app, "INSPECTOR");
    const other = await auditorAccount(app, "INSPECTOR");
    for (const a of [cee, inspector, other]) {
      ok(await app.execute(ASSIGN, { input: { candidatureId: c.id, userId: a.user.id } }));
    }
    const team = ok(await app.execute<Team>(TEAM, { id: c.id })).candidature.auditTeam;
    expect(team.map((m) => [m.user.id, m.teamRole])).toEqual([
      [cee.user.id, "MEMBER"],
      [inspector.user.id, "LEAD"],
      [other.user.id, "MEMBER"],
    ]);
    // The lead leaves: no audit is recorded without one.
    ok(await app.execute(UNASSIGN, { input: { candidatureId: c.id, userId: inspector.user.id } }));
    const before = await snapshot(c.id);
    const noLead = refused(
      await app.execute(
        `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { id } }`,
        {
          input: { candidatureId: c.id, transition: "RECORD_AUDIT" },
        },
      ),
    );
    expect(noLead.code).toBe("INVALID_TRANSITION");
    expect(noLead.message).toBe(
      "L'audit ne peut pas être enregistré : l'équipe d'audit n'a pas d'auditeur principal : désignez l'un des inspecteurs.",
    );
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("lets an auditor take part in one audit per day, checked when the team or the audit date changes", async () => {
    const day = workingDayInMonths(3);
    const first = await auditCandidature(app, {
      state: "SUBMITTED",
      auditDate: day,
      signed: false,
    });
    const second = await auditCandidature(app, {
      state: "SUBMITTED",
      auditDate: null,
      signed: false,
    });
    const busy = `${first.lead.user.fullName} participe déjà à un autre audit le ${formatFrenchDateWithWeekday(day)} : un audit dure la journée, un auditeur ne participe qu'à un audit par jour.`;

    // The second candidature's audit moves onto the day its team's lead... once he is in both teams.
    ok(
      await setTeam(second, [
        { userId: first.lead.user.id, teamRole: "LEAD" },
        { userId: second.member.user.id, teamRole: "MEMBER" },
      ]),
    );
    let before = await snapshot(second.id);
    const scheduled = refused(
      await app.execute(SCHEDULE, { input: { candidatureId: second.id, auditDate: day } }),
    );
    expect(scheduled.code).toBe("CONFLICT");
    expect(scheduled.message).toBe(busy);
    expect(scheduled.details).toMatchObject({ reason: "AUDITOR_BUSY", auditDate: day });
    expect(await snapshot(second.id)).toEqual(before);

    // On another day, fine; then the busy inspector cannot join a team audited on the same day.
    const otherDay = workingDayInMonths(4);
    ok(await app.execute(SCHEDULE, { input: { candidatureId: second.id, auditDate: otherDay } }));
    const third = await auditCandidature(app, {
      state: "SUBMITTED",
      auditDate: otherDay,
      signed: false,
    });
    before = await snapshot(third.id);
    const joined = refused(
      await app.execute(ASSIGN, { input: { candidatureId: third.id, userId: first.lead.user.id } }),
    );
    expect(joined.code).toBe("CONFLICT");
    expect(joined.message).toBe(
      `${first.lead.user.fullName} participe déjà à un autre audit le ${formatFrenchDateWithWeekday(otherDay)} : un audit dure la journée, un auditeur ne participe qu'à un audit par jour.`,
    );
    const composed = refused(
      await setTeam(third, [{ userId: first.lead.user.id, teamRole: "LEAD" }]),
    );
    expect(composed.code).toBe("CONFLICT");
    expect(await snapshot(third.id)).toEqual(before);
  });

  describe("declaration of independence and confidentiality", () => {
    let c: AuditFixture;
    beforeAll(async () => {
      c = await auditCandidature(app, {
        kind: "NETWORK",
        state: "PREPARATORY_VISIT_DONE",
        signed: false,
      });
    });

    interface Assignments {
      myAuditAssignments: {
        totalCount: number;
        edges: {
          node: {
            candidatureId: string;
            teamRole: string;
            declarationSignedAt: string | null;
            nextStep: string;
            nextStepLabel: string;
            establishments: { id: string; name: string }[];
            declaration: { version: string; text: string };
          };
        }[];
      };
    }

    it("keeps the dossier closed to an unsigned auditor, who sees the assignment and what to do next", async () => {
      const seen = refused(await app.execute(READ, { id: c.id }, c.member.viewer));
      expect(seen.code).toBe("NOT_FOUND");
      const list = ok(
        await app.execute<{ candidatures: { edges: { node: { id: string } }[] } }>(
          LIST,
          {},
          c.member.viewer,
        ),
      );
      expect(list.candidatures.edges.map((e) => e.node.id)).not.toContain(c.id);
      const grid = refused(
        await app.execute(
          `query($id: ID!) { auditGrid(candidatureId: $id) { editable } }`,
          { id: c.id },
          c.member.viewer,
        ),
      );
      expect(grid.code).toBe("FORBIDDEN");
      expect(grid.message).toBe(
        "Signez d'abord la déclaration d'indépendance et de confidentialité : jusque-là, le dossier et les travaux de l'équipe d'audit vous restent fermés.",
      );
      expect(grid.details).toEqual({ reason: "DECLARATION_REQUIRED" });
      // Nor its exports: the dossier answers like a missing one, the report asks for the signature.
      const base = `${await app.listen()}/exports/candidatures/${c.id}`;
      const cookie = await cookieFor(app, c.member.user.id);
      expect((await fetch(`${base}/dossier.pdf`, { headers: { cookie } })).status).toBe(404);
      const report = await fetch(`${base}/audit-report.pdf`, { headers: { cookie } });
      expect(report.status).toBe(403);
      expect(await report.json()).toMatchObject({
        errors: [
          { extensions: { code: "FORBIDDEN", details: { reason: "DECLARATION_REQUIRED" } } },
        ],
      });

      const assignments = ok(await app.execute<Assignments>(ASSIGNMENTS, {}, c.member.viewer));
      const mine = assignments.myAuditAssignments.edges.map((e) => e.node);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        candidatureId: c.id,
        teamRole: "MEMBER",
        declarationSignedAt: null,
        nextStep: "SIGN_DECLARATION",
        nextStepLabel: AUDIT_STEP_LABELS.SIGN_DECLARATION,
        establishments: c.establishments.map((e) => ({ id: e.id, name: e.name })),
      });
      expect(mine[0]!.declaration.version).toBe(INDEPENDENCE_DECLARATION_VERSION);
      expect(mine[0]!.declaration.text).toContain(
        `des établissements ${c.establishments[0]!.name} (${c.establishments[0]!.uai}) et ${c.establishments[1]!.name} (${c.establishments[1]!.uai})`,
      );
      // Nobody else has assignments.
      expect(
        ok(await app.execute<Assignments>(ASSIGNMENTS, {}, c.head.viewer)).myAuditAssignments
          .totalCount,
      ).toBe(0);
    });

    it("refuses a stale text, a declared conflict of interest, a stranger, and changes nothing", async () => {
      const before = await snapshot(c.id);
      const signAs = (viewer = c.member.viewer, input: Record<string, unknown> = {}) =>
        app.execute(
          SIGN,
          {
            input: {
              candidatureId: c.id,
              textVersion: INDEPENDENCE_DECLARATION_VERSION,
              noConflictOfInterest: true,
              ...input,
            },
          },
          viewer,
        );
      const stale = refused(await signAs(c.member.viewer, { textVersion: "2019-1" }));
      expect(stale.code).toBe("CONFLICT");
      expect(stale.message).toBe(
        `Le texte de la déclaration a changé (version ${INDEPENDENCE_DECLARATION_VERSION}, vous avez lu la version 2019-1) : relisez-le avant de signer.`,
      );
      const conflicted = refused(await signAs(c.member.viewer, { noConflictOfInterest: false }));
      expect(conflicted.code).toBe("BAD_USER_INPUT");
      expect(conflicted.message).toBe(
        "Vous ne pouvez pas signer en déclarant un conflit d'intérêts : signalez-le à la DRAFPIC, qui modifiera l'équipe d'audit.",
      );
      const stranger = await auditorAccount(app, "INSPECTOR");
      expect(refused(await signAs(stranger.viewer)).code).toBe("NOT_FOUND");
      expect(refused(await signAs(app.drafpic)).code).toBe("FORBIDDEN");
      expect(refused(await signAs(c.head.viewer)).code).toBe("FORBIDDEN");
      expect(await snapshot(c.id)).toEqual(before);
    });

    it("opens the dossier once signed, and is signed once", async () => {
      const signed = ok(
        await app.execute<{
          signAuditDeclaration: { nextStep: string; declarationSignedAt: string };
        }>(
          SIGN,
          {
            input: {
              candidatureId: c.id,
              textVersion: INDEPENDENCE_DECLARATION_VERSION,
              noConflictOfInterest: true,
            },
          },
          c.member.viewer,
        ),
      ).signAuditDeclaration;
      expect(signed.nextStep).toBe("ASSESS");
      expect(ok(await app.execute(READ, { id: c.id }, c.member.viewer))).toEqual({
        candidature: { id: c.id },
      });
      const list = ok(
        await app.execute<{ candidatures: { edges: { node: { id: string } }[] } }>(
          LIST,
          {},
          c.member.viewer,
        ),
      );
      expect(list.candidatures.edges.map((e) => e.node.id)).toContain(c.id);
      const [row] = (await app.dataSource.query(
        `SELECT declaration_text_version, declared_establishment_ids FROM candidature_auditor
          WHERE candidature_id = $1 AND user_id = $2`,
        [c.id, c.member.user.id],
      )) as { declaration_text_version: string; declared_establishment_ids: string[] }[];
      expect(row!.declaration_text_version).toBe(INDEPENDENCE_DECLARATION_VERSION);
      expect([...row!.declared_establishment_ids].sort()).toEqual(
        c.establishments.map((e) => e.id).sort(),
      );

      const before = await snapshot(c.id);
      const twice = refused(
        await app.execute(
          SIGN,
          {
            input: {
              candidatureId: c.id,
              textVersion: INDEPENDENCE_DECLARATION_VERSION,
              noConflictOfInterest: true,
            },
          },
          c.member.viewer,
        ),
      );
      expect([twice.code, twice.details?.reason]).toEqual(["CONFLICT", "ALREADY_SIGNED"]);
      expect(await snapshot(c.id)).toEqual(before);
      // The lead signs too: he consolidates and finalises.
      await sign(app, c.id, c.lead.viewer);
      const lead = ok(await app.execute<Assignments>(ASSIGNMENTS, {}, c.lead.viewer));
      expect(lead.myAuditAssignments.edges[0]!.node.nextStep).toBe("CONSOLIDATE_AND_FINALISE");
    });

    it("is signed once the dossier is submitted", async () => {
      const early = await auditCandidature(app, { state: "DOSSIER_OPEN", signed: false });
      const before = await snapshot(early.id);
      const result = refused(
        await app.execute(
          SIGN,
          {
            input: {
              candidatureId: early.id,
              textVersion: INDEPENDENCE_DECLARATION_VERSION,
              noConflictOfInterest: true,
            },
          },
          early.lead.viewer,
        ),
      );
      expect(result.code).toBe("INVALID_TRANSITION");
      expect(result.message).toBe(
        "La déclaration se signe une fois le dossier déposé : il n'y a encore rien à lire.",
      );
      expect(await snapshot(early.id)).toEqual(before);
      const assignments = ok(await app.execute<Assignments>(ASSIGNMENTS, {}, early.lead.viewer));
      expect(
        assignments.myAuditAssignments.edges.find((e) => e.node.candidatureId === early.id)?.node
          .nextStep,
      ).toBe("AWAIT_SUBMISSION");
    });
  });
});
