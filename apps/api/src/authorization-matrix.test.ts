/**
 * The authorization matrix: every root operation of the schema × every kind of caller × the scope of
 * the target, against the rules of packages/domain/src/authorization.ts and the global guard
 * (common/guards.ts). The matrix is checked against the schema, so an operation cannot be added without
 * stating who may call it.
 *
 * Verdict of one call: `deny` ⇔ an error coded UNAUTHENTICATED, FORBIDDEN or NOT_FOUND (an object the
 * caller may not see answers like a missing one); `allow` otherwise (a business refusal after the
 * authorization, e.g. INVALID_TRANSITION, still means the caller was allowed). The fixtures are built
 * so that allowed calls succeed, which a second test checks.
 *
 * Each row states the RULE; a row that fails shows a bug in the API, not in the matrix.
 */
import { inDays, insertEstablishment, insertEvidence, today } from "./test/fixtures";
import { randomUUID } from "node:crypto";
import {
  AUDITOR_VISIBLE_STATES,
  INDEPENDENCE_DECLARATION_VERSION,
  NATIONAL_CRITERION_CODES,
  uaiCheckLetter,
  type Viewer,
} from "@ldm/domain";
import { buildAppSchema } from "./schema";
import { createTestApp, type GraphQLResult, type TestApp } from "./test/test-app";
import { onWorkingDay, workingDayInMonths } from "./test/fixtures";
import { insertAuditPlan } from "./test/preparation-fixtures";
import { DECISION_MUTATION_ROWS, DECISION_QUERY_ROWS } from "./test/decision-matrix";
import { FOLLOW_UP_MUTATION_ROWS, FOLLOW_UP_QUERY_ROWS } from "./test/follow-up-matrix";
import {
  CALLERS,
  CaseFixture,
  createMatrixWorld,
  MATRIX_NEW_PASSWORD,
  MATRIX_PASSWORD,
  PILOT_CRITERION,
  SCOPES,
  type Caller,
  type MatrixWorld,
  type Scope,
} from "./test/matrix-fixtures";

// ---------------------------------------------------------------------------------------------
// The shape of the matrix

type Verdict = "allow" | "deny";
/** One verdict for both scopes, or one per scope. */
type Expectation = Verdict | { own: Verdict; other: Verdict };
type Expectations = Record<Caller, Expectation>;

interface Row {
  expect: Expectations;
  /** Performs the operation as `f.caller`, on fresh objects built for this case. */
  run(f: CaseFixture, scope: Scope): Promise<GraphQLResult>;
}
/** An operation whose rule depends on an argument (e.g. the transition): one row per sub-case. */
interface SplitRow {
  cases: Record<string, Row>;
}
type MatrixEntry = Row | SplitRow;

const ALLOW: Verdict = "allow";
const DENY: Verdict = "deny";
/** Allowed on the caller's own objects, denied on the others'. */
const OWN: Expectation = { own: ALLOW, other: DENY };

/** Everybody `fallback`, except the listed callers. */
function rule(fallback: Expectation, except: Partial<Expectations> = {}): Expectations {
  const all = {} as Expectations;
  for (const caller of CALLERS) all[caller] = except[caller] ?? fallback;
  return all;
}
/** Anyone, even anonymous. */
const PUBLIC = rule(ALLOW);
/** Any authenticated caller, API tokens included (reads). */
const AUTHENTICATED = rule(ALLOW, { ANONYMOUS: DENY });
/** Any authenticated person, not an API token (own session, password, tokens). */
const PERSONAL = rule(ALLOW, { ANONYMOUS: DENY, TOKEN: DENY });
/** The regional team only (a DRAFPIC token is read-only). */
const DRAFPIC_ONLY = rule(DENY, { DRAFPIC: ALLOW });

// ---------------------------------------------------------------------------------------------
// Operations

const CANDIDATURE_QUERY = `query($id: ID!) { candidature(id: $id) {
  id state members { isLead establishment { id } } pilots { criterionCode user { id fullName } }
  auditors { id fullName } readiness { ready } } }`;
