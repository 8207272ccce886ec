/**
 * Idempotent loading of the demo data (fictitious, see `seed-data.ts`, `seed-procedure-data.ts`,
 * `demo-accounts.ts` and `demo-files.ts`).
 *
 * Accounts come first: the demo accounts (one per role, sharing `DEMO_PASSWORD`, hashed once), then,
 * once DRAFPIC has created the establishments, the head and steering team of every establishment
 * that takes part in a candidature (no password: DRAFPIC opens their access).
 *
 * Establishments and candidatures go through the services with the viewer that would do each step
 * (DRAFPIC, the lead's head, each establishment's head, the auditors), so the domain guards and the
 * authorization rules apply exactly as for a user: self-evaluations, pilots, indicators and their
 * values, common strategies, approvals of the co-applicants, submission (which freezes the dossier),
 * and from there every step of the procedure (`seed-procedure.ts`). A step of the past is given to its
 * use case as a request on that day (a clock stopped that day); the dossier's rows, written today, are
 * then dated before the submission. Evidence and engagement documents are uploaded over HTTP only:
 * their files are put into the given storage and their rows written with the repositories, with the
 * same audit trail as a service.
 *
 * Events go through the application's bus as a request's do: in-transaction handlers at once, the
 * after-commit ones (in-app notifications; no e-mail unless the caller's bus sends them) once the seed
 * has committed, each with its author as the viewer.
 *
 * The historical candidatures (labelled, mid-term reviewed, refused, years ago) are written with the
 * repositories, then their readiness is computed from the stored rows and each of their steps replayed
 * through the domain's lifecycle at the step's own date (an audit only with a team holding an
 * inspector); their submitted dossier is frozen like any other. They come first: the renewal in
 * progress is checked against, and linked to, the label it renews. Every date the seed chooses falls
 * on a working day (French public holidays included).
 */
import { Readable } from "node:stream";
import type { DataSource, EntityManager } from "typeorm";
import {
  academieOfDepartement,
  accountShapeProblems,
  addDays,
  addMonths,
  applyTransition,
  CANDIDATURE_STATES,
  assertAuditTeam,
  compareIsoDates,
  criteriaForCandidature,
  criteriaForMemberVariants,
  CURRENT_REFERENTIAL_VERSION,
  expectationsFor,
  formatFrenchDate,
  getCriterion,
  INDEPENDENCE_DECLARATION_VERSION,
  isEngagementComplete,
  isWorkingDay,
  labelTerms,
  nextWorkingDay,
  isSchoolRole,
  qualeducFichesForCriterion,
  schoolYearOf,
  type AuditorProfile,
  type CandidatureKind,
  type CandidatureState,
  type CriterionCode,
  type EngagementDocumentKind,
  type EvidenceKind,
  type IsoDate,
  type OptionalCriterionVariant,
  type ReadinessMember,
  type Role,
  type TransitionName,
  type Viewer,
} from "@ldm/domain";
import {
  createContext,
  type AppEventBus,
  type RequestContext,
  type TransactionContext,
} from "../context";
import { createAppEventBus } from "../app-events";
import { fixedClock, systemClock, type Clock } from "../kernel/clock";
import type { DomainEvent } from "../kernel/events";
import { createLoaders } from "../loaders";
import { cleanRichText } from "../common/rich-text";
import { recordChange } from "../modules/audit-trail/audit-trail";
import type { AuthConfig } from "../modules/identity/auth.config";
import { assertPasswordPolicy, hashPassword } from "../modules/identity/password";
import { AppUser } from "../modules/identity/user.entity";
import { createEstablishment } from "../modules/establishment/establishment.service";
import { Establishment } from "../modules/establishment/establishment.entity";
import {
  createIndividualCandidature,
  createNetworkCandidature,
  setOptionalCriterion,
} from "../modules/candidature/candidature.service";
import {
  assignCriterionPilot,
  updateCommonStrategy,
  updateCriterionResponse,
} from "../modules/dossier/criterion-response.service";
import {
  approveSubmission,
  assignAuditor,
  readinessOf,
  recordEngagement,
  scheduleAudit,
  transitionCandidature,
} from "../modules/procedure/procedure.service";
import { freezeDossier } from "../modules/dossier/dossier-snapshot";
import { Label } from "../modules/label/label.entity";
import type { UpdateCriterionResponseInput } from "../modules/candidature/candidature.input";
import {
  Candidature,
  CandidatureAuditor,
  CandidatureTransitionRecord,
  CoApplicant,
  CriterionPilot,
  CriterionResponse,
} from "../modules/candidature/candidature.entity";
import { createIndicator, setIndicatorValue } from "../modules/dossier/dossier.service";
import { Indicator, IndicatorValue } from "../modules/dossier/indicator.entity";
import {
  EngagementDocument,
  Evidence,
  EvidenceRevision,
} from "../modules/evidence/evidence.entity";
import type { FileStorage, StoredFile } from "../storage/file-storage";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccount, type DemoAccount } from "./demo-accounts";
import { demoPdf, demoPng, PDF_MEDIA_TYPE, PNG_MEDIA_TYPE } from "./demo-files";
import { boenReference, ProcedureSeeder, type DossierPlan, type SeedWorld } from "./seed-procedure";
import {
  ACTIVE_CANDIDATURES,
  DEMO_FILE_FOOTER,
  DEMO_MARKER_UAI,
  DOSSIER_PROFILES,
  HISTORICAL_CANDIDATURES,
  INDICATOR_DEFINITIONS,
  NARRATIVE_PROFILES,
  SCHOOL_TEAMS,
  SEED_ESTABLISHMENTS,
  climateAppreciation,
  criterionNarrative,
  engagementDocumentBody,
  evidenceLibrary,
  improvementSteps,
  measuredStep,
  schoolEmail,
  type ActiveCandidatureSeed,
  type CriterionSelection,
  type DossierProfile,
  type EstablishmentKey,
  type HistoricalCandidatureSeed,
  type IndicatorDefinition,
  type IndicatorKey,
  type NarrativeProfile,
  type NetworkEvidenceSeed,
  type SeedTeamMember,
} from "./seed-data";

/** Serialises concurrent seeds: the second one waits, then finds the data and does nothing. */
const SEED_LOCK_KEY = 7_412_305_001;

/** Name of the operation in the audit trail of the rows written by the seed. */
const SEED_OPERATION = "seedDemoData";

/** The demo files are a few kilobytes; anything larger would be a bug of `demo-files.ts`. */
const DEMO_FILE_MAX_BYTES = 256 * 1024;

/**
 * Loads the demo data in one transaction. Returns false, without writing anything, when it is
 * already there (the first seed establishment's UAI exists); true once it has been written.
 *
 * The evidence files are put into `storage` during the transaction. Should the transaction roll
 * back, the files already put stay in the storage, unreferenced: that is accepted for the demo data
 * (the storage is content-addressed, so the next run finds and reuses the very same files).
 */
