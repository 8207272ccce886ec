/**
 * Builders shared by the audit's tests: a submitted candidature (its dossier frozen as the submission
 * freezes it), in a state of the audit, with its team composed by DRAFPIC and, on demand, declarations
 * signed — each step through the API when it is what a test is about, straight to the tables otherwise.
 */
import { createHmac, randomUUID } from "node:crypto";
import {
  ATTAINMENT_LEVELS,
  CURRENT_REFERENTIAL_VERSION,
  INDEPENDENCE_DECLARATION_VERSION,
  criteriaForMember,
  type AuditorProfile,
  type CandidatureKind,
  type CandidatureState,
  type OptionalCriterionVariant,
  type Viewer,
} from "@ldm/domain";
import { createContext } from "../../context";
import { Candidature, CoApplicant, CriterionResponse } from "../candidature/candidature.entity";
import { freezeDossier } from "../dossier/dossier-snapshot";
import { SESSION_COOKIE } from "../identity/auth.config";
import { openSession } from "../identity/session.service";
import type { Establishment } from "../establishment/establishment.entity";
import type { AppUser } from "../identity/user.entity";
import { insertEstablishment, insertUser, today } from "../../test/fixtures";
import { ok, TEST_AUTH, type TestApp } from "../../test/test-app";

export interface Account {
  user: AppUser;
  viewer: Viewer;
}

export interface AuditFixture {
  id: string;
  establishments: Establishment[];
  head: Account;
  /** The lead auditor (an inspector). */
  lead: Account;
  /** A member of the team (a CEE). */
  member: Account;
}

export const SET_TEAM = `mutation($input: SetAuditTeamInput!) { setAuditTeam(input: $input) { id
  auditTeam { teamRole profile declarationSigned user { id } } } }`;
export const SIGN = `mutation($input: SignAuditDeclarationInput!) { signAuditDeclaration(input: $input) {
  candidatureId teamRole declarationSignedAt nextStep nextStepLabel } }`;
export const SAVE_DRAFT = `mutation($input: SaveAssessmentEntryInput!) { saveAssessmentDraft(input: $input) {
  writeId replayed entry { id level comment strengths version expectationId isTeamAssessment auditor { id } } } }`;
export const SAVE_TEAM = `mutation($input: SaveAssessmentEntryInput!) { saveTeamAssessment(input: $input) {
  writeId replayed entry { id level comment strengths version expectationId isTeamAssessment auditor { id } } } }`;
export const SAVE_AREA = `mutation($input: SaveImprovementAreaInput!) { saveImprovementArea(input: $input) {
  writeId replayed improvementArea { id severity description criterionCode version removedAt establishment { id } } } }`;
export const REMOVE_AREA = `mutation($input: RemoveAuditFindingInput!) { removeImprovementArea(input: $input) {
  writeId replayed improvementArea { id version removedAt } } }`;
export const SAVE_COMMITMENT = `mutation($input: SaveAuditCommitmentInput!) { saveAuditCommitment(input: $input) {
  writeId replayed commitment { id description owner dueOn version removedAt } } }`;
export const REMOVE_COMMITMENT = `mutation($input: RemoveAuditFindingInput!) { removeAuditCommitment(input: $input) {
  writeId replayed commitment { id version removedAt } } }`;
export const SAVE_REPORT = `mutation($input: SaveAuditReportInput!) { saveAuditReport(input: $input) {
  writeId replayed report { id status recommendation summary proposedLabelTitle version } } }`;
export const FINALISE = `mutation($input: FinaliseAuditReportInput!) { finaliseAuditReport(input: $input) {
  writeId replayed report { id status version finalisedAt finalisedByUser { id } } } }`;
export const FINDINGS = `query($id: ID!, $all: Boolean) { auditFindings(candidatureId: $id, includeRemoved: $all) {
  improvementAreas { id severity description version removedAt } commitments { id owner dueOn version removedAt } } }`;
export const GRID = `query($id: ID!) { auditGrid(candidatureId: $id) { editable consolidates lines {
  establishmentId criterionCode expectationId expectationText selfAssessedLevel addressedBySchool levelsDiffer unanimousLevel
  myDraft { level version } auditorDrafts { level auditor { id } } team { level comment version } } } }`;
