import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { EntityManager } from "typeorm";
import {
  addMonths,
  assertEngagementDates,
  assertValidUai,
  auditTeamProblems,
  CANDIDATURE_STATES,
  criteriaForCandidature,
  daysBetween,
  dueReminders,
  CURRENT_REFERENTIAL_VERSION,
  getCriterion,
  getReferential,
  isWorkingDay,
  labelExpiryDate,
  MIN_INDICATOR_SCHOOL_YEARS,
  OPEN_CANDIDATURE_STATES,
  RENEWAL_GRACE_MONTHS,
  ROLES,
  schoolYearOf,
  TRANSITIONS,
  type AuditorProfile,
  type CandidatureState,
  type OptionalCriterionVariant,
  type Role,
  type Viewer,
} from "@ldm/domain";
import { createTestApp, ok, TEST_AUTH, type TestApp } from "../test/test-app";
import { CANDIDATURE_TABLES, rowCounts } from "../test/fixtures";
import { createContext, type RequestContext } from "../context";
import { systemClock } from "../kernel/clock";
import { createAppEventBus } from "../app-events";
import { dossierSnapshotSchema } from "@ldm/contracts";
import { passwordProblems, verifyPassword } from "../modules/identity/password";
import {
  Candidature,
  CommonStrategy,
  CriterionResponse,
} from "../modules/candidature/candidature.entity";
import {
  updateCommonStrategy,
  updateCriterionResponse,
} from "../modules/dossier/criterion-response.service";
import {
  approveSubmission,
  readinessOf,
  transitionCandidature,
} from "../modules/procedure/procedure.service";
import { createIndicator, setIndicatorValue } from "../modules/dossier/dossier.service";
import { Evidence, EvidenceRevision } from "../modules/evidence/evidence.entity";
import { LocalFileStorage } from "../storage/local-file-storage";
import type { FileStorage } from "../storage/file-storage";
import { loadDeadlineContexts } from "../modules/notification/deadline-facts";
import { seedDemoData } from "./seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { demoPdf, demoPng, PDF_MEDIA_TYPE } from "./demo-files";
import {
  ACADEMIE_MAIL_DOMAINS,
  DEMO_FILE_FOOTER,
  DOSSIER_PROFILES,
  INDICATOR_DEFINITIONS,
  SEED_ESTABLISHMENTS,
} from "./seed-data";

const TABLES = [
  "establishment",
  "app_user",
  "candidature_auditor",
  "audit_log",
  ...CANDIDATURE_TABLES,
  "indicator",
  "indicator_value",
  "evidence",
  "evidence_revision",
  "engagement_document",
  "dossier_snapshot",
  "referent_inspector",
  "preparatory_visit",
  "audit_plan",
  "assessment_entry",
  "improvement_area",
  "audit_commitment",
  "audit_report",
  "gralm_session",
  "gralm_session_item",
  "caen_opinion",
  "rector_decision",
  "label",
  "notification",
  "mail_delivery",
];
const counts = (app: TestApp) => rowCounts(app.dataSource, TABLES);
const DEMO_EMAILS = DEMO_ACCOUNTS.map((a) => a.email);

interface UserRow {
  id: string;
  email: string;
  role: Role;
  establishment_id: string | null;
  auditor_profile: string | null;
  job_title: string | null;
  password_hash: string | null;
  active: boolean;
}

async function demoUser(app: TestApp, email: string): Promise<UserRow> {
  const [row] = (await app.dataSource.query(
    `SELECT id, email, role, establishment_id, auditor_profile, job_title, password_hash, active
       FROM app_user WHERE email = $1`,
    [email],
  )) as UserRow[];
  if (!row) throw new Error(`Compte ${email} absent`);
  return row;
}

function viewerOf(user: UserRow): Viewer {
  return {
    userId: user.id,
    role: user.role,
    establishmentId: user.establishment_id,
    readOnly: false,
  };
}

const VISIBLE = `query {
  candidatures(first: 50) {
    totalCount
    edges { node { id state kind members { isLead establishment { id } } } }
  }
}`;

interface VisibleData {
  candidatures: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        state: CandidatureState;
        kind: "INDIVIDUAL" | "NETWORK";
        members: { isLead: boolean; establishment: { id: string } }[];
      };
    }[];
  };
}

const CANDIDATURES = `query {
  candidatures(first: 50) {
    totalCount
    edges {
      node {
        id
        state
        kind
        submittedAt
        members { isLead establishment { uai name } }
        readiness { ready missing criteria { criterionCode ready missing } }
        submittedDossier { sha256 submittedAt }
      }
    }
  }
}`;

interface CandidaturesData {
  candidatures: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        state: CandidatureState;
        kind: "INDIVIDUAL" | "NETWORK";
        submittedAt: string | null;
        members: { isLead: boolean; establishment: { uai: string; name: string } }[];
        readiness: {
          ready: boolean;
          missing: string[];
          criteria: { criterionCode: string; ready: boolean; missing: string[] }[];
        };
        submittedDossier: { sha256: string; submittedAt: string } | null;
      };
    }[];
  };
}