export async function seedDemoData(
  dataSource: DataSource,
  auth: AuthConfig,
  storage: FileStorage,
  options: { clock?: Clock; events?: AppEventBus } = {},
): Promise<boolean> {
  const clock = options.clock ?? systemClock;
  // One date for the whole seed, even if it runs across midnight.
  const today = clock.today();
  // The steps are told in the platform only: no e-mail for the demo data's history.
  const events = options.events ?? createAppEventBus({ emails: false });
  const root = createContext(dataSource, auth, { clock, storage, events });
  root.operation = SEED_OPERATION;
  const published: PublishedEvent[] = [];
  const seeded = await root.transaction(async (tx) => {
    const manager = tx.manager;
    await manager.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    if (await manager.getRepository(Establishment).exists({ where: { uai: DEMO_MARKER_UAI } })) {
      return false;
    }
    for (const account of DEMO_ACCOUNTS) assertPasswordPolicy(DEMO_PASSWORD, account.email);
    // One hash for every demo account (argon2id costs ~50 ms per hash).
    const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
    const seeder = new Seeder(tx, storage, today, demoPasswordHash, published);
    await seeder.regionalAccounts();
    await seeder.establishments();
    await seeder.schoolAccounts();
    const procedure = new ProcedureSeeder(seeder);
    await procedure.referentInspectors();
    // The past ones first: a renewal is checked against (and linked to) the label it renews.
    for (const spec of HISTORICAL_CANDIDATURES) {
      const { candidatureId, midTermReview } = await seeder.historicalCandidature(spec);
      // Its mid-term follow-up, through the follow-up's use case.
      if (midTermReview) {
        await procedure.midTermReview(
          candidatureId,
          spec.members.map((m) => m.establishment),
          midTermReview.date,
          midTermReview.comment ?? "Suivi intermédiaire effectué.",
        );
      }
    }
    for (const spec of ACTIVE_CANDIDATURES) await seeder.activeCandidature(spec);
    // From the submission to the BOEN, each step on its day (`seed-procedure.ts`).
    await procedure.candidatures();
    return true;
  });
  // As after a request: the after-commit handlers (in-app notifications…) of each event, in the
  // order published, with its author as the viewer (who is not told of their own step).
  for (const { viewer, event } of published) {
    const ctx = Object.create(root) as RequestContext;
    ctx.viewer = viewer;
    await events.dispatchAfterCommit(ctx, [event]);
  }
  return seeded;
}

/** An event published while seeding, and the viewer of the context that published it. */
interface PublishedEvent {
  viewer: Viewer | null;
  event: DomainEvent;
}

// ---------------------------------------------------------------------------------------------

interface HistoryStep {
  transition: TransitionName;
  date: IsoDate;
  comment: string | null;
}

interface SeededEstablishment {
  key: EstablishmentKey;
  id: string;
  uai: string;
  name: string;
  city: string;
  departementCode: string;
  academie: ReturnType<typeof academieOfDepartement>;
}

interface AccountSpec {
  email: string;
  fullName: string;
  jobTitle: string;
  role: Role;
  auditorProfile: AuditorProfile | null;
  establishmentId: string | null;
  passwordHash: string | null;
}

/** An indicator of an establishment, with its values on the school years before the dossier. */
interface PlannedIndicator {
  key: IndicatorKey;
  definition: IndicatorDefinition;
  criteria: CriterionCode[];
  target: string | null;
  values: { schoolYear: string; value: number }[];
}

/** The self-evaluation fields of one response, as `updateCriterionResponse` takes them. */
type ResponseContent = Omit<
  UpdateCriterionResponseInput,
  "candidatureId" | "establishmentId" | "criterionCode" | "expectedVersion"
>;

/** Where the dossier of one member is written: its candidature, its dates and its criteria. */
interface DossierScope {
  candidatureId: string;
  labelTitle: string;
  codes: readonly CriterionCode[];
  /** The candidature was opened on the platform that day. */
  createdOn: IsoDate;
  /** Nothing is dated after that day (today, or the submission of a historical dossier). */
  until: IsoDate;
  /** Criteria no piece supports yet (left for the demo user, see `ActiveMemberSeed.byHand`). */
  withoutEvidence: readonly CriterionCode[];
}

/**
 * How far a member's answer on one criterion goes: complete; a draft (« ce qui est prévu » and
 * « ce qui est fait », half the expectations); an outline left for the demo user (« ce qui est
 * prévu » alone, half the expectations).
 */
type ResponseStage = "COMPLETE" | "DRAFT" | "OUTLINE";

/** Steps of the procedure the school performs (the lead's head); DRAFPIC performs the others. */
const SCHOOL_TRANSITIONS: ReadonlySet<TransitionName> = new Set(["SUBMIT_DOSSIER"]);

/**
 * A weekend or a public holiday moves to the next working day: audits, visits and decisions happen on
 * working days (the domain's French calendar).
 */