export const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { id state } }`;

/** Tables the audit writes (the audit trail included). */
export const AUDIT_TABLES = [
  "candidature",
  "candidature_auditor",
  "candidature_transition",
  "assessment_entry",
  "improvement_area",
  "audit_commitment",
  "audit_report",
  "assessment_write",
  "audit_log",
] as const;

export async function auditorAccount(
  app: TestApp,
  profile: AuditorProfile,
  fullName?: string,
): Promise<Account> {
  return insertUser(app.dataSource, {
    role: "AUDITOR",
    auditorProfile: profile,
    ...(fullName ? { fullName } : {}),
  });
}

/**
 * A candidature whose dossier was submitted (and frozen) — individual, or a network of two whose first
 * member chose criterion 9-a — moved to `state`, its team (an inspector leading a CEE) composed by
 * DRAFPIC through the API, the declarations signed through the API unless `signed` is false.
 */
export async function auditCandidature(
  app: TestApp,
  options: {
    kind?: CandidatureKind;
    state?: CandidatureState;
    auditDate?: string | null;
    signed?: boolean;
  } = {},
): Promise<AuditFixture> {
  const kind = options.kind ?? "INDIVIDUAL";
  const ds = app.dataSource;
  const establishments = [
    await insertEstablishment(ds, { name: "Lycée professionnel Les Calanques" }),
  ];
  if (kind === "NETWORK") {
    establishments.push(
      await insertEstablishment(ds, { name: "Lycée Jean Moulin", departementCode: "06" }),
    );
  }
  const variants: (OptionalCriterionVariant | null)[] = kind === "NETWORK" ? ["A", null] : [null];
  const repo = ds.getRepository(Candidature);
  const c = await repo.save(
    repo.create({
      kind,
      awardType: "FIRST_AWARD",
      state: "DOSSIER_OPEN",
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle: "de la maintenance et de la mer",
      auditDate: null,
      publicationDate: null,
      submittedAt: null,
      renewsCandidatureId: null,
    }),
  );
  const members = ds.getRepository(CoApplicant);
  await members.save(
    establishments.map((e, i) =>
      members.create({
        candidatureId: c.id,
        establishmentId: e.id,
        isLead: i === 0,
        optionalCriterionVariant: variants[i] ?? null,
        engagementLetterOn: today(),
        boardMinutesOn: today(),
      }),
    ),
  );
  // Self-assessments: criterion n at level ATTAINMENT_LEVELS[n % 4], the first expectation addressed.
  const responses = ds.getRepository(CriterionResponse);
  for (const [i, e] of establishments.entries()) {
    for (const criterion of criteriaForMember(
      CURRENT_REFERENTIAL_VERSION,
      kind,
      variants[i] ?? null,
    )) {
      await responses.save(
        responses.create({
          candidatureId: c.id,
          establishmentId: e.id,
          criterionCode: criterion.code,
          narrative: `<p>Démarche du critère ${criterion.code}.</p>`,
          selfAssessedLevel: ATTAINMENT_LEVELS[criterion.number % 4]!,
          addressedExpectationIds: criterion.expectations.slice(0, 1).map((x) => x.id),
        }),
      );
    }
  }
  const submittedAt = new Date();
  await createContext(ds, TEST_AUTH, {
    viewer: app.drafpic,
    events: app.server.events,
  }).transaction((tx) => freezeDossier(tx, c, submittedAt));
  await ds.query(
    "UPDATE candidature SET state = $2, submitted_at = $3, audit_date = $4 WHERE id = $1",
    [c.id, options.state ?? "AUDIT_PLAN_RECEIVED", submittedAt, options.auditDate ?? today()],
  );
  const head = await insertUser(ds, {
    role: "SCHOOL_HEAD",
    establishmentId: establishments[0]!.id,
  });
  const lead = await auditorAccount(app, "INSPECTOR", "Inès Garnier");
  const member = await auditorAccount(app, "CEE", "Marc Olivier");
  ok(
    await app.execute(SET_TEAM, {
      input: {
        candidatureId: c.id,
        members: [
          { userId: lead.user.id, teamRole: "LEAD" },
          { userId: member.user.id, teamRole: "MEMBER" },
        ],
      },
    }),
  );
  if (options.signed !== false) {
    for (const auditor of [lead, member]) await sign(app, c.id, auditor.viewer);
  }
  return { id: c.id, establishments, head, lead, member };
}

export function sign(app: TestApp, candidatureId: string, viewer: Viewer): Promise<unknown> {
  return app
    .execute(
      SIGN,
      {
        input: {
          candidatureId,
          textVersion: INDEPENDENCE_DECLARATION_VERSION,
          noConflictOfInterest: true,
        },
      },
      viewer,
    )
    .then(ok);
}

/** A grid write's input (a fresh write id unless given). */
export function entry(
  c: AuditFixture,
  values: {
    criterionCode?: string;
    expectationId?: string | null;
    level?: string | null;
    comment?: string;
    strengths?: string;
    baseVersion?: number | null;
    writeId?: string;
    establishmentId?: string;
  } = {},
) {
  return {
    writeId: values.writeId ?? randomUUID(),
    candidatureId: c.id,
    establishmentId: values.establishmentId ?? c.establishments[0]!.id,
    criterionCode: values.criterionCode ?? "1",
    expectationId: values.expectationId ?? null,
    level: values.level === undefined ? "MET" : values.level,
    comment: values.comment ?? "",
    strengths: values.strengths ?? "",
    baseVersion: values.baseVersion ?? null,
  };
}

/** A `Cookie` header for a fresh session of `userId`, signed as cookie-parser expects. */
export async function cookieFor(app: TestApp, userId: string): Promise<string> {
  const { token } = await openSession(app.dataSource, TEST_AUTH, userId, null);
  const signature = createHmac("sha256", TEST_AUTH.sessionSecret)
    .update(token)
    .digest("base64")
    .replace(/=+$/, "");
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${token}.${signature}`)}`;
}