/** SHA-256 and size of the bytes the storage gives back. */
async function stored(
  storage: FileStorage,
  sha256: string,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of storage.get(sha256)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

const NICE = "Lycée professionnel Les Oliviers";
const CRITERION_4_EXPECTATIONS = getCriterion(CURRENT_REFERENTIAL_VERSION, "4").expectations.map(
  (e) => e.id,
);

/**
 * What the Riviera network dossier (Nice, Cannes, Menton) still misses once seeded: criterion 4 of
 * Les Oliviers, outlined only, with no indicator and no evidence, and the co-applicants' approvals.
 * The demo users do these steps by hand (see the README); strategy 4 is a draft, but written.
 */
const RIVIERA_LEFT_BY_HAND = [
  "Approbation du dépôt par le chef d'établissement de Lycée polyvalent des Îles de Lérins",
  "Approbation du dépôt par le chef d'établissement de Lycée polyvalent Les Agrumes",
  `« Ce qui est fait » de ${NICE} au critère 4`,
  `« Ce qui est mesuré » de ${NICE} au critère 4`,
  `« Ce qui est amélioré » de ${NICE} au critère 4`,
  `Niveau d'atteinte auto-évalué de ${NICE} au critère 4`,
  `Attendus non traités par ${NICE} au critère 4 : ${CRITERION_4_EXPECTATIONS.slice(4).join(", ")}`,
  `Indicateur suivi sur au moins 3 années scolaires pour ${NICE} au critère 4`,
  "Pièce justificative pour le critère 4",
];

const SUBMITTED_STATES: readonly CandidatureState[] = [
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
  "REPORT_SUBMITTED",
  "GRALM_PROPOSED",
  "CAEN_CONSULTED",
  "RECTOR_APPROVED",
  "LABELLED",
  "MID_TERM_REVIEWED",
  "REFUSED",
];

describe("demo data seed", () => {
  let app: TestApp;
  let storageDir: string;
  let storage: LocalFileStorage;
  beforeAll(async () => {
    storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-seed-"));
    storage = new LocalFileStorage(storageDir);
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(storageDir, { recursive: true, force: true });
  });

  it("writes the demo data once, then does nothing (idempotent)", async () => {
    expect(await seedDemoData(app.dataSource, TEST_AUTH, storage)).toBe(true);
    const before = await counts(app);
    expect(await seedDemoData(app.dataSource, TEST_AUTH, storage)).toBe(false);
    expect(await counts(app)).toEqual(before);
    expect(before.candidature).toBeGreaterThanOrEqual(7);
    expect(before.candidature_auditor).toBeGreaterThanOrEqual(2);
    expect(before.indicator).toBeGreaterThanOrEqual(40);
    expect(before.evidence).toBeGreaterThanOrEqual(30);
    expect(before.engagement_document).toBeGreaterThanOrEqual(16);
    // The 3 historical dossiers and the 10 submitted through the services.
    expect(before.dossier_snapshot).toBe(13);
    expect(before.referent_inspector).toBe(SEED_ESTABLISHMENTS.length);
    expect(before.gralm_session).toBe(3);
    // The steps were told in the platform, not by e-mail.
    expect(before.notification).toBeGreaterThan(50);
    expect(before.mail_delivery).toBe(0);
  }, 60_000);

  it("creates one demo account per role, all with the demo password (hashed once)", async () => {
    expect(passwordProblems(DEMO_PASSWORD)).toEqual([]);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(ROLES));
    const users = await Promise.all(DEMO_EMAILS.map((email) => demoUser(app, email)));
    for (const role of ROLES)
      expect(users.filter((u) => u.role === role).length).toBeGreaterThan(0);
    for (const [index, user] of users.entries()) {
      const account = DEMO_ACCOUNTS[index];
      expect(user.role).toBe(account?.role);
      expect(user.auditor_profile).toBe(account?.auditorProfile);
      expect(user.active).toBe(true);
      expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.password_hash, `${DEMO_PASSWORD}x`)).toBe(false);
    }
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    const withPassword: { email: string }[] = await app.dataSource.query(
      "SELECT email FROM app_user WHERE password_hash IS NOT NULL ORDER BY email",
    );
    expect(withPassword.map((r) => r.email)).toEqual([...DEMO_EMAILS].sort());
  });

  it("lets the demo head and pilot work on the Nice network dossier, still open", async () => {
    const head = await demoUser(app, "cheffe@demo.ldm.fr");
    const pilot = await demoUser(app, "pilote@demo.ldm.fr");
    expect(head.role).toBe("SCHOOL_HEAD");
    expect(pilot.role).toBe("SCHOOL_STAFF");
    expect(pilot.establishment_id).toBe(head.establishment_id);
    const data = ok(await app.execute<VisibleData>(VISIBLE, {}, viewerOf(head)));
    const led = data.candidatures.edges
      .map((e) => e.node)
      .filter((n) =>
        n.members.some((m) => m.isLead && m.establishment.id === head.establishment_id),
      );
    expect(led).toHaveLength(1);
    expect(led[0]?.state).toBe("DOSSIER_OPEN");
    expect(led[0]?.kind).toBe("NETWORK");
    const piloted: { criterion_code: string }[] = await app.dataSource.query(
      `SELECT criterion_code FROM criterion_pilot
        WHERE user_id = $1 AND candidature_id = $2 AND establishment_id = $3 ORDER BY criterion_code`,
      [pilot.id, led[0]?.id, head.establishment_id],
    );
    expect(piloted.map((p) => p.criterion_code)).toEqual(["4", "6"]);
  });

  it("gives every candidature establishment a head, and makes pilots accounts of their establishment", async () => {
    const establishments: { id: string; academie_code: "AIX_MARSEILLE" | "NICE" }[] =
      await app.dataSource.query(
        `SELECT DISTINCT e.id, e.academie_code FROM co_applicant m
           JOIN establishment e ON e.id = m.establishment_id`,
      );
    expect(establishments.length).toBeGreaterThanOrEqual(10);
    const schoolUsers: UserRow[] = await app.dataSource.query(
      `SELECT id, email, role, establishment_id, auditor_profile, job_title, password_hash, active
         FROM app_user WHERE role IN ('SCHOOL_HEAD', 'SCHOOL_STAFF')`,
    );
    const demo = new Set<string>(DEMO_EMAILS);
    for (const e of establishments) {
      const heads = schoolUsers.filter(
        (u) => u.role === "SCHOOL_HEAD" && u.establishment_id === e.id,
      );
      expect(heads).toHaveLength(1);
      expect(["Proviseur", "Proviseure"]).toContain(heads[0]?.job_title);
    }
    for (const u of schoolUsers) {
      const academie = establishments.find((e) => e.id === u.establishment_id)?.academie_code;
      expect(academie).toBeDefined();
      if (!demo.has(u.email)) {
        expect(u.email).toMatch(/^[a-z-]+\.[a-z-]+@[a-z.-]+$/);
        expect(u.email.endsWith(`@${ACADEMIE_MAIL_DOMAINS[academie ?? "NICE"]}`)).toBe(true);
        expect(u.password_hash).toBeNull();
      }
    }
    const pilots: { role: Role; pilot_establishment: string; user_establishment: string | null }[] =
      await app.dataSource.query(
        `SELECT u.role, p.establishment_id AS pilot_establishment, u.establishment_id AS user_establishment
           FROM criterion_pilot p JOIN app_user u ON u.id = p.user_id`,
      );
    expect(pilots.length).toBeGreaterThan(50);
    for (const p of pilots) {
      expect(["SCHOOL_HEAD", "SCHOOL_STAFF"]).toContain(p.role);
      expect(p.user_establishment).toBe(p.pilot_establishment);
    }
    expect(pilots.filter((p) => p.role === "SCHOOL_STAFF").length).toBeGreaterThan(
      pilots.length / 2,
    );
  });

  it("shows each demo auditor exactly the candidatures assigned to it", async () => {
    for (const email of ["auditrice@demo.ldm.fr", "cee@demo.ldm.fr"]) {
      const auditor = await demoUser(app, email);
      expect(auditor.role).toBe("AUDITOR");
      const assigned: { candidature_id: string; state: CandidatureState }[] =
        await app.dataSource.query(
          `SELECT a.candidature_id, c.state FROM candidature_auditor a
             JOIN candidature c ON c.id = a.candidature_id WHERE a.user_id = $1`,
          [auditor.id],
        );
      // Every submitted candidature of the demo: the same team audits them all.
      expect(new Set(assigned.map((a) => a.state))).toEqual(new Set(SUBMITTED_STATES));
      const data = ok(await app.execute<VisibleData>(VISIBLE, {}, viewerOf(auditor)));
      const seen = data.candidatures.edges.map((e) => e.node.id);
      expect(data.candidatures.totalCount).toBe(seen.length);
      expect([...seen].sort()).toEqual(assigned.map((a) => a.candidature_id).sort());
    }
  });

  it("seeds at least 20 establishments with valid UAIs in both académies and all six départements", async () => {
    for (const e of SEED_ESTABLISHMENTS) {
      expect(assertValidUai(e.uai)).toBe(e.uai);
      expect(e.uai.slice(0, 3)).toBe(e.departementCode.padStart(3, "0"));
    }
    const rows: { uai: string; academie_code: string; departement_code: string }[] =
      await app.dataSource.query(
        "SELECT uai, academie_code, departement_code FROM establishment ORDER BY uai",
      );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect(assertValidUai(row.uai)).toBe(row.uai);
    expect(new Set(rows.map((r) => r.academie_code))).toEqual(new Set(["AIX_MARSEILLE", "NICE"]));
    expect(new Set(rows.map((r) => r.departement_code))).toEqual(
      new Set(["04", "05", "06", "13", "83", "84"]),
    );
    const kinds: { kind: string; sector: string }[] = await app.dataSource.query(
      "SELECT DISTINCT kind, sector FROM establishment",
    );
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(["LP", "LPO", "EREA"]));
    expect(new Set(kinds.map((k) => k.sector))).toEqual(
      new Set(["PUBLIC", "PRIVATE_UNDER_CONTRACT"]),
    );
  });

  it("obeys the integrity rules: working days, one open candidature, renewals, audit teams, engagement dates", async () => {
    const today = systemClock.today();
    const candidatures: {
      id: string;
      state: CandidatureState;
      award_type: string;
      audit_date: string | null;
      renews: string | null;
    }[] = await app.dataSource.query(
      `SELECT id, state, award_type, audit_date::text, renews_candidature_id AS renews FROM candidature`,
    );
    for (const c of candidatures) {
      if (c.audit_date !== null) expect([c.id, isWorkingDay(c.audit_date)]).toEqual([c.id, true]);
    }
    // The past steps (the seed chose their dates; today's are the services' own).
    const steps: { effective_date: string }[] = await app.dataSource.query(
      "SELECT effective_date::text FROM candidature_transition WHERE effective_date < $1",
      [today],
    );
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter((s) => !isWorkingDay(s.effective_date))).toEqual([]);

    // One open candidature per establishment.
    const open: { establishment_id: string; n: number }[] = await app.dataSource.query(
      `SELECT m.establishment_id, count(*)::int AS n FROM co_applicant m
         JOIN candidature c ON c.id = m.candidature_id WHERE c.state = ANY($1)
        GROUP BY m.establishment_id HAVING count(*) > 1`,
      [OPEN_CANDIDATURE_STATES],
    );
    expect(open).toEqual([]);

    // Every renewal renews a label of its lead, current or expired less than 12 months ago.
    const renewals = candidatures.filter((c) => c.award_type === "RENEWAL");
    expect(renewals.length).toBeGreaterThan(0);
    for (const renewal of renewals) {
      const [label] = (await app.dataSource.query(
        `SELECT c.state, c.publication_date::text AS publication FROM candidature c
           JOIN co_applicant l ON l.candidature_id = c.id
           JOIN co_applicant r ON r.establishment_id = l.establishment_id AND r.is_lead
          WHERE c.id = $1 AND r.candidature_id = $2`,
        [renewal.renews, renewal.id],
      )) as { state: CandidatureState; publication: string | null }[];
      expect(label?.publication).toBeDefined();
      expect(["LABELLED", "MID_TERM_REVIEWED", "EXPIRED"]).toContain(label?.state);
      const expiry = labelExpiryDate(label?.publication ?? "");
      expect(today < addMonths(expiry, RENEWAL_GRACE_MONTHS)).toBe(true);
    }
    for (const c of candidatures.filter((x) => x.award_type === "FIRST_AWARD")) {
      expect(c.renews).toBeNull();
    }

    // Every recorded audit had a team holding an inspector.
    const audited: { candidature_id: string }[] = await app.dataSource.query(
      "SELECT candidature_id FROM candidature_transition WHERE transition = 'RECORD_AUDIT'",
    );
    expect(audited.length).toBeGreaterThan(0);
    for (const { candidature_id } of audited) {
      const team: { auditor_profile: AuditorProfile | null }[] = await app.dataSource.query(
        `SELECT u.auditor_profile FROM candidature_auditor a JOIN app_user u ON u.id = a.user_id
          WHERE a.candidature_id = $1`,
        [candidature_id],
      );
      expect(auditTeamProblems(team.map((t) => ({ profile: t.auditor_profile })))).toEqual([]);
    }

    // Engagement documents: the board first, then the letter, neither in the future.
    const engagements: { letter: string | null; minutes: string | null }[] =
      await app.dataSource.query(
        "SELECT engagement_letter_on::text AS letter, board_minutes_on::text AS minutes FROM co_applicant",
      );
    for (const e of engagements) {
      expect(() =>
        assertEngagementDates({ engagementLetterOn: e.letter, boardMinutesOn: e.minutes, today }),
      ).not.toThrow();
    }
  });

  it("covers the stages of the procedure, with exactly one lead per candidature", async () => {
    const states: { state: string }[] = await app.dataSource.query(
      "SELECT DISTINCT state FROM candidature",
    );
    // Every state but the ends no demo needs (an expired label, a withdrawn candidature).
    expect(new Set(states.map((s) => s.state))).toEqual(
      new Set(CANDIDATURE_STATES.filter((s) => s !== "EXPIRED" && s !== "WITHDRAWN")),
    );
    const members: { kind: string; members: number; leads: number }[] = await app.dataSource.query(
      `SELECT c.kind, count(m.id)::int AS members, count(m.id) FILTER (WHERE m.is_lead)::int AS leads
         FROM candidature c LEFT JOIN co_applicant m ON m.candidature_id = c.id GROUP BY c.id, c.kind`,
    );
    for (const row of members) {
      expect(row.leads).toBe(1);
      expect(row.members).toBeGreaterThanOrEqual(row.kind === "NETWORK" ? 2 : 1);
      if (row.kind === "INDIVIDUAL") expect(row.members).toBe(1);
    }
    expect(members.some((row) => row.kind === "NETWORK" && row.members >= 3)).toBe(true);
  });

  it("keeps every history consistent with the lifecycle, from ENGAGEMENT to the current state", async () => {
    const candidatures: {
      id: string;
      state: CandidatureState;
      publication_date: string | null;
      audit_date: string | null;
    }[] = await app.dataSource.query(
      "SELECT id, state, publication_date::text, audit_date::text FROM candidature",
    );
    for (const c of candidatures) {
      const history: {
        transition: string;
        from_state: string;
        to_state: string;
        effective_date: string;
      }[] = await app.dataSource.query(
        `SELECT transition, from_state, to_state, effective_date::text FROM candidature_transition
         WHERE candidature_id = $1 ORDER BY created_at, id`,
        [c.id],
      );
      let state = "ENGAGEMENT";
      let previousDate = "";
      for (const step of history) {
        const definition = TRANSITIONS.find((t) => t.name === step.transition);
        expect(definition).toBeDefined();
        expect((definition?.from ?? []) as readonly string[]).toContain(step.from_state);
        expect(step.to_state).toBe(definition?.to);
        expect(step.from_state).toBe(state);
        expect(step.effective_date >= previousDate).toBe(true);
        state = step.to_state;
        previousDate = step.effective_date;
      }
      expect(state).toBe(c.state);
      if (c.state === "LABELLED") {
        expect(c.publication_date).not.toBeNull();
        expect(c.audit_date !== null && c.audit_date < (c.publication_date ?? "")).toBe(true);
        expect(history.at(-1)?.effective_date).toBe(c.publication_date);
      }
    }
    const labelled = candidatures.find((c) => c.state === "LABELLED");
    const refused = candidatures.find((c) => c.state === "REFUSED");
    expect(labelled?.audit_date).toBeDefined();
    expect(refused?.publication_date).toBeNull();
  });

  it("serves the candidatures through GraphQL; submitted dossiers are ready, open ones are not", async () => {
    // As DRAFPIC (the default viewer of `execute`), who sees every candidature.
    const data = ok(await app.execute<CandidaturesData>(CANDIDATURES));
    const nodes = data.candidatures.edges.map((e) => e.node);
    expect(data.candidatures.totalCount).toBe(nodes.length);
    expect(nodes.length).toBeGreaterThanOrEqual(7);
    const known = new Set<string>(SEED_ESTABLISHMENTS.map((e) => e.uai));
    for (const node of nodes) {
      expect(node.members.filter((m) => m.isLead)).toHaveLength(1);
      expect(node.members[0]?.isLead).toBe(true);
      for (const m of node.members) expect(known.has(m.establishment.uai)).toBe(true);
    }
    const inState = (state: CandidatureState) => nodes.filter((n) => n.state === state);
    expect(inState("SUBMITTED").length).toBeGreaterThanOrEqual(1);
    for (const n of inState("SUBMITTED")) expect(n.readiness.ready).toBe(true);
    for (const n of inState("PREPARATORY_VISIT_DONE")) expect(n.readiness.ready).toBe(true);
    for (const n of inState("DOSSIER_OPEN")) expect(n.readiness.ready).toBe(false);
    expect(
      nodes.some(
        (n) => n.state === "DOSSIER_OPEN" && n.kind === "NETWORK" && n.members.length >= 3,
      ),
    ).toBe(true);
  });

  it("keeps every evidence and engagement file in the storage, under its SHA-256", async () => {
    const files: { sha256: string; media_type: string; size_bytes: number }[] =
      await app.dataSource.query(
        `SELECT sha256, media_type, size_bytes FROM evidence_revision
         UNION ALL SELECT sha256, media_type, size_bytes FROM engagement_document`,
      );
    expect(files.length).toBeGreaterThan(40);
    expect(new Set(files.map((f) => f.media_type))).toEqual(
      new Set(["application/pdf", "image/png"]),
    );
    for (const f of files) {
      expect(await storage.exists(f.sha256)).toBe(true);
      expect(await stored(storage, f.sha256)).toEqual({ sha256: f.sha256, size: f.size_bytes });
    }
    // Some evidence was updated (two revisions), one supports several criteria, one is the
    // Euroscol label of a criterion 6 met by it.
    const revised: { n: number }[] = await app.dataSource.query(
      "SELECT count(*)::int AS n FROM evidence WHERE current_revision = 2",
    );
    expect(revised[0]?.n).toBeGreaterThan(0);
    const kinds: { kind: string; max_criteria: number }[] = await app.dataSource.query(
      "SELECT kind, max(cardinality(criterion_codes))::int AS max_criteria FROM evidence GROUP BY kind",
    );
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining([
        "DASHBOARD",
        "MEETING_MINUTES",
        "PRESS_ARTICLE",
        "PARTNERSHIP_CONTRACT",
        "POSTER",
        "EUROSCOL_LABEL",
      ]),
    );
    expect(Math.max(...kinds.map((k) => k.max_criteria))).toBeGreaterThanOrEqual(2);
    // The one establishment holding the Euroscol label (Toulon), in each of its dossiers.
    const euroscol: { n: number }[] = await app.dataSource.query(
      `SELECT count(DISTINCT r.establishment_id)::int AS n FROM criterion_response r
         JOIN evidence e ON e.candidature_id = r.candidature_id
          AND e.establishment_id = r.establishment_id AND e.kind = 'EUROSCOL_LABEL'
        WHERE r.criterion_code = '6' AND r.met_by_euroscol AND '6' = ANY(e.criterion_codes)`,
    );
    expect(euroscol[0]?.n).toBe(1);
    // Cited evidence belongs to the candidature and supports the criterion.
    const cited: { ok: boolean }[] = await app.dataSource.query(
      `SELECT (e.candidature_id = r.candidature_id AND r.criterion_code = ANY(e.criterion_codes)) AS ok
         FROM criterion_response r CROSS JOIN LATERAL unnest(r.cited_evidence_ids) AS c(id)
         LEFT JOIN evidence e ON e.id = c.id`,
    );
    expect(cited.length).toBeGreaterThan(30);
    expect(cited.every((c) => c.ok)).toBe(true);
  });

  it("writes small but valid PDF and PNG files", () => {
    const pdf = demoPdf({
      title: "Convention (test) — « œuvre »",
      subtitle: ["Lycée de démonstration"],
      paragraphs: ["Un paragraphe avec une barre oblique inverse \\ et des accents : é à ç."],
      footer: "Document fictif.",
    });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.endsWith("%%EOF\n")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n\r$/gm)];
    expect(entries).toHaveLength(7);
    for (const [index, entry] of entries.entries()) {
      const offset = Number(entry[1]);
      expect(text.slice(offset, offset + 8)).toBe(`${index + 1} 0 obj\n`);
    }
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
    const streamStart = text.indexOf("stream\n") + "stream\n".length;
    expect(text.slice(streamStart + length, streamStart + length + 9)).toBe("endstream");
    const png = demoPng([10, 20, 30]);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBeGreaterThan(0);
    expect(png.subarray(-8, -4).toString("latin1")).toBe("IEND");
  });

  it("freezes a ready dossier for every submitted candidature; open ones are not ready", async () => {
    const data = ok(await app.execute<CandidaturesData>(CANDIDATURES));
    const nodes = data.candidatures.edges.map((e) => e.node);
    const submitted = nodes.filter((n) => SUBMITTED_STATES.includes(n.state));
    expect(new Set(submitted.map((n) => n.state))).toEqual(new Set(SUBMITTED_STATES));
    for (const n of submitted) {
      expect(n.readiness).toEqual(expect.objectContaining({ ready: true, missing: [] }));
      expect(n.submittedDossier?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(n.submittedDossier?.submittedAt).toBe(n.submittedAt);
    }
    for (const n of nodes.filter((n) => !SUBMITTED_STATES.includes(n.state))) {
      expect(n.submittedDossier).toBeNull();
    }
    // Every frozen dossier matches the versioned contract, revision dates included.
    const frozen = (await app.dataSource.query("SELECT content FROM dossier_snapshot")) as {
      content: unknown;
    }[];
    expect(frozen.length).toBe(submitted.length);
    for (const { content } of frozen) {
      const parsed = dossierSnapshotSchema.safeParse(content);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }

    const nice = nodes.find(
      (n) =>
        n.state === "DOSSIER_OPEN" &&
        n.kind === "NETWORK" &&
        n.members[0]?.establishment.uai === "0069053H",
    );
    expect(nice).toBeDefined();
    expect(nice?.readiness.ready).toBe(false);
    // Almost complete: only what the demo users do by hand is missing (see the README).
    expect(nice?.readiness.missing).toEqual(RIVIERA_LEFT_BY_HAND);
    expect(nice?.readiness.criteria.filter((c) => !c.ready).map((c) => c.criterionCode)).toEqual([
      "4",
    ]);
  });

  it("lets the demo users finish the Riviera dossier by hand, then submit it", async () => {
    // On a database of its own: the other tests see the Riviera dossier still open.
    const journey = await createTestApp();
    try {
      expect(await seedDemoData(journey.dataSource, TEST_AUTH, storage)).toBe(true);
      const ds = journey.dataSource;
      const as = async (email: string): Promise<RequestContext> =>
        createContext(ds, TEST_AUTH, {
          viewer: viewerOf(await demoUser(journey, email)),
          events: createAppEventBus(),
        });
      // Each step is one mutation: one transaction.
      const run = <T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> => ds.transaction(fn);
      const cheffe = await as("cheffe@demo.ldm.fr");
      const pilote = await as("pilote@demo.ldm.fr");
      const niceId = cheffe.viewer?.establishmentId ?? "";
      const [riviera] = (await ds.query(
        `SELECT c.id FROM candidature c JOIN co_applicant m ON m.candidature_id = c.id
          WHERE m.is_lead AND m.establishment_id = $1 AND c.state = 'DOSSIER_OPEN'`,
        [niceId],
      )) as { id: string }[];
      const candidatureId = riviera?.id ?? "";
      const readiness = () =>
        cheffe.transaction(async (tx) =>
          readinessOf(
            tx,
            await tx.manager.getRepository(Candidature).findOneByOrFail({ id: candidatureId }),
          ),
        );
      expect((await readiness()).missing).toEqual(RIVIERA_LEFT_BY_HAND);

      // 1. The head (cheffe) completes criterion 4: the four steps, the level, every expectation.
      const outline = await ds
        .getRepository(CriterionResponse)
        .findOneByOrFail({ candidatureId, establishmentId: niceId, criterionCode: "4" });
      expect(outline.planned).not.toBe("");
      expect(outline.addressedExpectationIds).toEqual(CRITERION_4_EXPECTATIONS.slice(0, 4));
      await cheffe.transaction((tx) =>
        updateCriterionResponse(tx, {
          candidatureId,
          establishmentId: niceId,
          criterionCode: "4",
          done: "<p>Un bureau des entreprises anime un réseau de plus de 250 entreprises d'accueil.</p>",
          measured:
            "<p>Entreprises partenaires accueillant des élèves en PFMP : 252 en 2024-2025.</p>",
          improved: "<p>Les tuteurs évaluent chaque PFMP avec une grille commune.</p>",
          selfAssessedLevel: "EXCEEDED",
          addressedExpectationIds: CRITERION_4_EXPECTATIONS,
          expectedVersion: outline.version,
        }),
      );

      // 2. She adds an indicator of criterion 4, followed over three school years.
      const companies = INDICATOR_DEFINITIONS.companies;
      const indicator = await cheffe.transaction((tx) =>
        createIndicator(tx, {
          candidatureId,
          establishmentId: niceId,
          name: companies.name,
          kind: companies.kind,
          unit: companies.unit,
          direction: companies.direction,
          target: null,
          source: companies.source,
          criterionCodes: ["4"],
        }),
      );
      // The three latest school years whose results are known.
      const last = Number(schoolYearOf(addMonths(systemClock.today(), -10)).slice(0, 4));
      const values = DOSSIER_PROFILES["nice-oliviers"]?.indicators.companies?.slice(-3) ?? [];
      expect(values).toHaveLength(3);
      for (const [index, value] of values.entries()) {
        const first = last - 2 + index;
        await cheffe.transaction((tx) =>
          setIndicatorValue(tx, {
            indicatorId: indicator.id,
            schoolYear: `${first}-${first + 1}`,
            numericValue: value,
          }),
        );
      }

      // 3. She uploads an evidence of criterion 4 (the upload route's file and rows).
      const file = await storage.put(
        Readable.from(
          demoPdf({
            title: "Compte rendu du comité local école-entreprise",
            subtitle: [NICE],
            paragraphs: ["Bilan des PFMP et des partenariats du bureau des entreprises."],
            footer: DEMO_FILE_FOOTER,
          }),
        ),
        { maxBytes: 256 * 1024 },
      );
      await run(async (m) => {
        const evidence = await m.getRepository(Evidence).save(
          m.getRepository(Evidence).create({
            candidatureId,
            establishmentId: niceId,
            title: "Compte rendu du comité local école-entreprise",
            kind: "MEETING_MINUTES",
            effectiveDate: systemClock.today(),
            criterionCodes: ["4"],
            currentRevision: 1,
          }),
        );
        await m.getRepository(EvidenceRevision).save(
          m.getRepository(EvidenceRevision).create({
            evidenceId: evidence.id,
            revision: 1,
            sha256: file.sha256,
            fileName: "comite-local-ecole-entreprise.pdf",
            mediaType: PDF_MEDIA_TYPE,
            sizeBytes: file.sizeBytes,
            uploadedBy: cheffe.viewer?.userId ?? null,
          }),
        );
      });

      // 4. The pilot and the head edit common strategy 4 at once: the second to save is refused
      // (CONFLICT), merges and saves on the new version.
      const draft = await ds
        .getRepository(CommonStrategy)
        .findOneByOrFail({ candidatureId, criterionCode: "4" });
      const byPilote = await pilote.transaction((tx) =>
        updateCommonStrategy(tx, {
          candidatureId,
          criterionCode: "4",
          text: "<p>Un fichier commun de plus de 400 entreprises d'accueil.</p>",
          expectedVersion: draft.version,
        }),
      );
      expect(byPilote.version).toBe(draft.version + 1);
      await expect(
        cheffe.transaction((tx) =>
          updateCommonStrategy(tx, {
            candidatureId,
            criterionCode: "4",
            text: "<p>Un forum des métiers de la Riviera ouvert aux collégiens.</p>",
            expectedVersion: draft.version,
          }),
        ),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      const merged = await cheffe.transaction((tx) =>
        updateCommonStrategy(tx, {
          candidatureId,
          criterionCode: "4",
          text: "<p>Un fichier commun de plus de 400 entreprises d'accueil et un forum des métiers de la Riviera ouvert aux collégiens.</p>",
          expectedVersion: byPilote.version,
        }),
      );
      expect(merged.version).toBe(draft.version + 2);
      expect((await readiness()).missing).toEqual(RIVIERA_LEFT_BY_HAND.slice(0, 2));

      // 5. The heads of both co-applicants approve the submission.
      for (const email of ["chef.cannes@demo.ldm.fr", "chef.menton@demo.ldm.fr"]) {
        const head = await as(email);
        await head.transaction((tx) => approveSubmission(tx, { candidatureId }));
      }
      const ready = await readiness();
      expect(ready).toEqual(expect.objectContaining({ ready: true, missing: [] }));

      // 6. The head of the lead submits the dossier.
      const submitted = await cheffe.transaction((tx) =>
        transitionCandidature(tx, {
          candidatureId,
          transition: "SUBMIT_DOSSIER",
          comment: "Dossier commun déposé par l'établissement porteur.",
        }),
      );
      expect(submitted.state).toBe("SUBMITTED");
      const snapshots: { n: number }[] = await ds.query(
        "SELECT count(*)::int AS n FROM dossier_snapshot WHERE candidature_id = $1",
        [candidatureId],
      );
      expect(snapshots[0]?.n).toBe(1);
    } finally {
      await journey.close();
    }
  }, 60_000);

  it("follows, for each complete dossier, an indicator over at least 3 school years per criterion", async () => {
    const members: {
      candidature_id: string;
      establishment_id: string;
      optional_criterion_variant: OptionalCriterionVariant | null;
    }[] = await app.dataSource.query(
      `SELECT m.candidature_id, m.establishment_id, m.optional_criterion_variant
         FROM co_applicant m JOIN candidature c ON c.id = m.candidature_id
        WHERE c.state = ANY($1)`,
      [SUBMITTED_STATES],
    );
    // The 3 historical dossiers' members and the 13 of the 10 submitted through the services.
    expect(members.length).toBe(16);
    for (const m of members) {
      const followed: { criterion_code: string; years: number }[] = await app.dataSource.query(
        `SELECT code AS criterion_code, max(years)::int AS years FROM (
           SELECT i.id, unnest(i.criterion_codes) AS code, count(v.id) AS years
             FROM indicator i JOIN indicator_value v ON v.indicator_id = i.id
            WHERE i.candidature_id = $1 AND i.establishment_id = $2
            GROUP BY i.id) per_indicator
         GROUP BY code`,
        [m.candidature_id, m.establishment_id],
      );
      const criteria = criteriaForCandidature(
        CURRENT_REFERENTIAL_VERSION,
        m.optional_criterion_variant,
      );
      const unfollowed = criteria
        .map((c) => c.code)
        .filter(
          (code) =>
            (followed.find((f) => f.criterion_code === code)?.years ?? 0) <
            MIN_INDICATOR_SCHOOL_YEARS,
        );
      expect(unfollowed).toEqual([]);
    }
    const qualitative: { text_value: string | null; numeric_value: number | null }[] =
      await app.dataSource.query(
        `SELECT v.text_value, v.numeric_value FROM indicator i
           JOIN indicator_value v ON v.indicator_id = i.id WHERE i.kind = 'QUALITATIVE'`,
      );
    expect(qualitative.length).toBeGreaterThan(0);
    for (const v of qualitative) {
      expect(v.numeric_value).toBeNull();
      expect(v.text_value).toMatch(/se sentir bien au lycée/);
    }
  });

  it("gives the Riviera network's establishments their own criterion 9, and ticks no network-only expectation alone", async () => {
    const riviera = (await app.dataSource.query(
      `SELECT e.uai, m.optional_criterion_variant AS variant
         FROM co_applicant m JOIN establishment e ON e.id = m.establishment_id
        WHERE m.candidature_id = (SELECT l.candidature_id FROM co_applicant l
                                   JOIN establishment le ON le.id = l.establishment_id
                                  WHERE l.is_lead AND le.uai = '0069053H')
        ORDER BY m.created_at`,
    )) as { uai: string; variant: string | null }[];
    // Les Oliviers (its head chooses in the demo), Cannes 9-a, Menton none.
    expect(riviera.map((m) => m.variant)).toEqual([null, "A", null]);
    // Each answers the criterion 9 it chose, and only that one.
    const answered = (await app.dataSource.query(
      `SELECT m.optional_criterion_variant AS variant, r.criterion_code AS code
         FROM criterion_response r JOIN co_applicant m
           ON m.candidature_id = r.candidature_id AND m.establishment_id = r.establishment_id
        WHERE r.criterion_code IN ('9a', '9b')`,
    )) as { variant: string | null; code: string }[];
    expect(answered.length).toBeGreaterThan(0);
    for (const a of answered) expect(a.code).toBe(a.variant === "A" ? "9a" : "9b");
    const networkOnly = (await app.dataSource.query(
      `SELECT r.criterion_code FROM criterion_response r JOIN candidature c ON c.id = r.candidature_id
        WHERE c.kind = 'INDIVIDUAL' AND r.addressed_expectation_ids && $1::text[]`,
      [
        getReferential(CURRENT_REFERENTIAL_VERSION)
          .criteria.flatMap((c) => c.expectations)
          .filter((e) => e.scope === "NETWORK")
          .map((e) => e.id),
      ],
    )) as unknown[];
    expect(networkOnly).toEqual([]);
  });

  it("writes the self-evaluations as sanitised rich text, with levels and expectations", async () => {
    const responses: {
      planned: string;
      done: string;
      measured: string;
      improved: string;
      self_assessed_level: string | null;
      emblematic_action_title: string | null;
      qualeduc_fiche_codes: string[];
    }[] = await app.dataSource.query(
      `SELECT planned, done, measured, improved, self_assessed_level, emblematic_action_title,
              qualeduc_fiche_codes FROM criterion_response`,
    );
    const levels = responses.map((r) => r.self_assessed_level);
    expect(new Set(levels)).toEqual(new Set(["MET", "PARTIALLY_MET", "EXCEEDED", "NOT_MET", null]));
    expect(levels.filter((l) => l === "MET").length).toBeGreaterThan(levels.length / 2);
    expect(responses.filter((r) => r.emblematic_action_title !== null).length).toBeGreaterThan(5);
    expect(responses.filter((r) => r.qualeduc_fiche_codes.length > 0).length).toBeGreaterThan(10);
    // One outline, left for the demo user: criterion 4 of Les Oliviers (« ce qui est prévu » only).
    const outlines = responses.filter((r) => r.done === "");
    expect(outlines).toHaveLength(1);
    expect(outlines[0]).toEqual(
      expect.objectContaining({ measured: "", improved: "", self_assessed_level: null }),
    );
    for (const r of responses) {
      expect(r.planned).toMatch(/^<(p|ul)>/);
      if (r.done !== "") expect(r.done).toMatch(/^<(p|ul)>/);
      expect(`${r.planned}${r.done}${r.measured}${r.improved}`).not.toMatch(/<script|undefined/);
    }
  });

  it("gives every establishment its inspecteur référent, and prepares the audits: visits and plans", async () => {
    const ds = app.dataSource;
    const today = systemClock.today();
    const referents: {
      user_id: string | null;
      full_name: string | null;
      role: string | null;
      profile: string | null;
    }[] = await ds.query(
      `SELECT r.user_id, r.full_name, u.role, u.auditor_profile AS profile
           FROM establishment e JOIN referent_inspector r ON r.establishment_id = e.id
           LEFT JOIN app_user u ON u.id = r.user_id`,
    );
    expect(referents).toHaveLength(SEED_ESTABLISHMENTS.length);
    // An inspector's account for some, a name only for the others.
    const withAccount = referents.filter((r) => r.user_id !== null);
    expect(withAccount.length).toBeGreaterThan(0);
    for (const r of withAccount) expect([r.role, r.profile]).toEqual(["AUDITOR", "INSPECTOR"]);
    expect(referents.filter((r) => r.user_id === null && r.full_name).length).toBeGreaterThan(0);

    const visits: {
      state: CandidatureState;
      audit_date: string;
      planned_on: string;
      held_on: string | null;
      plan_version: number | null;
      plan_sent: boolean;
      attendees: string[];
    }[] = await ds.query(
      `SELECT c.state, c.audit_date::text AS audit_date, v.planned_on::text AS planned_on,
              v.held_on::text AS held_on, p.version AS plan_version,
              p.submitted_at IS NOT NULL AS plan_sent,
              array(SELECT a.kind FROM preparatory_visit_attendee a WHERE a.visit_id = v.id
                     ORDER BY a.position) AS attendees
         FROM candidature c JOIN preparatory_visit v ON v.candidature_id = c.id
         LEFT JOIN audit_plan p ON p.candidature_id = c.id`,
    );
    // Every dossier submitted through the services: DRAFPIC and the référents.
    expect(visits).toHaveLength(10);
    for (const v of visits) {
      expect(v.attendees).toEqual(expect.arrayContaining(["DRAFPIC", "REFERENT_INSPECTOR"]));
    }
    // Submitted: the visit is planned, nothing more.
    const planned = visits.filter((v) => v.state === "SUBMITTED");
    expect(planned).toHaveLength(1);
    expect(planned[0]).toEqual(expect.objectContaining({ held_on: null, plan_version: null }));
    expect((planned[0]?.planned_on ?? "") > today).toBe(true);
    // Visited: a draft plan, that can still be sent (the audit more than two weeks away).
    const visited = visits.filter((v) => v.state === "PREPARATORY_VISIT_DONE");
    expect(visited).toHaveLength(1);
    expect((visited[0]?.held_on ?? today) < today).toBe(true);
    expect(visited[0]).toEqual(expect.objectContaining({ plan_sent: false }));
    expect(daysBetween(today, visited[0]?.audit_date ?? today)).toBeGreaterThanOrEqual(15);
    // Further on: the visit held, the plan sent.
    for (const v of visits.filter(
      (x) => !["SUBMITTED", "PREPARATORY_VISIT_DONE"].includes(x.state),
    )) {
      expect(v.held_on).not.toBeNull();
      expect(v.plan_sent).toBe(true);
    }
  });

  it("prepares the audit-day demo: an audit in a few days, a signed team, two drafts that differ on a few lines", async () => {
    const today = systemClock.today();
    const [calanques] = (await app.dataSource.query(
      "SELECT id, audit_date::text AS audit_date FROM candidature WHERE state = 'AUDIT_PLAN_RECEIVED'",
    )) as { id: string; audit_date: string }[];
    expect(calanques).toBeDefined();
    const auditDate = calanques?.audit_date ?? "";
    expect(isWorkingDay(auditDate)).toBe(true);
    expect(daysBetween(today, auditDate)).toBeGreaterThanOrEqual(1);
    expect(daysBetween(today, auditDate)).toBeLessThanOrEqual(7);
    const team = (await app.dataSource.query(
      `SELECT u.email, a.team_role, a.declaration_signed_at IS NOT NULL AS signed
         FROM candidature_auditor a JOIN app_user u ON u.id = a.user_id
        WHERE a.candidature_id = $1 ORDER BY a.team_role`,
      [calanques?.id],
    )) as unknown[];
    expect(team).toEqual([
      { email: "auditrice@demo.ldm.fr", team_role: "LEAD", signed: true },
      { email: "cee@demo.ldm.fr", team_role: "MEMBER", signed: true },
    ]);
    // The lead auditor sees both drafts side by side, and may consolidate.
    const auditrice = await demoUser(app, "auditrice@demo.ldm.fr");
    const data = ok(
      await app.execute<{
        auditGrid: {
          editable: boolean;
          consolidates: boolean;
          lines: {
            expectationId: string | null;
            myDraft: { level: string } | null;
            auditorDrafts: { level: string }[];
            levelsDiffer: boolean;
            team: { level: string } | null;
          }[];
        };
      }>(
        `query Grid($id: ID!) { auditGrid(candidatureId: $id) { editable consolidates
           lines { expectationId myDraft { level } auditorDrafts { level } levelsDiffer team { level } } } }`,
        { id: calanques?.id },
        viewerOf(auditrice),
      ),
    );
    const grid = data.auditGrid;
    expect(grid).toEqual(expect.objectContaining({ editable: true, consolidates: true }));
    const drafted = grid.lines.filter((l) => l.auditorDrafts.length === 2);
    // Every criterion of Les Calanques (1 to 8 and 9-a) and a few expectations.
    expect(drafted.filter((l) => l.expectationId === null)).toHaveLength(9);
    expect(drafted.filter((l) => l.expectationId !== null).length).toBeGreaterThan(0);
    const differing = drafted.filter((l) => l.levelsDiffer).length;
    expect(differing).toBeGreaterThanOrEqual(2);
    expect(differing).toBeLessThanOrEqual(5);
    expect(grid.lines.filter((l) => l.team !== null)).toEqual([]);
  });

  it("shows the audits' results: the team's levels, findings, commitments and reports", async () => {
    const ds = app.dataSource;
    const reports: {
      state: CandidatureState;
      status: string;
      recommendation: string | null;
      proposed_label_title: string | null;
      majors: number;
      minors: number;
      commitments: number;
      team_levels: number;
    }[] = await ds.query(
      `SELECT c.state, r.status, r.recommendation, r.proposed_label_title,
              (SELECT count(*)::int FROM improvement_area i WHERE i.candidature_id = c.id
                  AND i.severity = 'MAJOR' AND i.removed_at IS NULL) AS majors,
              (SELECT count(*)::int FROM improvement_area i WHERE i.candidature_id = c.id
                  AND i.severity = 'MINOR' AND i.removed_at IS NULL) AS minors,
              (SELECT count(*)::int FROM audit_commitment k WHERE k.candidature_id = c.id
                  AND k.removed_at IS NULL) AS commitments,
              (SELECT count(*)::int FROM assessment_entry e WHERE e.candidature_id = c.id
                  AND e.auditor_id IS NULL AND e.level IS NOT NULL) AS team_levels
         FROM candidature c JOIN audit_report r ON r.candidature_id = c.id`,
    );
    // Audited: the lead is consolidating and drafting the report.
    const audited = reports.filter((r) => r.state === "AUDITED");
    expect(audited).toHaveLength(1);
    expect(audited[0]).toEqual(expect.objectContaining({ status: "DRAFT" }));
    expect(audited[0]?.team_levels).toBeGreaterThan(0);
    // Further on: a final report.
    const final = reports.filter((r) => r.state !== "AUDITED");
    expect(final).toHaveLength(6);
    for (const r of final) expect(r.status).toBe("FINAL");
    // One awaits the GRALM with reservations: a major and a minor area, two commitments, a title.
    expect(final).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          state: "REPORT_SUBMITTED",
          recommendation: "FAVOURABLE_WITH_RESERVATIONS",
          majors: 1,
          minors: 1,
          commitments: 2,
          proposed_label_title: expect.stringMatching(/^Lycée des métiers /),
        }),
      ]),
    );
    // Each audit recorded on its day, by the lead auditor.
    const recorded: { effective_date: string; audit_date: string }[] = await ds.query(
      `SELECT t.effective_date::text AS effective_date, c.audit_date::text AS audit_date
         FROM candidature_transition t JOIN candidature c ON c.id = t.candidature_id
        WHERE t.transition = 'RECORD_AUDIT'
          AND EXISTS (SELECT 1 FROM audit_report r WHERE r.candidature_id = c.id)`,
    );
    expect(recorded).toHaveLength(7);
    for (const r of recorded) expect(r.effective_date).toBe(r.audit_date);
  });

  it("shows the decision chain: GRALM sessions, CAEN, each académie's rector, the BOEN and the public registry", async () => {
    const ds = app.dataSource;
    const today = systemClock.today();
    const items: { session_date: string; members: number; proposal: string | null }[] =
      await ds.query(
        `SELECT s.session_date::text AS session_date, jsonb_array_length(s.members) AS members,
                i.proposal
           FROM gralm_session s JOIN gralm_session_item i ON i.session_id = s.id
          ORDER BY s.session_date, i.position`,
      );
    for (const i of items) expect(i.members).toBeGreaterThan(0);
    expect(items.filter((i) => i.proposal === "POSTPONED")).toHaveLength(1);
    // The sessions held gave their proposals; the one to come has its agenda.
    const coming = items.filter((i) => i.session_date > today);
    expect(coming.length).toBeGreaterThan(0);
    for (const i of coming) expect(i.proposal).toBeNull();
    for (const i of items.filter((x) => x.session_date <= today)) expect(i.proposal).not.toBeNull();
    // A report awaits a place on an agenda.
    const awaiting = ok(
      await app.execute<{ candidaturesAwaitingGralm: { state: string }[] }>(
        "{ candidaturesAwaitingGralm { state } }",
      ),
    );
    expect(awaiting.candidaturesAwaitingGralm).toEqual([{ state: "REPORT_SUBMITTED" }]);

    // The CAEN consulted on a network over both académies: one rector has decided.
    const split: { academies: number; decided: number }[] = await ds.query(
      `SELECT (SELECT count(DISTINCT e.academie_code)::int FROM co_applicant m
                 JOIN establishment e ON e.id = m.establishment_id WHERE m.candidature_id = c.id) AS academies,
              (SELECT count(DISTINCT d.academie_code)::int FROM rector_decision d
                WHERE d.candidature_id = c.id) AS decided
         FROM candidature c WHERE c.state = 'CAEN_CONSULTED'`,
    );
    expect(split).toEqual([{ academies: 2, decided: 1 }]);
    // Approved, awaiting the BOEN: no label yet.
    const approved: { labels: number }[] = await ds.query(
      `SELECT (SELECT count(*)::int FROM label l WHERE l.candidature_id = c.id) AS labels
         FROM candidature c WHERE c.state = 'RECTOR_APPROVED'`,
    );
    expect(approved).toEqual([{ labels: 0 }]);
    // Every label carries its BOEN reference.
    const labels: { boen_reference: string | null }[] = await ds.query(
      "SELECT boen_reference FROM label",
    );
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const l of labels) expect(l.boen_reference).toMatch(/^BO n° \d+ du \d/);
    // A network over both académies, labelled with a mixed outcome: only the approved is labelled.
    const mixed: { uai: string; outcome: string; labelled: boolean }[] = await ds.query(
      `SELECT e.uai, d.outcome, EXISTS (SELECT 1 FROM label l WHERE l.candidature_id = d.candidature_id
                AND l.establishment_id = d.establishment_id) AS labelled
         FROM rector_decision d JOIN establishment e ON e.id = d.establishment_id
         JOIN candidature c ON c.id = d.candidature_id WHERE c.state = 'LABELLED'`,
    );
    expect(new Set(mixed.map((m) => m.outcome))).toEqual(new Set(["APPROVED", "REFUSED"]));
    for (const m of mixed) expect(m.labelled).toBe(m.outcome === "APPROVED");
    // The public registry, without a session: the labelled establishments of both académies.
    const registry = ok(
      await app.execute<{ publicLabelRegistry: { uai: string; academieCode: string }[] }>(
        "{ publicLabelRegistry { uai academieCode title startDate endDate } }",
        {},
        null,
      ),
    );
    const uais = registry.publicLabelRegistry.map((r) => r.uai);
    for (const m of mixed) expect(uais.includes(m.uai)).toBe(m.outcome === "APPROVED");
    expect(new Set(registry.publicLabelRegistry.map((r) => r.academieCode))).toEqual(
      new Set(["AIX_MARSEILLE", "NICE"]),
    );
    // The label followed up half-way: its mid-term follow-up recorded by DRAFPIC with the référent.
    const followedUp: { state: string; attendees: string[] }[] = await ds.query(
      `SELECT c.state, array(SELECT a.kind FROM mid_term_review_attendee a WHERE a.review_id = r.id
                              ORDER BY a.position) AS attendees
         FROM mid_term_review r JOIN candidature c ON c.id = r.candidature_id`,
    );
    expect(followedUp).toEqual([
      { state: "MID_TERM_REVIEWED", attendees: ["DRAFPIC", "REFERENT_INSPECTOR"] },
    ]);
  });

  it("tells the steps in the platform only, and leaves reminders for the first scan", async () => {
    const ds = app.dataSource;
    const told: { email: string; n: number }[] = await ds.query(
      `SELECT u.email, count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id
        GROUP BY u.email`,
    );
    for (const email of [
      "drafpic@demo.ldm.fr",
      "auditrice@demo.ldm.fr",
      "cheffe@demo.ldm.fr",
      "referent@demo.ldm.fr",
    ]) {
      expect([email, (told.find((t) => t.email === email)?.n ?? 0) > 0]).toEqual([email, true]);
    }
    expect(await ds.query("SELECT count(*)::int AS n FROM mail_delivery")).toEqual([{ n: 0 }]);
    // Deadlines 1 to 30 days ahead: the scan at start sends their reminders.
    const today = systemClock.today();
    const due = (await loadDeadlineContexts(ds.manager)).flatMap(({ facts }) =>
      dueReminders(facts, today),
    );
    expect(due.some((r) => r.daysLeft >= 1 && r.daysLeft <= 30)).toBe(true);
    expect(due.map((r) => r.deadline.kind)).toEqual(
      expect.arrayContaining(["AUDIT", "COMMITMENT_DUE"]),
    );
  });

  it("loads the demo data once when two seeds run concurrently", async () => {
    const other = await createTestApp();
    try {
      const results = await Promise.all([
        seedDemoData(other.dataSource, TEST_AUTH, storage),
        seedDemoData(other.dataSource, TEST_AUTH, storage),
      ]);
      expect([...results].sort()).toEqual([false, true]);
      const rows: { n: number }[] = await other.dataSource.query(
        "SELECT count(*)::int AS n FROM establishment",
      );
      expect(rows[0]?.n).toBe(SEED_ESTABLISHMENTS.length);
      const accounts: { n: number }[] = await other.dataSource.query(
        "SELECT count(*)::int AS n FROM app_user WHERE email = ANY($1)",
        [DEMO_EMAILS],
      );
      expect(accounts[0]?.n).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await other.close();
    }
  }, 60_000);
});