const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { id state } }`;

let uaiCounter = 0;
/** A valid, unused UAI in the Vaucluse (insertEstablishment never uses département 84). */
function freshUai(): string {
  const digits = `084${String(9000 - ++uaiCounter).padStart(4, "0")}`;
  return digits + uaiCheckLetter(digits);
}

function transitionRow(
  transition: string,
  expect: Expectations,
  build: (f: CaseFixture) => Promise<{ id: string }>,
): Row {
  return {
    expect,
    async run(f) {
      const c = await build(f);
      return f.exec(TRANSITION, { input: { candidatureId: c.id, transition } });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The audit's fixtures

/** A line of the grid: criterion 1 of the scope's establishment, as a whole. */
function auditEntry(c: { id: string; establishmentId: string }) {
  return {
    writeId: randomUUID(),
    candidatureId: c.id,
    establishmentId: c.establishmentId,
    criterionCode: "1",
    level: "MET",
    comment: "Offre de formation cohérente.",
  };
}

/** An improvement area or a commitment of the candidature, at version 1; returns its id. */
async function insertFinding(
  f: CaseFixture,
  table: "improvement_area" | "audit_commitment",
  candidatureId: string,
): Promise<string> {
  const [row] = (await f.world.app.dataSource.query(
    table === "improvement_area"
      ? "INSERT INTO improvement_area (candidature_id, severity, description) VALUES ($1, 'MINOR', 'Axe') RETURNING id"
      : "INSERT INTO audit_commitment (candidature_id, description, owner, due_on) VALUES ($1, 'Engagement', 'Direction', $2) RETURNING id",
    table === "improvement_area" ? [candidatureId] : [candidatureId, inDays(200)],
  )) as { id: string }[];
  return row!.id;
}

/** A report ready to be finalised: the team's level on every criterion, a recommendation, a summary. */
async function completeReport(
  f: CaseFixture,
  c: { id: string; establishmentId: string },
): Promise<void> {
  const ds = f.world.app.dataSource;
  for (const code of NATIONAL_CRITERION_CODES) {
    await ds.query(
      "INSERT INTO assessment_entry (candidature_id, establishment_id, criterion_code, level) VALUES ($1, $2, $3, 'MET')",
      [c.id, c.establishmentId, code],
    );
  }
  await ds.query(
    "INSERT INTO audit_report (candidature_id, recommendation, summary) VALUES ($1, 'FAVOURABLE', 'Démarche aboutie.')",
    [c.id],
  );
}

const QUERY_MATRIX = {
  ...DECISION_QUERY_ROWS,
  ...FOLLOW_UP_QUERY_ROWS,
  myNotifications: {
    // Everyone reads their own notifications (a token its owner's).
    expect: AUTHENTICATED,
    run: (f) => f.exec(`{ myNotifications(first: 2, unreadOnly: true) { totalCount } }`),
  },
  myDeadlines: {
    expect: AUTHENTICATED,
    run: (f) => f.exec(`{ myDeadlines(withinDays: 365) { key kind date } }`),
  },
  // --- The audit (modules/assessment): the team's work is read by DRAFPIC and the signed auditors;
  // the report by its readers (null for a reader of the candidature while it is a draft).
  auditFindings: {
    expect: rule(DENY, { DRAFPIC: ALLOW, TOKEN: ALLOW, AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature();
      return f.exec(
        `query($id: ID!) { auditFindings(candidatureId: $id) { improvementAreas { id } commitments { id } } }`,
        { id: c.id },
      );
    },
  },
  auditGrid: {
    expect: rule(DENY, { DRAFPIC: ALLOW, TOKEN: ALLOW, AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature();
      return f.exec(
        `query($id: ID!) { auditGrid(candidatureId: $id) { editable lines { criterionCode } } }`,
        {
          id: c.id,
        },
      );
    },
  },
  auditReport: {
    expect: rule(ALLOW, { ANONYMOUS: DENY, SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN, AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature();
      return f.exec(`query($id: ID!) { auditReport(candidatureId: $id) { id status } }`, {
        id: c.id,
      });
    },
  },
  myAuditAssignments: {
    // Everyone lists their own (none but an auditor's).
    expect: AUTHENTICATED,
    async run(f) {
      await f.candidature();
      return f.exec(
        `{ myAuditAssignments(first: 5) { totalCount edges { node { candidatureId nextStep } } } }`,
      );
    },
  },
  academies: {
    expect: AUTHENTICATED,
    run: (f) => f.exec(`{ academies { code departements { code } } }`),
  },
  apiTokens: {
    expect: AUTHENTICATED,
    run: (f) => f.exec(`{ apiTokens { id name } }`),
  },
  auditDaySchedule: {
    expect: PUBLIC,
    run: (f) => f.exec(`{ auditDaySchedule(criteria: ["1", "2", "3"]) { totalMinutes } }`),
  },
  auditTrail: {
    // A DRAFPIC's token may read it: it is a read.
    expect: rule(DENY, { DRAFPIC: ALLOW, TOKEN: ALLOW }),
    run: (f) => f.exec(`{ auditTrail(first: 2) { totalCount edges { node { id } } } }`),
  },
  authEvents: {
    expect: rule(DENY, { DRAFPIC: ALLOW, TOKEN: ALLOW }),
    run: (f) => f.exec(`{ authEvents(first: 2) { totalCount edges { node { id type } } } }`),
  },
  candidature: {
    expect: rule(ALLOW, { ANONYMOUS: DENY, SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN, AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature();
      return f.exec(CANDIDATURE_QUERY, { id: c.id });
    },
  },
  candidatures: {
    // Filtered to what the caller sees: checked by « candidature lists » below.
    expect: AUTHENTICATED,
    async run(f) {
      await f.candidature();
      return f.exec(`{ candidatures(first: 5) { totalCount edges { node { id state } } } }`);
    },
  },
  establishment: {
    expect: AUTHENTICATED,
    run: (f) =>
      f.exec(`query($id: ID!) { establishment(id: $id) { id uai candidatures { id } } }`, {
        id: f.side.establishment.id,
      }),
  },
  establishments: {
    expect: AUTHENTICATED,
    run: (f) => f.exec(`{ establishments(first: 3) { totalCount edges { node { id name } } } }`),
  },
  me: {
    expect: PUBLIC,
    run: (f) => f.exec(`{ me { id role } }`),
  },
  referential: {
    expect: PUBLIC,
    run: (f) => f.exec(`{ referential { version criteria { code } } }`),
  },
  referentialVersions: {
    expect: PUBLIC,
    run: (f) => f.exec(`{ referentialVersions }`),
  },
  user: {
    // own: a colleague of the same establishment (school users) or oneself; other: an account of
    // another establishment.
    expect: rule(ALLOW, { ANONYMOUS: DENY, SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN, AUDITOR: OWN }),
    async run(f, scope) {
      let id: string;
      if (scope === "other") {
        id = (await f.account("SCHOOL_STAFF", { establishment: f.world.other.establishment })).user
          .id;
      } else if (f.caller === "SCHOOL_HEAD" || f.caller === "SCHOOL_STAFF") {
        id = (await f.account("SCHOOL_STAFF", { establishment: f.world.own.establishment })).user
          .id;
      } else {
        id = f.viewer?.userId ?? f.world.own.head.user.id;
      }
      return f.exec(`query($id: ID!) { user(id: $id) { id role fullName } }`, { id });
    },
  },
  users: {
    expect: AUTHENTICATED,
    run: (f) => f.exec(`{ users(first: 5) { totalCount edges { node { id role } } } }`),
  },
} satisfies Record<string, MatrixEntry>;

const MUTATION_MATRIX = {
  ...DECISION_MUTATION_ROWS,
  ...FOLLOW_UP_MUTATION_ROWS,
  markNotificationRead: {
    // One's own notification, in person (own); somebody else's answers like a missing one (other).
    expect: rule(OWN, { ANONYMOUS: DENY, TOKEN: DENY }),
    async run(f, scope) {
      const someoneElse = await f.account("ANALYST");
      const [row] = (await f.world.app.dataSource.query(
        `INSERT INTO notification (user_id, kind, title, body) VALUES ($1, 'REMINDER', 'Rappel', 'Texte') RETURNING id`,
        [scope === "own" && f.viewer ? f.viewer.userId : someoneElse.user.id],
      )) as { id: string }[];
      return f.exec(
        `mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { id readAt } }`,
        { input: { notificationId: row!.id } },
      );
    },
  },
  requestPasswordReset: {
    // Public (the answer is the same for any address); an API token calls no mutation.
    expect: rule(ALLOW, { TOKEN: DENY }),
    async run(f) {
      // Every matrix call comes from one IP: start each case with no request counted.
      await f.world.app.dataSource.query("DELETE FROM password_reset_request");
      return f.exec(
        `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`,
        { input: { email: `matrice.${randomUUID()}@tests.ldm.fr` } },
      );
    },
  },
  resetPassword: {
    // Public: the link's token is the credential.
    expect: rule(ALLOW, { TOKEN: DENY }),
    async run(f) {
      const account = await f.account("SCHOOL_STAFF", { establishment: f.side.establishment });
      const token = `matrice-${randomUUID()}`;
      await f.world.app.dataSource.query(
        `INSERT INTO password_reset_token (user_id, token_hash, expires_at) VALUES ($1, encode(sha256(convert_to($2, 'UTF8')), 'hex'), now() + interval '1 hour')`,
        [account.user.id, token],
      );
      return f.exec(`mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`, {
        input: { token, newPassword: MATRIX_NEW_PASSWORD },
      });
    },
  },
  // --- The audit (modules/assessment) ------------------------------------------------------
  setAuditTeam: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await f.candidature();
      const inspector = await f.account("AUDITOR");
      return f.exec(`mutation($input: SetAuditTeamInput!) { setAuditTeam(input: $input) { id } }`, {
        input: { candidatureId: c.id, members: [{ userId: inspector.user.id, teamRole: "LEAD" }] },
      });
    },
  },
  signAuditDeclaration: {
    // The assigned auditor, for themself (here the world's auditor has not signed yet).
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature();
      await f.world.app.dataSource.query(
        "UPDATE candidature_auditor SET declaration_signed_at = NULL WHERE candidature_id = $1",
        [c.id],
      );
      return f.exec(
        `mutation($input: SignAuditDeclarationInput!) { signAuditDeclaration(input: $input) { id declarationSignedAt } }`,
        {
          input: {
            candidatureId: c.id,
            textVersion: INDEPENDENCE_DECLARATION_VERSION,
            noConflictOfInterest: true,
          },
        },
      );
    },
  },
  saveAssessmentDraft: {
    // A signed auditor of the team.
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature({ auditState: "AUDIT_PLAN_RECEIVED" });
      return f.exec(
        `mutation($input: SaveAssessmentEntryInput!) { saveAssessmentDraft(input: $input) { entry { id } } }`,
        { input: auditEntry(c) },
      );
    },
  },
  saveTeamAssessment: {
    // The signed lead auditor.
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature({ auditState: "AUDIT_PLAN_RECEIVED", leadAuditor: true });
      return f.exec(
        `mutation($input: SaveAssessmentEntryInput!) { saveTeamAssessment(input: $input) { entry { id } } }`,
        { input: auditEntry(c) },
      );
    },
  },
  saveImprovementArea: {
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature({ auditState: "AUDITED" });
      return f.exec(
        `mutation($input: SaveImprovementAreaInput!) { saveImprovementArea(input: $input) { improvementArea { id } } }`,
        {
          input: {
            writeId: randomUUID(),
            id: randomUUID(),
            candidatureId: c.id,
            severity: "MINOR",
            description: "Formaliser le suivi des anciens élèves.",
          },
        },
      );
    },
  },
  removeImprovementArea: {
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature({ auditState: "AUDITED" });
      const id = await insertFinding(f, "improvement_area", c.id);
      return f.exec(
        `mutation($input: RemoveAuditFindingInput!) { removeImprovementArea(input: $input) { improvementArea { removedAt } } }`,
        { input: { writeId: randomUUID(), id, candidatureId: c.id, baseVersion: 1 } },
      );
    },
  },
  saveAuditCommitment: {
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature({ auditState: "AUDITED" });
      return f.exec(
        `mutation($input: SaveAuditCommitmentInput!) { saveAuditCommitment(input: $input) { commitment { id } } }`,
        {
          input: {
            writeId: randomUUID(),
            id: randomUUID(),
            candidatureId: c.id,
            description: "Mettre en place un tableau de bord du décrochage.",
            owner: "Proviseure adjointe",
            dueOn: inDays(200),
          },
        },
      );
    },
  },
  removeAuditCommitment: {
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature({ auditState: "AUDITED" });
      const id = await insertFinding(f, "audit_commitment", c.id);
      return f.exec(
        `mutation($input: RemoveAuditFindingInput!) { removeAuditCommitment(input: $input) { commitment { removedAt } } }`,
        { input: { writeId: randomUUID(), id, candidatureId: c.id, baseVersion: 1 } },
      );
    },
  },
  saveAuditReport: {
    // The signed lead auditor.
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature({ auditState: "AUDITED", leadAuditor: true });
      return f.exec(
        `mutation($input: SaveAuditReportInput!) { saveAuditReport(input: $input) { report { id } } }`,
        {
          input: {
            writeId: randomUUID(),
            candidatureId: c.id,
            summary: "Synthèse.",
            recommendation: "FAVOURABLE",
          },
        },
      );
    },
  },
  finaliseAuditReport: {
    // The signed lead auditor, once the team's level is set on every criterion.
    expect: rule(DENY, { AUDITOR: OWN }),
    async run(f) {
      const c = await f.candidature({ auditState: "AUDITED", leadAuditor: true });
      await completeReport(f, c);
      return f.exec(
        `mutation($input: FinaliseAuditReportInput!) { finaliseAuditReport(input: $input) { report { status } } }`,
        { input: { writeId: randomUUID(), candidatureId: c.id, baseVersion: 1 } },
      );
    },
  },
  // --- Before the audit (modules/preparation) ---------------------------------------------
  setReferentInspector: {
    expect: DRAFPIC_ONLY,
    run: (f) =>
      f.exec(
        `mutation($input: SetReferentInspectorInput!) { setReferentInspector(input: $input) { id } }`,
        {
          input: { establishmentId: f.side.establishment.id, fullName: "Inspecteur de la matrice" },
        },
      ),
  },
  planPreparatoryVisit: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await f.candidature({ state: "SUBMITTED" });
      return f.exec(
        `mutation($input: PlanPreparatoryVisitInput!) { planPreparatoryVisit(input: $input) { id } }`,
        { input: { candidatureId: c.id, plannedOn: onWorkingDay(inDays(7)) } },
      );
    },
  },
  recordPreparatoryVisit: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await f.candidature({ state: "SUBMITTED" });
      return f.exec(
        `mutation($input: RecordPreparatoryVisitInput!) { recordPreparatoryVisit(input: $input) { id } }`,
        {
          input: {
            candidatureId: c.id,
            heldOn: today(),
            attendees: [{ kind: "DRAFPIC", userId: f.world.app.drafpic.userId }],
          },
        },
      );
    },
  },
  proposeAuditPlan: {
    // The plan is the school's: the lead establishment's head (DRAFPIC receives it).
    expect: rule(DENY, { SCHOOL_HEAD: OWN }),
    async run(f) {
      const c = await f.candidature({ state: "SUBMITTED" });
      return f.exec(
        `mutation($input: ProposeAuditPlanInput!) { proposeAuditPlan(input: $input) { id } }`,
        { input: { candidatureId: c.id } },
      );
    },
  },
  updateAuditPlan: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN }),
    async run(f) {
      const c = await f.candidature({ state: "SUBMITTED" });
      const slots = await insertAuditPlan(f.world.app.dataSource, c.id);
      return f.exec(
        `mutation($input: UpdateAuditPlanInput!) { updateAuditPlan(input: $input) { id } }`,
        { input: { candidatureId: c.id, expectedVersion: 1, slots } },
      );
    },
  },
  submitAuditPlan: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN }),
    async run(f) {
      const c = await f.candidature({ state: "PREPARATORY_VISIT_DONE" });
      await insertAuditPlan(f.world.app.dataSource, c.id);
      await f.world.app.dataSource.query("UPDATE candidature SET audit_date = $2 WHERE id = $1", [
        c.id,
        workingDayInMonths(2),
      ]);
      return f.exec(
        `mutation($input: SubmitAuditPlanInput!) { submitAuditPlan(input: $input) { id } }`,
        { input: { candidatureId: c.id, expectedVersion: 1 } },
      );
    },
  },
  approveSubmission: {
    // The head of a co-applicant other than the lead: here A is a co-applicant of its partner's network.
    expect: rule(DENY, { SCHOOL_HEAD: OWN }),
    async run(f) {
      const c = await f.candidature({ home: "member", state: "DOSSIER_OPEN" });
      return f.exec(
        `mutation($input: ApproveSubmissionInput!) { approveSubmission(input: $input) { id } }`,
        { input: { candidatureId: c.id } },
      );
    },
  },
  createIndicator: {
    // Whoever edits every supported criterion there: the head, or the pilot of that criterion.
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature();
      return f.exec(
        `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`,
        {
          input: {
            candidatureId: c.id,
            establishmentId: c.establishmentId,
            name: "Nombre d'entreprises partenaires",
            kind: "QUANTITATIVE",
            unit: "entreprises",
            source: "Bureau des entreprises",
            criterionCodes: [PILOT_CRITERION],
          },
        },
      );
    },
  },
  updateIndicator: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature();
      const indicator = await f.indicator(c.id);
      return f.exec(
        `mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id } }`,
        {
          input: { indicatorId: indicator.id, target: "75 %" },
        },
      );
    },
  },
  deleteIndicator: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature();
      const indicator = await f.indicator(c.id);
      return f.exec(`mutation($input: DeleteIndicatorInput!) { deleteIndicator(input: $input) }`, {
        input: { indicatorId: indicator.id },
      });
    },
  },
  setIndicatorValue: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature();
      const indicator = await f.indicator(c.id);
      return f.exec(
        `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { id } }`,
        {
          input: { indicatorId: indicator.id, schoolYear: "2025-2026", numericValue: 70 },
        },
      );
    },
  },
  removeIndicatorValue: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature();
      const indicator = await f.indicator(c.id);
      return f.exec(
        `mutation($input: RemoveIndicatorValueInput!) { removeIndicatorValue(input: $input) { id } }`,
        {
          input: { indicatorId: indicator.id, schoolYear: "2022-2023" },
        },
      );
    },
  },
  updateEvidence: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature();
      const evidence = await insertEvidence(f.world.app.dataSource, c.id, [PILOT_CRITERION], {
        establishmentId: c.establishmentId,
      });
      return f.exec(
        `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id } }`,
        {
          input: {
            evidenceId: evidence.id,
            title: "Compte rendu du comité local école-entreprise",
          },
        },
      );
    },
  },
  deleteEvidence: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature();
      const evidence = await insertEvidence(f.world.app.dataSource, c.id, [PILOT_CRITERION], {
        establishmentId: c.establishmentId,
      });
      return f.exec(`mutation($input: DeleteEvidenceInput!) { deleteEvidence(input: $input) }`, {
        input: { evidenceId: evidence.id },
      });
    },
  },
  addCoApplicant: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN, DRAFPIC: ALLOW }),
    async run(f) {
      const c = await f.candidature({ kind: "NETWORK" });
      // An establishment in no open candidature yet (one open candidature per establishment).
      const added = await insertEstablishment(f.world.app.dataSource, { departementCode: "83" });
      return f.exec(
        `mutation($input: AddCoApplicantInput!) { addCoApplicant(input: $input) { id } }`,
        { input: { candidatureId: c.id, establishmentId: added.id } },
      );
    },
  },
  assignAuditor: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await f.candidature();
      const auditor = await f.account("AUDITOR");
      return f.exec(
        `mutation($input: AuditorAssignmentInput!) { assignAuditor(input: $input) { id } }`,
        { input: { candidatureId: c.id, userId: auditor.user.id } },
      );
    },
  },
  assignCriterionPilot: {
    // The head of the pilot's establishment (not DRAFPIC).
    expect: rule(DENY, { SCHOOL_HEAD: OWN }),
    async run(f) {
      const c = await f.candidature();
      return f.exec(
        `mutation($input: AssignCriterionPilotInput!) { assignCriterionPilot(input: $input) { id } }`,
        { input: { candidatureId: c.id, criterionCode: "1", userId: f.side.staff.user.id } },
      );
    },
  },
  changePassword: {
    expect: PERSONAL,
    async run(f) {
      const { viewer } = await f.freshCaller();
      return f.execAs(
        viewer,
        `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
        { input: { currentPassword: MATRIX_PASSWORD, newPassword: MATRIX_NEW_PASSWORD } },
      );
    },
  },
  createApiToken: {
    expect: PERSONAL,
    run: (f) =>
      f.exec(
        `mutation { createApiToken(input: { name: "Tableau de bord", expiresInDays: 30 }) { apiToken { id } } }`,
      ),
  },
  createEstablishment: {
    expect: DRAFPIC_ONLY,
    run: (f) =>
      f.exec(
        `mutation($input: CreateEstablishmentInput!) { createEstablishment(input: $input) { id } }`,
        {
          input: {
            uai: freshUai(),
            name: "Lycée professionnel de la matrice",
            kind: "LP",
            sector: "PUBLIC",
            city: "Avignon",
            departementCode: "84",
          },
        },
      ),
  },
  createIndividualCandidature: {
    // DRAFPIC, or the head of the (lead) establishment.
    expect: rule(DENY, { SCHOOL_HEAD: OWN, DRAFPIC: ALLOW }),
    async run(f, scope) {
      // Establishments in no open candidature yet: own = the caller's, other = someone else's.
      const fresh = await f.freshEstablishments();
      return f.execAs(
        fresh.viewer,
        `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id } }`,
        { input: { establishmentId: (scope === "own" ? fresh.mine : fresh.stranger).id } },
      );
    },
  },
  createNetworkCandidature: {
    // own: A leads, with its partner; other: B leads, A being a mere co-applicant.
    expect: rule(DENY, { SCHOOL_HEAD: OWN, DRAFPIC: ALLOW }),
    async run(f, scope) {
      // Establishments in no open candidature yet, the caller's being `mine`.
      const fresh = await f.freshEstablishments();
      const members =
        scope === "own"
          ? [
              { establishmentId: fresh.mine.id, isLead: true },
              { establishmentId: fresh.partner.id, isLead: false },
            ]
          : [
              { establishmentId: fresh.stranger.id, isLead: true },
              { establishmentId: fresh.mine.id, isLead: false },
            ];
      return f.execAs(
        fresh.viewer,
        `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`,
        { input: { members } },
      );
    },
  },
  createUser: {
    expect: DRAFPIC_ONLY,
    run: (f) =>
      f.exec(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: {
          email: `analyste.${randomUUID()}@tests.ldm.fr`,
          fullName: "Analyste de la matrice",
          role: "ANALYST",
          password: MATRIX_PASSWORD,
        },
      }),
  },
  deactivateUser: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const target = await f.account("SCHOOL_STAFF", { establishment: f.side.establishment });
      return f.exec(
        `mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { id active } }`,
        { input: { userId: target.user.id } },
      );
    },
  },
  login: {
    // Anyone may log in; an API token is read-only and may call no mutation at all.
    expect: rule(ALLOW, { TOKEN: DENY }),
    async run(f) {
      const account = await f.account("SCHOOL_STAFF", {
        establishment: f.side.establishment,
        password: true,
      });
      return f.exec(`mutation($input: LoginInput!) { login(input: $input) { id } }`, {
        input: { email: account.user.email, password: MATRIX_PASSWORD },
      });
    },
  },
  logout: {
    expect: PERSONAL,
    run: (f) => f.exec(`mutation { logout }`),
  },
  recordEngagement: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await f.candidature();
      return f.exec(
        `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`,
        {
          input: {
            candidatureId: c.id,
            establishmentId: c.establishmentId,
            // The board approves first, then the letter is sent; neither in the future.
            engagementLetterOn: today(),
            boardMinutesOn: inDays(-14),
          },
        },
      );
    },
  },
  removeCoApplicant: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN, DRAFPIC: ALLOW }),
    async run(f) {
      const c = await f.candidature({ kind: "NETWORK", extraMember: true });
      return f.exec(
        `mutation($input: RemoveCoApplicantInput!) { removeCoApplicant(input: $input) { id } }`,
        { input: { candidatureId: c.id, establishmentId: f.world.extra.id } },
      );
    },
  },
  removeCriterionPilot: {
    expect: rule(DENY, { SCHOOL_HEAD: OWN }),
    async run(f) {
      const c = await f.candidature();
      return f.exec(
        `mutation($input: RemoveCriterionPilotInput!) { removeCriterionPilot(input: $input) { id } }`,
        { input: { pilotId: c.pilotId } },
      );
    },
  },
  revokeApiToken: {
    // own: one's own token (any person); other: someone else's (DRAFPIC only).
    expect: rule(OWN, { ANONYMOUS: DENY, DRAFPIC: ALLOW, TOKEN: DENY }),
    async run(f, scope) {
      const owner =
        scope === "own"
          ? (f.viewer?.userId ?? f.world.own.head.user.id)
          : (await f.account("SCHOOL_STAFF", { establishment: f.world.other.establishment })).user
              .id;
      const tokenId = await f.apiToken(owner);
      return f.exec(
        `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { id revokedAt } }`,
        { input: { tokenId } },
      );
    },
  },
  scheduleAudit: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await f.candidature();
      return f.exec(
        `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { id auditDate } }`,
        { input: { candidatureId: c.id, auditDate: workingDayInMonths(4) } },
      );
    },
  },
  setOptionalCriterion: {
    // Criterion 9 is each establishment's choice: the head of a co-applicant chooses its own (not
    // the lead's head for it), or DRAFPIC.
    expect: rule(DENY, { SCHOOL_HEAD: OWN, DRAFPIC: ALLOW }),
    async run(f) {
      const c = await f.candidature({ home: "member" });
      return f.exec(
        `mutation($input: SetOptionalCriterionInput!) { setOptionalCriterion(input: $input) { id } }`,
        { input: { candidatureId: c.id, establishmentId: c.establishmentId, variant: "A" } },
      );
    },
  },
  transitionCandidature: {
    cases: {
      // Steps of the regional team.
      OPEN_DOSSIER: transitionRow("OPEN_DOSSIER", DRAFPIC_ONLY, (f) =>
        f.candidature({ engaged: true }),
      ),
      // The school submits: the lead's head only.
      SUBMIT_DOSSIER: transitionRow("SUBMIT_DOSSIER", rule(DENY, { SCHOOL_HEAD: OWN }), (f) =>
        f.candidature({ state: "DOSSIER_OPEN", complete: true }),
      ),
      // Withdrawing: the lead's head or DRAFPIC.
      WITHDRAW: transitionRow("WITHDRAW", rule(DENY, { SCHOOL_HEAD: OWN, DRAFPIC: ALLOW }), (f) =>
        f.candidature(),
      ),
      // The head sends the audit plan (submitAuditPlan records its receipt); DRAFPIC may record a
      // plan received outside the platform.
      RECEIVE_AUDIT_PLAN: transitionRow(
        "RECEIVE_AUDIT_PLAN",
        rule(DENY, { SCHOOL_HEAD: OWN, DRAFPIC: ALLOW }),
        async (f) => {
          const c = await f.candidature({ state: "PREPARATORY_VISIT_DONE" });
          await f.world.app.dataSource.query(
            "UPDATE candidature SET audit_date = $2 WHERE id = $1",
            [c.id, workingDayInMonths(2)],
          );
          return c;
        },
      ),
    },
  },
  unassignAuditor: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await f.candidature({ extraAuditor: true });
      return f.exec(
        `mutation($input: AuditorAssignmentInput!) { unassignAuditor(input: $input) { id } }`,
        { input: { candidatureId: c.id, userId: c.extraAuditorId } },
      );
    },
  },
  updateCommonStrategy: {
    // The head of any co-applicant, or the pilot of that criterion in one: here A is a co-applicant
    // (not the lead) of a network; DRAFPIC does not write the schools' dossier.
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature({ home: "member" });
      return f.exec(
        `mutation($input: UpdateCommonStrategyInput!) { updateCommonStrategy(input: $input) { id version } }`,
        {
          input: {
            candidatureId: c.id,
            criterionCode: PILOT_CRITERION,
            text: "Stratégie commune du réseau.",
          },
        },
      );
    },
  },
  updateCriterionResponse: {
    // The head of that establishment, or the pilot of that criterion there; DRAFPIC does not write
    // the schools' dossier.
    expect: rule(DENY, { SCHOOL_HEAD: OWN, SCHOOL_STAFF: OWN }),
    async run(f) {
      const c = await f.candidature();
      return f.exec(
        `mutation($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { id version } }`,
        {
          input: {
            candidatureId: c.id,
            establishmentId: c.establishmentId,
            criterionCode: PILOT_CRITERION,
            narrative: "Notre démarche d'amélioration continue.",
          },
        },
      );
    },
  },
} satisfies Record<string, MatrixEntry>;

