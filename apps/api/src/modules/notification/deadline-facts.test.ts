/**
 * The facts the reminders are computed from, read from every module's tables (audit team and its
 * lead, plan, report, commitments, référents, renewals), and the scan that turns them into in-app
 * notifications and e-mails once.
 */
import { CURRENT_REFERENTIAL_VERSION, type CandidatureState } from "@ldm/domain";
import { insertEstablishment, insertUser } from "../../test/fixtures";
import { createTestApp, type TestApp } from "../../test/test-app";
import { Candidature, CoApplicant } from "../candidature/candidature.entity";
import { loadDeadlineContexts } from "./deadline-facts";
import { MailDelivery, Notification } from "./notification.entity";
import { scanReminders } from "./reminder-scan";

describe("deadline facts and the reminder scan", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  async function candidature(
    state: CandidatureState,
    establishmentIds: string[],
    extra: Partial<Candidature> = {},
  ): Promise<string> {
    const c = await app.dataSource.getRepository(Candidature).save({
      kind: establishmentIds.length > 1 ? "NETWORK" : "INDIVIDUAL",
      awardType: "FIRST_AWARD",
      state,
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle: "Métiers de l'énergie",
      auditDate: "2027-05-18",
      publicationDate: null,
      submittedAt: null,
      renewsCandidatureId: null,
      ...extra,
    } as Candidature);
    for (const [i, establishmentId] of establishmentIds.entries()) {
      await app.dataSource.getRepository(CoApplicant).save({
        candidatureId: c.id,
        establishmentId,
        isLead: i === 0,
        optionalCriterionVariant: null,
        engagementLetterOn: null,
        boardMinutesOn: null,
        submissionApprovedAt: null,
        submissionApprovedBy: null,
      });
    }
    return c.id;
  }

  it("reads the audit team's lead, the plan, the report, the commitments and the référents", async () => {
    const a = await insertEstablishment(app.dataSource, { name: "Lycée Alpha" });
    const b = await insertEstablishment(app.dataSource, { name: "Lycée Bêta" });
    const lead = await insertUser(app.dataSource, { role: "AUDITOR" });
    const member = await insertUser(app.dataSource, { role: "AUDITOR", auditorProfile: "CEE" });
    const referent = await insertUser(app.dataSource, { role: "AUDITOR" });
    const id = await candidature("AUDITED", [a.id, b.id]);
    const q = (sql: string, params: unknown[]) => app.dataSource.query(sql, params);
    await q(
      "INSERT INTO candidature_auditor (candidature_id, user_id, team_role) VALUES ($1, $2, 'LEAD'), ($1, $3, 'MEMBER')",
      [id, lead.user.id, member.user.id],
    );
    await q("INSERT INTO referent_inspector (establishment_id, user_id) VALUES ($1, $2)", [
      a.id,
      referent.user.id,
    ]);
    await q(
      "INSERT INTO audit_plan (candidature_id, content, submitted_at) VALUES ($1, '{}'::jsonb, now())",
      [id],
    );
    await q("INSERT INTO audit_report (candidature_id) VALUES ($1)", [id]);
    await q(
      `INSERT INTO audit_commitment (candidature_id, establishment_id, description, owner, due_on, removed_at)
       VALUES ($1, $2, 'Ouvrir un bureau des entreprises commun aux deux lycées', 'Proviseur adjoint', '2028-01-31', NULL),
              ($1, NULL, 'Engagement retiré', 'DDFPT', '2027-12-01', now())`,
      [id, b.id],
    );
    const [ctx] = await loadDeadlineContexts(app.dataSource.manager, [id]);
    expect(ctx!.name).toBe("réseau porté par Lycée Alpha (2 établissements)");
    expect(ctx!.facts).toMatchObject({
      state: "AUDITED",
      memberEstablishmentIds: [a.id, b.id],
      leadEstablishmentId: a.id,
      auditPlanSubmitted: true,
      auditReportFinalised: false,
      renewalEngaged: false,
      renewalLabelled: false,
      commitments: [
        {
          title: "Ouvrir un bureau des entreprises commun aux deux lycées",
          deadline: "2028-01-31",
          establishmentId: b.id,
          fulfilled: false,
        },
      ],
    });
    expect([...ctx!.people.auditTeamIds].sort()).toEqual([lead.user.id, member.user.id].sort());
    expect(ctx!.people).toMatchObject({
      leadAuditorId: lead.user.id,
      referentInspectorIds: [referent.user.id],
    });

    // The report is due four weeks after the audit (2027-06-15): a week before, the lead auditor and
    // the regional team are reminded, once however many scans run.
    const first = await scanReminders(app.dataSource, null, "2027-06-08");
    const again = await scanReminders(app.dataSource, null, "2027-06-09");
    expect(first).toEqual({ due: 2, recorded: 2 });
    expect(again).toEqual({ due: 2, recorded: 0 });
    const notified = await app.dataSource
      .getRepository(Notification)
      .find({ where: { candidatureId: id } });
    expect(notified.map((n) => n.userId).sort()).toEqual([app.drafpic.userId, lead.user.id].sort());
    expect(notified[0]!.title).toBe(
      "Rappel : date limite de remise du rapport d'audit le 15 juin 2027 (dans 7 jours)",
    );
    const mails = await app.dataSource.getRepository(MailDelivery).find();
    expect(mails.map((m) => m.status)).toEqual(["PENDING", "PENDING"]);

    await q(
      "UPDATE audit_report SET status = 'FINAL', finalised_at = now() WHERE candidature_id = $1",
      [id],
    );
    const [after] = await loadDeadlineContexts(app.dataSource.manager, [id]);
    expect(after!.facts.auditReportFinalised).toBe(true);
  });

  it("knows a label whose renewal is engaged, and leaves refused candidatures out of the scan", async () => {
    const e = await insertEstablishment(app.dataSource);
    const labelled = await candidature("LABELLED", [e.id], { publicationDate: "2027-07-01" });
    const refused = await candidature("REFUSED", [(await insertEstablishment(app.dataSource)).id]);
    const running = (await loadDeadlineContexts(app.dataSource.manager)).map(
      (c) => c.facts.candidatureId,
    );
    expect(running).toContain(labelled);
    expect(running).not.toContain(refused);
    const renewal = await candidature("ENGAGEMENT", [e.id], { auditDate: null });
    await app.dataSource
      .getRepository(Candidature)
      .update({ id: renewal }, { renewsCandidatureId: labelled });
    const [ctx] = await loadDeadlineContexts(app.dataSource.manager, [labelled]);
    expect(ctx!.facts).toMatchObject({ renewalEngaged: true, renewalLabelled: false });
    await app.dataSource.getRepository(Candidature).update({ id: renewal }, { state: "LABELLED" });
    const [later] = await loadDeadlineContexts(app.dataSource.manager, [labelled]);
    expect(later!.facts).toMatchObject({ renewalEngaged: true, renewalLabelled: true });
  });
});