function onWorkingDay(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

/** A past instant on that date (mid-morning in Paris), plus `ms` to keep rows in order. */
function instantOn(date: IsoDate, ms = 0): Date {
  return new Date(new Date(`${date}T08:30:00.000Z`).getTime() + ms);
}

function earliest(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

function latest(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

/**
 * The `count` school years whose results are known on `date`, oldest first: a school year counts
 * from July on, once its exams are over (2026-06-05 → …, 2024-2025; 2026-07-01 → …, 2025-2026).
 */
function completedSchoolYears(date: IsoDate, count: number): string[] {
  // Two months later, July has become September: schoolYearOf then names the year after.
  const next = Number(schoolYearOf(addMonths(date, 2)).slice(0, 4));
  return Array.from({ length: count }, (_, i) => {
    const first = next - count + i;
    return `${first}-${first + 1}`;
  });
}

function criterionCodes(variant: OptionalCriterionVariant | null): CriterionCode[] {
  return criteriaForCandidature(CURRENT_REFERENTIAL_VERSION, variant).map((c) => c.code);
}

/** The criteria of a dossier whose members chose their own criterion 9. */
function dossierCodes(
  members: readonly { optionalVariant: OptionalCriterionVariant | null }[],
): CriterionCode[] {
  return criteriaForMemberVariants(
    CURRENT_REFERENTIAL_VERSION,
    members.map((m) => m.optionalVariant),
  ).map((c) => c.code);
}

function selected(selection: CriterionSelection, all: CriterionCode[]): readonly CriterionCode[] {
  return selection === "ALL" ? all : selection;
}

function viewerOf(user: AppUser): Viewer {
  return {
    userId: user.id,
    role: user.role,
    establishmentId: user.establishmentId,
    readOnly: false,
  };
}

/** « Convention de partenariat avec … » → « convention-de-partenariat-avec-….pdf ». */
function fileNameOf(title: string, extension: "pdf" | "png"): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 80)
    .replace(/^-+|-+$/g, "");
  return `${slug}.${extension}`;
}

function fail(message: string): never {
  throw new Error(`Données de démonstration : ${message}`);
}

class Seeder implements SeedWorld {
  private readonly byKey = new Map<EstablishmentKey, SeededEstablishment>();
  /** Accounts written by the seed, by e-mail. */
  private readonly users = new Map<string, AppUser>();
  /** The SCHOOL_HEAD account of each establishment taking part in a candidature. */
  private readonly heads = new Map<EstablishmentKey, AppUser>();
  /** One request context per viewer (null: the administration, which creates the accounts). */
  private readonly contexts = new Map<string | null, TransactionContext>();
  /** Strictly increasing creation instants for today's history rows written in this transaction. */
  private nextInstant = Date.now();
  /** Milliseconds added to the instants of past days, so that they stay in the steps' order. */
  private pastInstants = 0;
  /** History rows whose creation instant the seed has set (`stampSteps`). */
  private readonly stamped = new Set<string>();
  private readonly manager: EntityManager;

  constructor(
    /** The seed's transaction (its viewer: the administration). */
    private readonly tx: TransactionContext,
    private readonly storage: FileStorage,
    readonly today: IsoDate,
    private readonly demoPasswordHash: string,
    /** The events published in the transaction, with their author (told after the commit). */
    private readonly published: PublishedEvent[],
  ) {
    this.manager = tx.manager;
  }

  // --- request contexts ----------------------------------------------------------------------

  /**
   * The seed's transaction as a request by `user` sees it, with `clock`. Its events go through the
   * application's bus as a request's do: the in-transaction handlers run at once with this context
   * (its viewer, its clock); the after-commit ones once the seed has committed (`seedDemoData`).
   */
  private context(user: AppUser | null, clock: Clock): TransactionContext {
    const ctx = Object.create(this.tx) as TransactionContext;
    ctx.viewer = user ? viewerOf(user) : null;
    ctx.operation = SEED_OPERATION;
    ctx.clock = clock;
    ctx.publish = async (event) => {
      this.published.push({ viewer: ctx.viewer, event });
      await this.tx.events.dispatchInTransaction(ctx, event);
    };
    ctx.transaction = (fn) => fn(ctx);
    return ctx;
  }

  /** The context of a request by `user` today (null: the administration command). */
  private as(user: AppUser | null): TransactionContext {
    const key = user?.id ?? null;
    const existing = this.contexts.get(key);
    if (existing) return existing;
    const ctx = this.context(user, this.tx.clock);
    this.contexts.set(key, ctx);
    return ctx;
  }

  /**
   * The context of a request by `user` on `on`: today, the seed's clock; a past day, a clock stopped
   * that day (at an instant after every one given before). Its DataLoaders read through the seed's
   * transaction (a request's read what is committed; the seed's rows are not, yet).
   */
  at(user: AppUser, on: IsoDate): TransactionContext {
    const order = compareIsoDates(on, this.today);
    if (order > 0) fail(`étape datée du ${on}, après aujourd'hui.`);
    const ctx = this.context(user, order === 0 ? this.tx.clock : fixedClock(this.instant(on)));
    ctx.loaders = createLoaders(this.manager as unknown as DataSource);
    return ctx;
  }

  /** A creation instant on `on`, after every one given before on that day. */
  private instant(on: IsoDate): Date {
    if (compareIsoDates(on, this.today) >= 0) return new Date((this.nextInstant += 1));
    return instantOn(on, (this.pastInstants += 1));
  }

  user(email: string): AppUser {
    return this.users.get(email) ?? fail(`compte ${email} inconnu.`);
  }

  drafpicUser(): AppUser {
    const account = (DEMO_ACCOUNTS as readonly DemoAccount[]).find((a) => a.role === "DRAFPIC");
    return this.user(account?.email ?? fail("aucun compte DRAFPIC."));
  }

  private drafpic(): TransactionContext {
    return this.as(this.drafpicUser());
  }

  headUser(key: EstablishmentKey): AppUser {
    return this.heads.get(key) ?? fail(`aucun chef d'établissement pour « ${key} ».`);
  }

  private head(key: EstablishmentKey): TransactionContext {
    return this.as(this.headUser(key));
  }

  // --- accounts ------------------------------------------------------------------------------

  private async createAccount(spec: AccountSpec): Promise<AppUser> {
    const problems = accountShapeProblems(spec);
    if (problems.length > 0) fail(`compte ${spec.email} : ${problems.join(" ")}`);
    if (this.users.has(spec.email)) fail(`compte ${spec.email} en double.`);
    const repo = this.manager.getRepository(AppUser);
    const user = await repo.save(
      repo.create({ ...spec, phone: null, active: true, lastLoginAt: null }),
    );
    await recordChange(this.as(null), "User", user.id, null, user);
    this.users.set(user.email, user);
    return user;
  }

  private demoAccountSpec(account: DemoAccount, establishmentId: string | null): AccountSpec {
    return {
      email: account.email,
      fullName: account.fullName,
      jobTitle: account.jobTitle,
      role: account.role,
      auditorProfile: account.auditorProfile,
      establishmentId,
      passwordHash: this.demoPasswordHash,
    };
  }

  /** The demo accounts outside establishments: DRAFPIC, analyst, auditors. */
  async regionalAccounts(): Promise<void> {
    for (const account of DEMO_ACCOUNTS as readonly DemoAccount[]) {
      if (account.establishment === null)
        await this.createAccount(this.demoAccountSpec(account, null));
    }
  }

  /** The head and the steering team of every establishment taking part in a candidature. */
  async schoolAccounts(): Promise<void> {
    for (const { key } of SEED_ESTABLISHMENTS) {
      const team = SCHOOL_TEAMS[key];
      if (!team) continue;
      this.heads.set(key, await this.teamAccount(key, team.head, "SCHOOL_HEAD"));
      for (const member of team.staff) await this.teamAccount(key, member, "SCHOOL_STAFF");
    }
    for (const account of DEMO_ACCOUNTS) {
      if (!this.users.has(account.email)) fail(`le compte ${account.email} n'a pas été créé.`);
    }
  }

  private teamAccount(
    key: EstablishmentKey,
    member: SeedTeamMember,
    role: "SCHOOL_HEAD" | "SCHOOL_STAFF",
  ): Promise<AppUser> {
    const establishment = this.establishment(key);
    if ("demoAccount" in member) {
      const account = demoAccount(member.demoAccount);
      if (account.role !== role || account.establishment !== key) {
        fail(`le compte ${account.email} n'est pas un compte ${role} de « ${key} ».`);
      }
      return this.createAccount(this.demoAccountSpec(account, establishment.id));
    }
    return this.createAccount({
      email: schoolEmail(member.fullName, establishment.academie.code),
      fullName: member.fullName,
      jobTitle: member.jobTitle,
      role,
      auditorProfile: null,
      establishmentId: establishment.id,
      passwordHash: null,
    });
  }

  /** The account that pilots `code` in the establishment's steering team. */
  private pilot(key: EstablishmentKey, code: CriterionCode): AppUser {
    const team = SCHOOL_TEAMS[key];
    const member = [team?.head, ...(team?.staff ?? [])].find((m) => m?.criteria.includes(code));
    if (!member) fail(`aucun pilote du critère ${code} pour « ${key} ».`);
    const user = this.user(
      "demoAccount" in member
        ? member.demoAccount
        : schoolEmail(member.fullName, this.establishment(key).academie.code),
    );
    if (!isSchoolRole(user.role) || user.establishmentId !== this.establishment(key).id) {
      fail(`le pilote ${user.email} n'appartient pas à « ${key} ».`);
    }
    return user;
  }

  // --- establishments ------------------------------------------------------------------------

  async establishments(): Promise<void> {
    const ctx = this.drafpic();
    for (const e of SEED_ESTABLISHMENTS) {
      const created = await createEstablishment(ctx, {
        uai: e.uai,
        name: e.name,
        kind: e.kind,
        sector: e.sector,
        city: e.city,
        departementCode: e.departementCode,
      });
      this.byKey.set(e.key, {
        key: e.key,
        id: created.id,
        uai: created.uai,
        name: created.name,
        city: e.city,
        departementCode: e.departementCode,
        academie: academieOfDepartement(e.departementCode),
      });
    }
  }

  private establishment(key: EstablishmentKey): SeededEstablishment {
    return this.byKey.get(key) ?? fail(`établissement « ${key} » inconnu.`);
  }

  establishmentOf(key: EstablishmentKey): SeededEstablishment {
    return this.establishment(key);
  }

  private narrativeProfile(key: EstablishmentKey): NarrativeProfile {
    return NARRATIVE_PROFILES[key] ?? fail(`aucun récit pour « ${key} ».`);
  }

  private dossierProfile(key: EstablishmentKey): DossierProfile {
    return DOSSIER_PROFILES[key] ?? fail(`aucun profil de dossier pour « ${key} ».`);
  }

  // --- files ---------------------------------------------------------------------------------

  /**
   * Puts a demo file into the storage. This happens inside the seed's transaction: if it rolls back,
   * the file stays in the storage without any row pointing to it, which is acceptable for the demo
   * data (content-addressed: the next run gets the same SHA-256 and reuses the file).
   */
  private storeFile(content: Buffer): Promise<StoredFile> {
    return this.storage.put(Readable.from(content), { maxBytes: DEMO_FILE_MAX_BYTES });
  }

  private pdf(title: string, heading: string, date: IsoDate, body: readonly string[]): Buffer {
    return demoPdf({
      title,
      subtitle: [heading, `Date du document : ${formatFrenchDate(date)}`],
      paragraphs: body,
      footer: DEMO_FILE_FOOTER,
    });
  }

  /** Engagement letter and board minutes of a member, filed by its head on their own dates. */
  private async engagementDocuments(
    candidatureId: string,
    key: EstablishmentKey,
    labelTitle: string,
    dates: { engagementLetterOn: IsoDate; boardMinutesOn: IsoDate },
  ): Promise<void> {
    const establishment = this.establishment(key);
    const head = this.headUser(key);
    const documents: { kind: EngagementDocumentKind; title: string; date: IsoDate }[] = [
      {
        kind: "BOARD_MINUTES",
        title: "Procès-verbal du conseil d'administration",
        date: dates.boardMinutesOn,
      },
      { kind: "ENGAGEMENT_LETTER", title: "Lettre d'engagement", date: dates.engagementLetterOn },
    ];
    const repo = this.manager.getRepository(EngagementDocument);
    for (const doc of documents) {
      const body = engagementDocumentBody(
        doc.kind,
        establishment.name,
        labelTitle,
        formatFrenchDate(doc.date),
      );
      const file = await this.storeFile(
        this.pdf(doc.title, `${establishment.name} — ${establishment.city}`, doc.date, body),
      );
      const row = await repo.save(
        repo.create({
          candidatureId,
          establishmentId: establishment.id,
          kind: doc.kind,
          sha256: file.sha256,
          fileName: fileNameOf(`${doc.title} ${establishment.uai}`, "pdf"),
          mediaType: PDF_MEDIA_TYPE,
          sizeBytes: file.sizeBytes,
          uploadedBy: head.id,
          createdAt: instantOn(doc.date),
          updatedAt: instantOn(doc.date),
        }),
      );
      await recordChange(this.as(head), "EngagementDocument", row.id, null, row);
    }
  }

  /** Inserts an evidence and its revisions (one file each, oldest first) uploaded by `uploader`. */
  private async insertEvidence(
    candidatureId: string,
    uploader: AppUser,
    piece: {
      establishmentId: string | null;
      title: string;
      kind: EvidenceKind;
      criteria: readonly string[];
      effectiveDate: IsoDate;
    },
    revisions: readonly { content: Buffer; format: "PDF" | "PNG"; uploadedOn: IsoDate }[],
  ): Promise<Evidence> {
    const first = revisions[0] ?? fail(`pièce « ${piece.title} » sans fichier.`);
    const last = revisions[revisions.length - 1] ?? first;
    const ctx = this.as(uploader);
    const repo = this.manager.getRepository(Evidence);
    const evidence = await repo.save(
      repo.create({
        candidatureId,
        establishmentId: piece.establishmentId,
        title: piece.title,
        kind: piece.kind,
        effectiveDate: piece.effectiveDate,
        criterionCodes: [...piece.criteria],
        currentRevision: revisions.length,
        createdAt: instantOn(first.uploadedOn),
        updatedAt: instantOn(last.uploadedOn),
      }),
    );
    await recordChange(ctx, "Evidence", evidence.id, null, evidence);
    const revisionRepo = this.manager.getRepository(EvidenceRevision);
    for (const [index, revision] of revisions.entries()) {
      const file = await this.storeFile(revision.content);
      const pdf = revision.format === "PDF";
      const row = await revisionRepo.save(
        revisionRepo.create({
          evidenceId: evidence.id,
          revision: index + 1,
          sha256: file.sha256,
          fileName: fileNameOf(piece.title, pdf ? "pdf" : "png"),
          mediaType: pdf ? PDF_MEDIA_TYPE : PNG_MEDIA_TYPE,
          sizeBytes: file.sizeBytes,
          uploadedBy: uploader.id,
          createdAt: instantOn(revision.uploadedOn, index),
          updatedAt: instantOn(revision.uploadedOn, index),
        }),
      );
      await recordChange(ctx, "EvidenceRevision", row.id, null, row);
    }
    return evidence;
  }

  /** The evidence library of one member, uploaded by its head (see `DossierProfile.evidence`). */
  private async evidenceOf(key: EstablishmentKey, scope: DossierScope): Promise<Evidence[]> {
    const profile = this.dossierProfile(key);
    const establishment = this.establishment(key);
    const [lastSchoolYear = ""] = completedSchoolYears(scope.createdOn, 1);
    const kept = evidenceLibrary(this.narrativeProfile(key), profile, lastSchoolYear)
      .filter((e) => profile.evidence === "ALL" || profile.evidence.includes(e.key))
      .filter((e) => e.key !== "euroscol" || profile.euroscol)
      .map((e) => ({ ...e, criteria: this.supported(e.criteria, scope) }))
      .filter((e) => e.criteria.length > 0);
    const library: Evidence[] = [];
    for (const [index, e] of kept.entries()) {
      const effectiveDate = earliest(addDays(scope.createdOn, e.daysFromCreation), scope.until);
      // Uploaded once the candidature exists, a few days apart, never after `until`.
      const uploadedOn = earliest(
        latest(effectiveDate, addDays(scope.createdOn, 2 + index)),
        scope.until,
      );
      const heading = `${establishment.name} — ${establishment.city}`;
      const content = (provisional: boolean): Buffer =>
        e.format === "PNG"
          ? demoPng(profile.posterColour)
          : this.pdf(
              provisional ? `${e.title} (version provisoire)` : e.title,
              heading,
              effectiveDate,
              provisional
                ? ["Version provisoire : valeurs en cours de consolidation.", ...e.body]
                : e.body,
            );
      const revisions =
        e.revisions === 2
          ? [
              {
                content: content(true),
                format: e.format,
                uploadedOn: latest(scope.createdOn, addDays(uploadedOn, -30)),
              },
              { content: content(false), format: e.format, uploadedOn },
            ]
          : [{ content: content(false), format: e.format, uploadedOn }];
      library.push(
        await this.insertEvidence(
          scope.candidatureId,
          this.headUser(key),
          {
            establishmentId: establishment.id,
            title: e.title,
            kind: e.kind,
            criteria: e.criteria,
            effectiveDate,
          },
          revisions,
        ),
      );
    }
    return library;
  }

  /** The criteria of a piece that it supports in this dossier. */
  private supported(criteria: readonly CriterionCode[], scope: DossierScope): CriterionCode[] {
    return criteria.filter((c) => scope.codes.includes(c) && !scope.withoutEvidence.includes(c));
  }

  /** The pieces common to a network, uploaded by the lead's head. */
  private async networkEvidence(
    lead: EstablishmentKey,
    pieces: readonly NetworkEvidenceSeed[],
    scope: DossierScope,
  ): Promise<Evidence[]> {
    const library: Evidence[] = [];
    for (const seed of pieces) {
      const piece = { ...seed, criteria: this.supported(seed.criteria, scope) };
      if (piece.criteria.length === 0) continue;
      const effectiveDate = earliest(addDays(scope.createdOn, piece.daysFromCreation), scope.until);
      const uploadedOn = earliest(latest(effectiveDate, addDays(scope.createdOn, 1)), scope.until);
      const content = this.pdf(
        piece.title,
        `Réseau « ${scope.labelTitle} »`,
        effectiveDate,
        piece.body,
      );
      library.push(
        await this.insertEvidence(
          scope.candidatureId,
          this.headUser(lead),
          {
            establishmentId: null,
            title: piece.title,
            kind: piece.kind,
            criteria: piece.criteria,
            effectiveDate,
          },
          [{ content, format: "PDF", uploadedOn }],
        ),
      );
    }
    return library;
  }

  // --- self-evaluation and indicators ----------------------------------------------------------

  /**
   * The member's indicators on the candidature's criteria, with their values before `createdOn`;
   * none that supports one of the `unfollowed` criteria (left for the demo user).
   */
  private plannedIndicators(
    key: EstablishmentKey,
    scope: DossierScope,
    unfollowed: readonly CriterionCode[] = [],
  ): PlannedIndicator[] {
    const profile = this.dossierProfile(key);
    return (Object.keys(INDICATOR_DEFINITIONS) as IndicatorKey[]).flatMap((indicatorKey) => {
      const series = profile.indicators[indicatorKey];
      const definition = INDICATOR_DEFINITIONS[indicatorKey];
      const criteria = definition.criteria.filter((c) => scope.codes.includes(c));
      if (!series || series.length === 0 || criteria.length === 0) return [];
      if (criteria.some((c) => unfollowed.includes(c))) return [];
      const years = completedSchoolYears(scope.createdOn, series.length);
      return [
        {
          key: indicatorKey,
          definition,
          criteria,
          target: profile.targets ? definition.target : null,
          values: series.map((value, i) => ({ schoolYear: years[i] ?? "", value })),
        },
      ];
    });
  }

  /** What a member writes on one criterion, as far as `stage` goes. */
  private responseContent(
    kind: CandidatureKind,
    key: EstablishmentKey,
    code: CriterionCode,
    stage: ResponseStage,
    indicators: readonly PlannedIndicator[],
    evidence: readonly Evidence[],
  ): ResponseContent {
    const narrative = this.narrativeProfile(key);
    const profile = this.dossierProfile(key);
    const steps = improvementSteps(narrative, profile, code);
    // The expectations of the candidature's kind: none of the network-only ones for an individual.
    const expectations = expectationsFor(getCriterion(CURRENT_REFERENTIAL_VERSION, code), kind).map(
      (e) => e.id,
    );
    const fiches = qualeducFichesForCriterion(CURRENT_REFERENTIAL_VERSION, code).map((f) => f.code);
    const half = expectations.slice(0, Math.ceil(expectations.length / 2));
    if (stage === "OUTLINE") return { planned: steps.planned, addressedExpectationIds: half };
    const establishmentId = this.establishment(key).id;
    const cited = evidence
      .filter((e) => e.criterionCodes.includes(code))
      .filter((e) => e.establishmentId === null || e.establishmentId === establishmentId)
      .map((e) => e.id);
    const action = profile.actions[code];
    const common: ResponseContent = {
      narrative: `<p>${criterionNarrative(narrative, code)}</p>`,
      planned: steps.planned,
      done: steps.done,
      citedEvidenceIds: cited,
      emblematicActionTitle: action?.title ?? null,
      emblematicActionDescription: action?.description ?? null,
    };
    if (stage === "DRAFT") {
      return {
        ...common,
        addressedExpectationIds: half,
        qualeducFicheCodes: fiches.slice(0, 1),
      };
    }
    return {
      ...common,
      measured: measuredStep(
        indicators
          .filter((i) => i.criteria.includes(code))
          .map((i) => ({ key: i.key, values: i.values })),
      ),
      improved: steps.improved,
      selfAssessedLevel: profile.levels[code] ?? "MET",
      addressedExpectationIds: expectations,
      qualeducFicheCodes: fiches.slice(0, 2),
      metByEuroscol: code === "6" && profile.euroscol,
    };
  }

  /** Creates the member's indicators and their yearly values through the services (its head). */
  private async createIndicators(
    key: EstablishmentKey,
    candidatureId: string,
    indicators: readonly PlannedIndicator[],
  ): Promise<void> {
    const head = this.head(key);
    for (const planned of indicators) {
      const { definition } = planned;
      const indicator = await createIndicator(head, {
        candidatureId,
        establishmentId: this.establishment(key).id,
        name: definition.name,
        kind: definition.kind,
        unit: definition.unit,
        direction: definition.direction,
        target: planned.target,
        source: definition.source,
        criterionCodes: planned.criteria,
      });
      for (const [index, v] of planned.values.entries()) {
        await setIndicatorValue(head, {
          indicatorId: indicator.id,
          schoolYear: v.schoolYear,
          ...(definition.kind === "QUALITATIVE"
            ? { numericValue: null, textValue: climateAppreciation(v.value, index) }
            : { numericValue: v.value, textValue: null }),
        });
      }
    }
  }

  // --- candidatures in progress, through the services ------------------------------------------

  /** A candidature before its submission: every step today, through the services. */
  async activeCandidature(spec: ActiveCandidatureSeed): Promise<void> {
    const { today } = this;
    const opening = spec.transitions.find((t) => t.transition === "OPEN_DOSSIER");
    await this.writeCandidature({
      ref: spec.ref,
      kind: spec.kind,
      awardType: spec.awardType,
      labelTitle: spec.labelTitle,
      members: spec.members.map((m) => ({
        ...m,
        engagement: m.engagement && {
          boardMinutesOn: addDays(today, -m.engagement.boardMinutesDaysAgo),
          engagementLetterOn: addDays(today, -m.engagement.letterDaysAgo),
        },
      })),
      commonStrategies: spec.commonStrategies,
      networkEvidence: spec.networkEvidence,
      createdOn: addDays(today, -spec.createdDaysAgo),
      engagedOn: today,
      audit:
        spec.auditInMonths === null
          ? null
          : { date: onWorkingDay(addMonths(today, spec.auditInMonths)), scheduledOn: today },
      opening: opening ? { on: today, comment: opening.comment } : null,
      writtenUntil: today,
      submission: null,
    });
  }

  /**
   * Creates a candidature (the lead's head), records its members' engagement and its audit date
   * (DRAFPIC), opens it, writes its dossier (each establishment's head: evidence, self-evaluation,
   * pilots, indicators; the lead's head: common strategies) and, when planned, has the co-applicants'
   * heads approve it and the lead's head submit it — each step on its day. The dossier's own rows are
   * written through the services today, then dated within [opening, `writtenUntil`].
   */
  async writeCandidature(plan: DossierPlan): Promise<string> {
    const lead = plan.members.find((m) => m.isLead) ?? fail(`« ${plan.ref} » sans porteur.`);
    const leadHead = this.headUser(lead.establishment);
    // The creator chooses the lead's criterion 9; each co-applicant's head chooses its own below.
    const common = {
      awardType: plan.awardType,
      labelTitle: plan.labelTitle,
      optionalCriterionVariant: lead.optionalVariant,
    };
    const creator = this.at(leadHead, plan.createdOn);
    const candidature =
      plan.kind === "INDIVIDUAL"
        ? await createIndividualCandidature(creator, {
            ...common,
            establishmentId: this.establishment(lead.establishment).id,
          })
        : await createNetworkCandidature(creator, {
            ...common,
            members: plan.members.map((m) => ({
              establishmentId: this.establishment(m.establishment).id,
              isLead: m.isLead,
            })),
          });
    const id = candidature.id;
    await this.backdate(
      id,
      plan.createdOn,
      plan.members.map((m) => this.establishment(m.establishment).id),
    );
    for (const m of plan.members.filter((member) => !member.isLead && member.optionalVariant)) {
      await setOptionalCriterion(this.at(this.headUser(m.establishment), plan.createdOn), {
        candidatureId: id,
        establishmentId: this.establishment(m.establishment).id,
        variant: m.optionalVariant,
      });
    }

    const drafpic = this.at(this.drafpicUser(), plan.engagedOn);
    for (const m of plan.members) {
      if (m.engagement) {
        await recordEngagement(drafpic, {
          candidatureId: id,
          establishmentId: this.establishment(m.establishment).id,
          ...m.engagement,
        });
        await this.engagementDocuments(id, m.establishment, plan.labelTitle, m.engagement);
      }
    }
    if (plan.audit) {
      await scheduleAudit(this.at(this.drafpicUser(), plan.audit.scheduledOn), {
        candidatureId: id,
        auditDate: plan.audit.date,
      });
    }
    if (plan.opening) {
      await this.transition(
        lead.establishment,
        id,
        "OPEN_DOSSIER",
        plan.opening.comment,
        plan.opening.on,
      );
    }

    const scope: DossierScope = {
      candidatureId: id,
      labelTitle: plan.labelTitle,
      codes: dossierCodes(plan.members),
      createdOn: plan.createdOn,
      until: plan.writtenUntil,
      withoutEvidence: [...new Set(plan.members.flatMap((m) => m.byHand))],
    };
    const shared = await this.networkEvidence(lead.establishment, plan.networkEvidence, scope);
    for (const m of plan.members) {
      // Each establishment's head uploads its evidence, writes its self-evaluation (citing the
      // evidence), names its pilots and follows its indicators.
      const head = this.head(m.establishment);
      const establishmentId = this.establishment(m.establishment).id;
      // Its criteria: the national ones and the criterion 9 it chose.
      const codes = criterionCodes(m.optionalVariant);
      const own: DossierScope = { ...scope, codes };
      const answered = selected(m.responses, codes);
      const hasDossier = DOSSIER_PROFILES[m.establishment] !== undefined;
      if (answered.length > 0 && !hasDossier) {
        fail(`« ${plan.ref} » : aucun profil de dossier pour « ${m.establishment} ».`);
      }
      const evidence = hasDossier
        ? [...(await this.evidenceOf(m.establishment, own)), ...shared]
        : shared;
      for (const code of m.byHand) {
        if (!answered.includes(code) || m.drafts.includes(code)) {
          fail(
            `« ${plan.ref} » : le critère ${code} laissé à la main doit être répondu, sans brouillon.`,
          );
        }
      }
      const indicators = hasDossier ? this.plannedIndicators(m.establishment, own, m.byHand) : [];
      for (const code of answered) {
        const stage: ResponseStage = m.byHand.includes(code)
          ? "OUTLINE"
          : m.drafts.includes(code)
            ? "DRAFT"
            : "COMPLETE";
        await updateCriterionResponse(head, {
          candidatureId: id,
          establishmentId,
          criterionCode: code,
          ...this.responseContent(plan.kind, m.establishment, code, stage, indicators, evidence),
        });
      }
      for (const code of selected(m.pilots, codes)) {
        await assignCriterionPilot(head, {
          candidatureId: id,
          criterionCode: code,
          userId: this.pilot(m.establishment, code).id,
        });
      }
      await this.createIndicators(m.establishment, id, indicators);
    }
    for (const [code, text] of Object.entries(plan.commonStrategies)) {
      await updateCommonStrategy(this.head(lead.establishment), {
        candidatureId: id,
        criterionCode: code,
        text: `<p>${text}</p>`,
      });
    }
    if (compareIsoDates(plan.writtenUntil, this.today) < 0) {
      await this.dateDossier(id, plan.opening?.on ?? plan.createdOn, plan.writtenUntil);
    }

    if (plan.submission) {
      // In a network, every co-applicant's head approves the submission before the lead submits.
      if (plan.kind === "NETWORK") {
        for (const m of plan.members.filter((member) => !member.isLead)) {
          await approveSubmission(
            this.at(this.headUser(m.establishment), plan.submission.approvedOn),
            { candidatureId: id },
          );
        }
      }
      await this.transition(
        lead.establishment,
        id,
        "SUBMIT_DOSSIER",
        plan.submission.comment,
        plan.submission.on,
      );
    }
    return id;
  }

  /**
   * Dates the dossier's rows written today through the services (self-evaluations, pilots,
   * indicators and their values, common strategies): created on `from`, last changed on `until`, in
   * the order they were written. Evidence and engagement documents carry their own dates already.
   */
  private async dateDossier(candidatureId: string, from: IsoDate, until: IsoDate): Promise<void> {
    const created = instantOn(from);
    const changed = instantOn(until);
    const rows = (table: string, where: string) =>
      this.manager.query(
        `UPDATE ${table} t SET created_at = $2::timestamptz + n.rank * interval '1 millisecond',
                               updated_at = $3::timestamptz + n.rank * interval '1 millisecond'
           FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS rank FROM ${table}
                  WHERE ${where}) n
          WHERE t.id = n.id`,
        [candidatureId, created, changed],
      );
    for (const table of ["criterion_response", "criterion_pilot", "indicator", "common_strategy"]) {
      await rows(table, "candidature_id = $1");
    }
    await rows(
      "indicator_value",
      "indicator_id IN (SELECT id FROM indicator WHERE candidature_id = $1)",
    );
  }

  /** Gives the steps just recorded for a candidature their creation instants on `on`, in order. */
  async stampSteps(candidatureId: string, on: IsoDate): Promise<void> {
    const history = this.manager.getRepository(CandidatureTransitionRecord);
    const fresh = (await history.findBy({ candidatureId }))
      .filter((row) => !this.stamped.has(row.id))
      .sort(
        (a, b) => CANDIDATURE_STATES.indexOf(a.toState) - CANDIDATURE_STATES.indexOf(b.toState),
      );
    for (const row of fresh) {
      this.stamped.add(row.id);
      // Rows written in one transaction share now(): give them distinct, ordered creation instants
      // so that the history reads in the order of the steps.
      const at = this.instant(on);
      await history.update({ id: row.id }, { createdAt: at, updatedAt: at });
    }
  }

  /** The candidature and its members were opened on the platform `date`, not during the seed. */
  private async backdate(
    candidatureId: string,
    date: IsoDate,
    establishmentIds: readonly string[],
  ): Promise<void> {
    await this.manager
      .getRepository(Candidature)
      .update({ id: candidatureId }, { createdAt: instantOn(date) });
    // Members in the order of the data (lead first), one millisecond apart.
    for (const [index, establishmentId] of establishmentIds.entries()) {
      await this.manager
        .getRepository(CoApplicant)
        .update({ candidatureId, establishmentId }, { createdAt: instantOn(date, index + 1) });
    }
  }

  /** A step of the generic transition, on `on`: the lead's head submits, DRAFPIC does the others. */
  private async transition(
    lead: EstablishmentKey,
    candidatureId: string,
    transition: TransitionName,
    comment: string,
    on: IsoDate,
  ): Promise<void> {
    const user = SCHOOL_TRANSITIONS.has(transition) ? this.headUser(lead) : this.drafpicUser();
    await transitionCandidature(this.at(user, on), { candidatureId, transition, comment });
    await this.stampSteps(candidatureId, on);
  }

  // --- historical candidatures, written directly -----------------------------------------------

  /**
   * Writes a historical candidature up to its last step but the mid-term follow-up, which is returned
   * for its use case to record (`ProcedureSeeder.midTermReview`).
   */
  async historicalCandidature(
    spec: HistoricalCandidatureSeed,
  ): Promise<{ candidatureId: string; midTermReview: HistoryStep | null }> {
    const { manager } = this;
    const auditDate = onWorkingDay(addMonths(this.today, -spec.auditMonthsAgo));
    const fromAudit = (days: number): IsoDate => onWorkingDay(addDays(auditDate, days));
    const members = spec.members.map((m) => ({
      ...m,
      establishment: this.establishment(m.establishment),
      key: m.establishment,
    }));
    if (members.filter((m) => m.isLead).length !== 1) fail(`« ${spec.ref} » : un porteur attendu.`);
    const boardMinutesOn = fromAudit(spec.boardMinutesDaysFromAudit);
    const engagementLetterOn = fromAudit(spec.engagementLetterDaysFromAudit);
    const createdOn = fromAudit(spec.createdDaysFromAudit);

    // The steps, each on its own date (moved to a weekday), in order.
    const steps: HistoryStep[] = spec.steps.map((step) => ({
      transition: step.transition,
      date: fromAudit(step.daysFromAudit),
      comment: step.comment,
    }));
    const midTermReview = steps.find((s) => s.transition === "RECORD_MID_TERM_REVIEW") ?? null;
    // The state the written steps reach (the mid-term follow-up is recorded by its use case).
    const writtenState: CandidatureState = midTermReview ? "LABELLED" : spec.finalState;
    const history = steps.filter((s) => s !== midTermReview);
    for (const [index, step] of steps.entries()) {
      const previous = steps[index - 1];
      if (previous && compareIsoDates(previous.date, step.date) > 0) {
        fail(`« ${spec.ref} », étapes dans le désordre.`);
      }
    }
    const dateOf = (t: TransitionName): IsoDate | null =>
      history.find((h) => h.transition === t)?.date ?? null;
    const submittedOn = dateOf("SUBMIT_DOSSIER");
    const publicationDate = dateOf("PUBLISH_LABEL");
    const opened = dateOf("OPEN_DOSSIER") ?? createdOn;
    const lastDate = steps[steps.length - 1]?.date ?? createdOn;
    const writtenOn = submittedOn ?? lastDate;

    const candidatureRepo = manager.getRepository(Candidature);
    const candidature = await candidatureRepo.save(
      candidatureRepo.create({
        kind: spec.kind,
        awardType: spec.awardType,
        state: writtenState,
        referentialVersion: CURRENT_REFERENTIAL_VERSION,
        labelTitle: spec.labelTitle,
        auditDate,
        publicationDate,
        submittedAt: submittedOn === null ? null : instantOn(submittedOn),
        renewsCandidatureId: null,
        createdAt: instantOn(createdOn),
        updatedAt: instantOn(lastDate),
      }),
    );
    const candidatureId = candidature.id;

    // In a network, the co-applicants' heads approved the submission two days before it.
    const approvedOn = addDays(writtenOn, -2);
    const memberRepo = manager.getRepository(CoApplicant);
    await memberRepo.save(
      members.map((m, index) => {
        const approves = spec.kind === "NETWORK" && !m.isLead;
        return memberRepo.create({
          candidatureId,
          establishmentId: m.establishment.id,
          isLead: m.isLead,
          optionalCriterionVariant: m.optionalVariant,
          engagementLetterOn,
          boardMinutesOn,
          submissionApprovedAt: approves ? instantOn(approvedOn, index) : null,
          submissionApprovedBy: approves ? this.headUser(m.key).id : null,
          createdAt: instantOn(createdOn, index + 1),
          updatedAt: instantOn(approves ? approvedOn : engagementLetterOn),
        });
      }),
    );
    for (const m of members) {
      await this.engagementDocuments(candidatureId, m.key, spec.labelTitle, {
        engagementLetterOn,
        boardMinutesOn,
      });
    }

    // The dossier as it was submitted: evidence, self-evaluation, pilots, indicators.
    const scope: DossierScope = {
      candidatureId,
      labelTitle: spec.labelTitle,
      codes: dossierCodes(spec.members),
      createdOn,
      until: writtenOn,
      withoutEvidence: [],
    };
    const responseRepo = manager.getRepository(CriterionResponse);
    const pilotRepo = manager.getRepository(CriterionPilot);
    let order = 0;
    for (const m of members) {
      // Its criteria: the national ones and the criterion 9 it chose.
      const codes = criterionCodes(m.optionalVariant);
      const own: DossierScope = { ...scope, codes };
      const evidence = await this.evidenceOf(m.key, own);
      const indicators = this.plannedIndicators(m.key, own);
      for (const code of codes) {
        order += 1;
        const content = this.responseContent(
          spec.kind,
          m.key,
          code,
          "COMPLETE",
          indicators,
          evidence,
        );
        await responseRepo.save(
          responseRepo.create({
            candidatureId,
            establishmentId: m.establishment.id,
            criterionCode: code,
            narrative: this.richText(content.narrative, "synthèse"),
            planned: this.richText(content.planned, "ce qui est prévu"),
            done: this.richText(content.done, "ce qui est fait"),
            measured: this.richText(content.measured, "ce qui est mesuré"),
            improved: this.richText(content.improved, "ce qui est amélioré"),
            selfAssessedLevel: content.selfAssessedLevel ?? null,
            addressedExpectationIds: content.addressedExpectationIds ?? [],
            qualeducFicheCodes: content.qualeducFicheCodes ?? [],
            emblematicActionTitle: content.emblematicActionTitle ?? null,
            emblematicActionDescription: content.emblematicActionDescription
              ? this.richText(content.emblematicActionDescription, "action emblématique")
              : null,
            metByEuroscol: content.metByEuroscol ?? false,
            citedEvidenceIds: content.citedEvidenceIds ?? [],
            version: 1,
            createdAt: instantOn(opened, order),
            updatedAt: instantOn(writtenOn, order),
          }),
        );
        await pilotRepo.save(
          pilotRepo.create({
            candidatureId,
            establishmentId: m.establishment.id,
            criterionCode: code,
            userId: this.pilot(m.key, code).id,
            createdAt: instantOn(opened, order),
            updatedAt: instantOn(opened, order),
          }),
        );
      }
      await this.insertIndicators(m.key, candidatureId, indicators, addDays(opened, 14));
    }

    // Replay the procedure through the domain, each step on its own date, with the readiness of the
    // stored dossier at the submission.
    const readiness = await readinessOf(this.as(null), candidature);
    const readinessMembers: ReadinessMember[] = members.map((m) => ({
      establishmentId: m.establishment.id,
      establishmentName: m.establishment.name,
      isLead: m.isLead,
      engagementLetterOn,
      boardMinutesOn,
      submissionApprovedAt: spec.kind === "NETWORK" && !m.isLead ? approvedOn : null,
    }));
    let state: CandidatureState = "ENGAGEMENT";
    let published: IsoDate | null = null;
    const records: (HistoryStep & { from: CandidatureState; to: CandidatureState })[] = [];
    for (const step of history) {
      if (step.transition === "RECORD_AUDIT") this.assertAuditTeam(spec.ref, spec.auditors);
      const to = this.replay(spec.ref, spec.kind, state, step, {
        memberCount: members.length,
        engaged:
          compareIsoDates(engagementLetterOn, step.date) <= 0 &&
          compareIsoDates(boardMinutesOn, step.date) <= 0
            ? readinessMembers
            : [],
        auditDate,
        publicationDate: step.transition === "PUBLISH_LABEL" ? step.date : published,
        missing: step.transition === "SUBMIT_DOSSIER" ? readiness.missing : [],
      });
      if (step.transition === "PUBLISH_LABEL") published = step.date;
      records.push({ ...step, from: state, to });
      state = to;
    }
    if (state !== writtenState) {
      fail(`« ${spec.ref} » aboutit à l'état ${state} au lieu de ${writtenState}.`);
    }

    const historyRepo = manager.getRepository(CandidatureTransitionRecord);
    await historyRepo.save(
      records.map((h, index) =>
        historyRepo.create({
          candidatureId,
          transition: h.transition,
          fromState: h.from,
          toState: h.to,
          effectiveDate: h.date,
          comment: h.comment,
          createdAt: instantOn(h.date, index + 1),
          updatedAt: instantOn(h.date, index + 1),
        }),
      ),
    );

    // The labels its BOEN publication created, one per establishment (as `recordBoenPublication`).
    if (publicationDate !== null) {
      const labelRepo = manager.getRepository(Label);
      await labelRepo.save(
        members.map((m) =>
          labelRepo.create({
            candidatureId,
            establishmentId: m.establishment.id,
            ...labelTerms(spec.labelTitle, publicationDate),
            status: "CURRENT",
            boenReference: boenReference(publicationDate),
            createdAt: instantOn(publicationDate),
            updatedAt: instantOn(publicationDate),
          }),
        ),
      );
    }

    // The dossier frozen at its submission, exactly as `transitionCandidature` freezes it (the
    // snapshot's own creation instant is the seed's: the table refuses any later change).
    if (submittedOn !== null) {
      await freezeDossier(this.drafpic(), candidature, instantOn(submittedOn));
    }

    // Auditors go through the service (DRAFPIC), then take the date the dossier was submitted; the
    // candidature keeps its last step's date.
    // Once the dossier is submitted, each auditor has signed the declaration of independence (they
    // read the dossier); the first inspector leads the team (assignAuditor).
    if (spec.auditors.length > 0) {
      const drafpic = this.drafpic();
      const memberIds = (await manager.getRepository(CoApplicant).findBy({ candidatureId })).map(
        (m) => m.establishmentId,
      );
      for (const [index, email] of spec.auditors.entries()) {
        const userId = this.user(email).id;
        await assignAuditor(drafpic, { candidatureId, userId });
        await manager.getRepository(CandidatureAuditor).update(
          { candidatureId, userId },
          {
            createdAt: instantOn(writtenOn, index + 1),
            updatedAt: instantOn(writtenOn, index + 1),
            ...(submittedOn !== null
              ? {
                  declarationSignedAt: instantOn(writtenOn, index + 1),
                  declarationTextVersion: INDEPENDENCE_DECLARATION_VERSION,
                  declaredEstablishmentIds: memberIds,
                }
              : {}),
          },
        );
      }
    }
    await candidatureRepo.update({ id: candidatureId }, { updatedAt: instantOn(lastDate) });
    return { candidatureId, midTermReview };
  }

  /** No audit is recorded without a team holding at least one inspector (as `transitionCandidature`). */
  private assertAuditTeam(ref: string, auditors: readonly string[]): void {
    try {
      assertAuditTeam(auditors.map((email) => ({ profile: this.user(email).auditorProfile })));
    } catch (error) {
      fail(`« ${ref} » : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** One step of a historical candidature through the domain's lifecycle, at the step's date. */
  private replay(
    ref: string,
    kind: CandidatureKind,
    state: CandidatureState,
    step: HistoryStep,
    facts: {
      memberCount: number;
      engaged: ReadinessMember[];
      auditDate: IsoDate;
      publicationDate: IsoDate | null;
      missing: string[];
    },
  ): CandidatureState {
    try {
      return applyTransition(state, step.transition, {
        today: step.date,
        kind,
        memberCount: facts.memberCount,
        engagementComplete: isEngagementComplete(facts.engaged),
        auditDate: facts.auditDate,
        publicationDate: facts.publicationDate,
        missingForSubmission: facts.missing,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail(`« ${ref} », étape ${step.transition} du ${step.date} refusée : ${reason}`);
    }
  }

  /** Rich text cleaned exactly as the services clean it. */
  private richText(html: string | null | undefined, label: string): string {
    return html ? cleanRichText(html, label) : "";
  }

  /** A historical dossier's indicators and values (written directly, with the audit trail). */
  private async insertIndicators(
    key: EstablishmentKey,
    candidatureId: string,
    indicators: readonly PlannedIndicator[],
    on: IsoDate,
  ): Promise<void> {
    const ctx = this.head(key);
    const indicatorRepo = this.manager.getRepository(Indicator);
    const valueRepo = this.manager.getRepository(IndicatorValue);
    for (const [index, planned] of indicators.entries()) {
      const { definition } = planned;
      const indicator = await indicatorRepo.save(
        indicatorRepo.create({
          candidatureId,
          establishmentId: this.establishment(key).id,
          name: definition.name,
          kind: definition.kind,
          unit: definition.unit,
          direction: definition.direction,
          target: planned.target,
          source: definition.source,
          criterionCodes: planned.criteria,
          createdAt: instantOn(on, index),
          updatedAt: instantOn(on, index),
        }),
      );
      await recordChange(ctx, "Indicator", indicator.id, null, indicator);
      for (const [year, v] of planned.values.entries()) {
        const qualitative = definition.kind === "QUALITATIVE";
        const value = await valueRepo.save(
          valueRepo.create({
            indicatorId: indicator.id,
            schoolYear: v.schoolYear,
            numericValue: qualitative ? null : v.value,
            textValue: qualitative ? climateAppreciation(v.value, year) : null,
            createdAt: instantOn(on, index),
            updatedAt: instantOn(on, index),
          }),
        );
        await recordChange(ctx, "IndicatorValue", value.id, null, value);
      }
    }
  }
}