// ---------------------------------------------------------------------------------------------
// Running it

const DENY_CODES: ReadonlySet<string> = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"]);

/** "ok", or the codes of the errors (a result without data nor errors is "empty"). */
function outcomeOf(result: GraphQLResult): string {
  if (result.errors && result.errors.length > 0)
    return result.errors.map((e) => e.extensions?.code ?? "NO_CODE").join(",");
  return result.data ? "ok" : "empty";
}

function verdictOf(result: GraphQLResult): Verdict {
  return result.errors?.some((e) => DENY_CODES.has(e.extensions?.code ?? "")) ? DENY : ALLOW;
}

function expected(e: Expectation, scope: Scope): Verdict {
  return typeof e === "string" ? e : e[scope];
}

interface CaseResult {
  operation: string;
  caller: Caller;
  scope: Scope;
  expected: Verdict;
  got: string;
  verdict: Verdict;
  message?: string;
}

function rowsOf(matrix: Record<string, MatrixEntry>): [string, Row][] {
  return Object.entries(matrix).flatMap(([name, entry]): [string, Row][] =>
    "cases" in entry
      ? Object.entries(entry.cases).map(([sub, row]): [string, Row] => [`${name}[${sub}]`, row])
      : [[name, entry]],
  );
}

async function runMatrix(world: MatrixWorld): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const rows = [...rowsOf(QUERY_MATRIX), ...rowsOf(MUTATION_MATRIX)];
  for (const [operation, row] of rows) {
    for (const caller of CALLERS) {
      for (const scope of SCOPES) {
        const want = expected(row.expect[caller], scope);
        const f = new CaseFixture(world, caller, scope);
        try {
          const result = await row.run(f, scope);
          results.push({
            operation,
            caller,
            scope,
            expected: want,
            got: outcomeOf(result),
            verdict: verdictOf(result),
            ...(result.errors?.[0] ? { message: result.errors[0].message } : {}),
          });
        } catch (error) {
          results.push({
            operation,
            caller,
            scope,
            expected: want,
            got: `fixture threw: ${error instanceof Error ? error.message : String(error)}`,
            verdict: want === ALLOW ? DENY : ALLOW,
          });
        }
      }
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------

describe("authorization matrix", () => {
  let app: TestApp;
  let world: MatrixWorld;
  let results: CaseResult[] = [];
  const quiet: jest.SpyInstance[] = [];

  beforeAll(async () => {
    // Every refusal and login is also written to the structured log (console.log): not wanted here.
    quiet.push(jest.spyOn(console, "log").mockImplementation(() => undefined));
    app = await createTestApp();
    world = await createMatrixWorld(app);
  });
  afterAll(async () => {
    for (const spy of quiet) spy.mockRestore();
    await app.close();
  });

  it("has exactly one row per Query and Mutation field of the schema", async () => {
    const schema = await buildAppSchema();
    const queries = Object.keys(schema.getQueryType()?.getFields() ?? {}).sort();
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    const queryRows = Object.keys(QUERY_MATRIX).sort();
    const mutationRows = Object.keys(MUTATION_MATRIX).sort();
    expect({
      queriesWithoutRow: queries.filter((q) => !queryRows.includes(q)),
      queryRowsWithoutOperation: queryRows.filter((q) => !queries.includes(q)),
      mutationsWithoutRow: mutations.filter((m) => !mutationRows.includes(m)),
      mutationRowsWithoutOperation: mutationRows.filter((m) => !mutations.includes(m)),
    }).toEqual({
      queriesWithoutRow: [],
      queryRowsWithoutOperation: [],
      mutationsWithoutRow: [],
      mutationRowsWithoutOperation: [],
    });
  });

  it("grants and refuses every operation as the rules say (operation × caller × scope)", async () => {
    results = await runMatrix(world);
    const mismatches = results
      .filter((r) => r.verdict !== r.expected)
      .map((r) => ({
        operation: r.operation,
        caller: r.caller,
        scope: r.scope,
        expected: r.expected,
        got: r.got,
        ...(r.message ? { message: r.message } : {}),
      }));
    expect(mismatches).toEqual([]);
  }, 120_000);

  it("builds fixtures on which the allowed calls succeed", () => {
    expect(results.length).toBeGreaterThan(0);
    const failedAllowed = results
      .filter((r) => r.expected === ALLOW && r.verdict === ALLOW && r.got !== "ok")
      .map((r) => `${r.operation} ${r.caller}/${r.scope}: ${r.got} ${r.message ?? ""}`.trim());
    expect(failedAllowed).toEqual([]);
  });

  it("answers an unseen candidature exactly like a missing one", async () => {
    const head = new CaseFixture(world, "SCHOOL_HEAD", "other");
    const unseen = (await head.candidature()).id;
    const missing = randomUUID();
    const response = `mutation($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { id } }`;
    /** The result with the id replaced by a placeholder. */
    const shape = (result: GraphQLResult, id: string): unknown =>
      JSON.parse(JSON.stringify(result).split(id).join("<id>"));
    const asHead = (query: string, id: string) =>
      head.exec(query, {
        ...(query === CANDIDATURE_QUERY
          ? { id }
          : {
              input: {
                candidatureId: id,
                establishmentId: world.own.establishment.id,
                criterionCode: "1",
                narrative: "x",
              },
            }),
      });
    for (const query of [CANDIDATURE_QUERY, response]) {
      const seen = await asHead(query, unseen);
      expect(seen.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(seen.errors?.[0]?.message).toBe(`La candidature « ${unseen} » est introuvable.`);
      expect(shape(seen, unseen)).toEqual(shape(await asHead(query, missing), missing));
    }

    // An auditor assigned to a candidature that is not submitted yet does not see it either.
    const auditor = new CaseFixture(world, "AUDITOR", "own");
    const drafpic = new CaseFixture(world, "DRAFPIC", "own"); // builds with the requested state
    const open = (await drafpic.candidature({ state: "DOSSIER_OPEN" })).id; // auditor assigned (own)
    const early = await auditor.exec(CANDIDATURE_QUERY, { id: open });
    expect(shape(early, open)).toEqual(
      shape(await auditor.exec(CANDIDATURE_QUERY, { id: missing }), missing),
    );
    expect(early.errors?.[0]?.message).toBe(`La candidature « ${open} » est introuvable.`);
  });

  it("answers other unseen objects (account, API token, pilot) exactly like missing ones", async () => {
    const head = new CaseFixture(world, "SCHOOL_HEAD", "other");
    const stranger = await head.account("SCHOOL_STAFF", {
      establishment: world.other.establishment,
    });
    const unseen = {
      user: stranger.user.id,
      revokeApiToken: await head.apiToken(stranger.user.id),
      removeCriterionPilot: (await head.candidature()).pilotId,
    };
    const operations: Record<keyof typeof unseen, (id: string) => Promise<GraphQLResult>> = {
      user: (id) => head.exec(`query($id: ID!) { user(id: $id) { id } }`, { id }),
      revokeApiToken: (id) =>
        head.exec(
          `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { id } }`,
          { input: { tokenId: id } },
        ),
      removeCriterionPilot: (id) =>
        head.exec(
          `mutation($input: RemoveCriterionPilotInput!) { removeCriterionPilot(input: $input) { id } }`,
          { input: { pilotId: id } },
        ),
    };
    const shape = (result: GraphQLResult, id: string): unknown =>
      JSON.parse(JSON.stringify(result).split(id).join("<id>"));
    const differences: { operation: string; unseen: unknown; missing: unknown }[] = [];
    for (const [operation, id] of Object.entries(unseen) as [keyof typeof unseen, string][]) {
      const missing = randomUUID();
      const seen = shape(await operations[operation](id), id);
      const absent = shape(await operations[operation](missing), missing);
      if (JSON.stringify(seen) !== JSON.stringify(absent))
        differences.push({ operation, unseen: seen, missing: absent });
    }
    expect(differences).toEqual([]);
  });

  it("lists only the candidatures the caller sees", async () => {
    const ds = app.dataSource;
    const drafpic = new CaseFixture(world, "DRAFPIC", "own");
    const drafpicOther = new CaseFixture(world, "DRAFPIC", "other");
    const ownOpen = (await drafpic.candidature({ state: "DOSSIER_OPEN" })).id; // auditor assigned
    const ownSubmitted = (await drafpic.candidature({ state: "SUBMITTED" })).id; // auditor assigned
    const otherSubmitted = (await drafpicOther.candidature({ state: "SUBMITTED" })).id; // not assigned

    async function listAll(viewer: Viewer): Promise<string[]> {
      type Page = {
        candidatures: {
          totalCount: number;
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GraphQLResult<Page> = await app.execute<Page>(
          `query($after: String) { candidatures(first: 100, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          viewer,
        );
        if (!page.data) throw new Error(JSON.stringify(page.errors));
        ids.push(...page.data.candidatures.edges.map((e) => e.node.id));
        if (!page.data.candidatures.pageInfo.hasNextPage) break;
        after = page.data.candidatures.pageInfo.endCursor;
      }
      return ids.sort();
    }
    const idsOf = async (sql: string, params: unknown[]): Promise<string[]> =>
      ((await ds.query(sql, params)) as { id: string }[]).map((r) => r.id).sort();

    const ofOwnEstablishment = await idsOf(
      "SELECT DISTINCT candidature_id AS id FROM co_applicant WHERE establishment_id = $1",
      [world.own.establishment.id],
    );
    for (const viewer of [world.own.head.viewer, world.own.staff.viewer]) {
      const listed = await listAll(viewer);
      expect(listed).toEqual(ofOwnEstablishment);
      expect(listed).toContain(ownOpen);
      expect(listed).not.toContain(otherSubmitted);
    }

    const auditorSees = await idsOf(
      `SELECT a.candidature_id AS id FROM candidature_auditor a JOIN candidature c ON c.id = a.candidature_id
       WHERE a.user_id = $1 AND c.state = ANY($2)`,
      [world.auditor.user.id, AUDITOR_VISIBLE_STATES],
    );
    const auditorListed = await listAll(world.auditor.viewer);
    expect(auditorListed).toEqual(auditorSees);
    expect(auditorListed).toContain(ownSubmitted);
    expect(auditorListed).not.toContain(ownOpen);
    expect(auditorListed).not.toContain(otherSubmitted);

    // An establishment's candidatures, through the field: only those the caller sees.
    type E = { establishment: { candidatures: { id: string }[] } };
    const shared = await idsOf(
      `SELECT a.candidature_id AS id FROM co_applicant a JOIN co_applicant b ON b.candidature_id = a.candidature_id
       WHERE a.establishment_id = $1 AND b.establishment_id = $2`,
      [world.own.establishment.id, world.other.establishment.id],
    );
    const viaField = await app.execute<E>(
      `query($id: ID!) { establishment(id: $id) { candidatures { id } } }`,
      { id: world.other.establishment.id },
      world.own.head.viewer,
    );
    expect(viaField.data?.establishment.candidatures.map((c) => c.id).sort()).toEqual(shared);

    const all = await idsOf("SELECT id FROM candidature", []);
    expect(await listAll(world.analyst.viewer)).toEqual(all);
    expect(await listAll({ ...app.drafpic, readOnly: true })).toEqual(all);
  });

  it("records refused authorizations as ACCESS_DENIED auth events", async () => {
    const f = new CaseFixture(world, "SCHOOL_STAFF", "own");
    const staff = await f.account("SCHOOL_STAFF", { establishment: world.own.establishment });
    const drafpic = await f.account("DRAFPIC");
    const create = `mutation($input: CreateEstablishmentInput!) { createEstablishment(input: $input) { id } }`;
    const input = {
      uai: freshUai(),
      name: "Lycée refusé",
      kind: "LP",
      sector: "PUBLIC",
      city: "Orange",
      departementCode: "84",
    };
    const events = async (userId: string) =>
      (await app.dataSource.query(
        "SELECT type, detail FROM auth_event WHERE user_id = $1 ORDER BY occurred_at",
        [userId],
      )) as { type: string; detail: string | null }[];

    // A role without the right (FORBIDDEN by the service).
    const byStaff = await f.execAs(staff.viewer, create, { input });
    expect(byStaff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await events(staff.user.id)).toEqual([
      { type: "ACCESS_DENIED", detail: expect.stringMatching(/^createEstablishment : /) },
    ]);

    // A read-only API token (FORBIDDEN by the global guard).
    const byToken = await f.execAs({ ...drafpic.viewer, readOnly: true }, create, { input });
    expect(byToken.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await events(drafpic.user.id)).toEqual([
      { type: "ACCESS_DENIED", detail: expect.stringMatching(/^createEstablishment : /) },
    ]);

    // An unseen candidature (NOT_FOUND, logged too).
    const unseen = (await new CaseFixture(world, "DRAFPIC", "other").candidature()).id;
    const read = await f.execAs(staff.viewer, CANDIDATURE_QUERY, { id: unseen });
    expect(read.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await events(staff.user.id)).toEqual([
      expect.objectContaining({ type: "ACCESS_DENIED" }),
      { type: "ACCESS_DENIED", detail: expect.stringContaining(unseen) },
    ]);
  });

  it("denies the pilot a criterion that is not assigned to them", async () => {
    const f = new CaseFixture(world, "SCHOOL_STAFF", "own");
    const c = await f.candidature();
    const result = await f.exec(
      `mutation($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { id } }`,
      {
        input: {
          candidatureId: c.id,
          establishmentId: c.establishmentId,
          criterionCode: "1",
          narrative: "Pas mon critère.",
        },
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
