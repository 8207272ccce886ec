/**
 * Idempotent loading of the demo data (fictitious, see `seed-data.ts` and `demo-accounts.ts`).
 *
 * Accounts come first: the demo accounts (one per role, sharing `DEMO_PASSWORD`, hashed once), then,
 * once DRAFPIC has created the establishments, the head and steering team of every establishment
 * that takes part in a candidature (no password: DRAFPIC opens their access).
 *
 * Establishments and candidatures in progress go through the services with the viewer that would
 * do each step (DRAFPIC, the lead's head, each establishment's head), so the domain guards and the
 * authorization rules apply exactly as for a user. The historical candidatures (labelled, refused)
 * carry past dates that today's guards would refuse: they are written with the repositories, after
 * replaying each of their steps through the domain's lifecycle at the step's own date.
 */
import type { DataSource, EntityManager } from "typeorm";
import {
  academieOfDepartement,
  accountShapeProblems,
  addDays,
  addMonths,
  applyTransition,
  compareIsoDates,
  assessReadiness,
  criteriaForCandidature,
  CURRENT_REFERENTIAL_VERSION,
  isEngagementComplete,
  isSchoolRole,
  type AuditorProfile,
  type CandidatureState,
  type CriterionCode,
  type IsoDate,
  type OptionalCriterionVariant,
  type ReadinessMember,
  type Role,
  type TransitionName,
  type Viewer,
} from "@ldm/domain";
import { createContext, parisToday, type RequestContext } from "../context";
import { readEnv } from "../env";
import { recordChange } from "../modules/audit/audit-trail";
import { authConfigFrom, type AuthConfig } from "../modules/identity/auth.config";
import { assertPasswordPolicy, hashPassword } from "../modules/identity/password";
import { AppUser } from "../modules/identity/user.entity";
import { createEstablishment } from "../modules/establishment/establishment.service";
import { Establishment } from "../modules/establishment/establishment.entity";
import {
  assignAuditor,
  assignCriterionPilot,
  createIndividualCandidature,
  createNetworkCandidature,
  recordEngagement,
  scheduleAudit,
  transitionCandidature,
  updateCommonStrategy,
  updateCriterionResponse,
} from "../modules/candidature/candidature.service";
import {
  Candidature,
  CandidatureAuditor,
  CandidatureTransitionRecord,
  CoApplicant,
  CriterionPilot,
  CriterionResponse,
} from "../modules/candidature/candidature.entity";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccount, type DemoAccount } from "./demo-accounts";
import {
  ACTIVE_CANDIDATURES,
  DEMO_MARKER_UAI,
  HISTORICAL_CANDIDATURES,
  NARRATIVE_PROFILES,
  SCHOOL_TEAMS,
  SEED_ESTABLISHMENTS,
  criterionNarrative,
  schoolEmail,
  type ActiveCandidatureSeed,
  type CriterionSelection,
  type EstablishmentKey,
  type HistoricalCandidatureSeed,
  type SeedTeamMember,
} from "./seed-data";

/** Serialises concurrent seeds: the second one waits, then finds the data and does nothing. */
const SEED_LOCK_KEY = 7_412_305_001;

/** Name of the operation in the audit trail of the rows written by the seed. */
const SEED_OPERATION = "seedDemoData";

/** The seed opens no session: the cookie secret of its contexts is never used. */
function seedAuthConfig(): AuthConfig {
  return authConfigFrom(readEnv(), "données-de-démonstration-sans-session");
}

/**
 * Loads the demo data in one transaction. Returns false, without writing anything, when it is
 * already there (the first seed establishment's UAI exists); true once it has been written.
 */
export async function seedDemoData(
  dataSource: DataSource,
  auth: AuthConfig = seedAuthConfig(),
): Promise<boolean> {
  const today = parisToday();
  return dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    if (await manager.getRepository(Establishment).exists({ where: { uai: DEMO_MARKER_UAI } })) {
      return false;
    }
    for (const account of DEMO_ACCOUNTS) assertPasswordPolicy(DEMO_PASSWORD, account.email);
    // One hash for every demo account (argon2id costs ~50 ms per hash).
    const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
    const seeder = new Seeder(dataSource, auth, manager, today, demoPasswordHash);
    await seeder.regionalAccounts();
    await seeder.establishments();
    await seeder.schoolAccounts();
    for (const spec of ACTIVE_CANDIDATURES) await seeder.activeCandidature(spec);
    for (const spec of HISTORICAL_CANDIDATURES) await seeder.historicalCandidature(spec);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------

interface HistoryStep {
  transition: TransitionName;
  from: CandidatureState;
  to: CandidatureState;
  date: IsoDate;
  comment: string | null;
}

interface SeededEstablishment {
  id: string;
  name: string;
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

/** Steps of the procedure the school performs (the lead's head); DRAFPIC performs the others. */
const SCHOOL_TRANSITIONS: ReadonlySet<TransitionName> = new Set(["SUBMIT_DOSSIER"]);

/** Saturday and Sunday move to the next Monday: audits, visits and decisions happen on weekdays. */
function onWeekday(date: IsoDate): IsoDate {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** A past instant on that date (mid-morning in Paris), plus `ms` to keep rows in order. */
function instantOn(date: IsoDate, ms = 0): Date {
  return new Date(new Date(`${date}T08:30:00.000Z`).getTime() + ms);
}

function criterionCodes(variant: OptionalCriterionVariant | null): CriterionCode[] {
  return criteriaForCandidature(CURRENT_REFERENTIAL_VERSION, variant).map((c) => c.code);
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

function fail(message: string): never {
  throw new Error(`Données de démonstration : ${message}`);
}

class Seeder {
  private readonly byKey = new Map<EstablishmentKey, SeededEstablishment>();
  /** Accounts written by the seed, by e-mail. */
  private readonly users = new Map<string, AppUser>();
  /** The SCHOOL_HEAD account of each establishment taking part in a candidature. */
  private readonly heads = new Map<EstablishmentKey, AppUser>();
  /** One request context per viewer (null: the administration, which creates the accounts). */
  private readonly contexts = new Map<string | null, RequestContext>();
  /** Strictly increasing creation instants for the history rows written in this transaction. */
  private clock = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthConfig,
    private readonly manager: EntityManager,
    private readonly today: IsoDate,
    private readonly demoPasswordHash: string,
  ) {}

  // --- request contexts ----------------------------------------------------------------------

  /** The context of a request by `user` (null: the administration command). */
  private as(user: AppUser | null): RequestContext {
    const key = user?.id ?? null;
    const existing = this.contexts.get(key);
    if (existing) return existing;
    const ctx: RequestContext = {
      ...createContext(this.dataSource, this.auth, { viewer: user ? viewerOf(user) : null }),
      operation: SEED_OPERATION,
      // One date for the whole seed, even if it runs across midnight.
      today: () => this.today,
    };
    this.contexts.set(key, ctx);
    return ctx;
  }

  private user(email: string): AppUser {
    return this.users.get(email) ?? fail(`compte ${email} inconnu.`);
  }

  private drafpic(): RequestContext {
    const account = (DEMO_ACCOUNTS as readonly DemoAccount[]).find((a) => a.role === "DRAFPIC");
    return this.as(this.user(account?.email ?? fail("aucun compte DRAFPIC.")));
  }

  private head(key: EstablishmentKey): RequestContext {
    return this.as(this.heads.get(key) ?? fail(`aucun chef d'établissement pour « ${key} ».`));
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
    await recordChange(this.as(null), this.manager, "User", user.id, null, user);
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
      const created = await createEstablishment(ctx, this.manager, {
        uai: e.uai,
        name: e.name,
        kind: e.kind,
        sector: e.sector,
        city: e.city,
        departementCode: e.departementCode,
      });
      this.byKey.set(e.key, {
        id: created.id,
        name: created.name,
        academie: academieOfDepartement(e.departementCode),
      });
    }
  }

  private establishment(key: EstablishmentKey): SeededEstablishment {
    return this.byKey.get(key) ?? fail(`établissement « ${key} » inconnu.`);
  }

  private narrative(key: EstablishmentKey, code: CriterionCode): string {
    const profile = NARRATIVE_PROFILES[key] ?? fail(`aucun récit pour « ${key} ».`);
    return criterionNarrative(profile, code);
  }

  // --- candidatures in progress, through the services ------------------------------------------

  async activeCandidature(spec: ActiveCandidatureSeed): Promise<void> {
    const { manager, today } = this;
    const drafpic = this.drafpic();
    const common = {
      awardType: spec.awardType,
      labelTitle: spec.labelTitle,
      optionalCriterionVariant: spec.optionalVariant,
    };
    const lead = spec.members.find((m) => m.isLead) ?? fail(`« ${spec.ref} » sans porteur.`);
    const leadHead = this.head(lead.establishment);
    const candidature =
      spec.kind === "INDIVIDUAL"
        ? await createIndividualCandidature(leadHead, manager, {
            ...common,
            establishmentId: this.establishment(lead.establishment).id,
          })
        : await createNetworkCandidature(leadHead, manager, {
            ...common,
            members: spec.members.map((m) => ({
              establishmentId: this.establishment(m.establishment).id,
              isLead: m.isLead,
            })),
          });
    const id = candidature.id;
    await this.backdate(
      id,
      addDays(today, -spec.createdDaysAgo),
      spec.members.map((m) => this.establishment(m.establishment).id),
    );

    for (const m of spec.members) {
      if (m.engagement) {
        await recordEngagement(drafpic, manager, {
          candidatureId: id,
          establishmentId: this.establishment(m.establishment).id,
          boardMinutesOn: addDays(today, -m.engagement.boardMinutesDaysAgo),
          engagementLetterOn: addDays(today, -m.engagement.letterDaysAgo),
        });
      }
    }
    if (spec.auditInMonths !== null) {
      await scheduleAudit(drafpic, manager, {
        candidatureId: id,
        auditDate: onWeekday(addMonths(today, spec.auditInMonths)),
      });
    }

    const opening = spec.transitions.filter((t) => t.transition === "OPEN_DOSSIER");
    const later = spec.transitions.filter((t) => t.transition !== "OPEN_DOSSIER");
    for (const t of opening) await this.transition(lead.establishment, id, t.transition, t.comment);

    const codes = criterionCodes(spec.optionalVariant);
    for (const m of spec.members) {
      // Each establishment's head writes its answers and names its pilots.
      const head = this.head(m.establishment);
      const establishmentId = this.establishment(m.establishment).id;
      for (const code of selected(m.responses, codes)) {
        await updateCriterionResponse(head, manager, {
          candidatureId: id,
          establishmentId,
          criterionCode: code,
          narrative: this.narrative(m.establishment, code),
        });
      }
      for (const code of selected(m.pilots, codes)) {
        await assignCriterionPilot(head, manager, {
          candidatureId: id,
          criterionCode: code,
          userId: this.pilot(m.establishment, code).id,
        });
      }
    }
    for (const [code, text] of Object.entries(spec.commonStrategies)) {
      await updateCommonStrategy(leadHead, manager, {
        candidatureId: id,
        criterionCode: code,
        text,
      });
    }

    for (const t of later) await this.transition(lead.establishment, id, t.transition, t.comment);

    for (const email of spec.auditors) {
      await assignAuditor(drafpic, manager, { candidatureId: id, userId: this.user(email).id });
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

  private async transition(
    lead: EstablishmentKey,
    candidatureId: string,
    transition: TransitionName,
    comment: string,
  ): Promise<void> {
    const ctx = SCHOOL_TRANSITIONS.has(transition) ? this.head(lead) : this.drafpic();
    await transitionCandidature(ctx, this.manager, { candidatureId, transition, comment });
    // Rows written in one transaction share now(): give them distinct, ordered creation instants
    // so that the history reads in the order of the steps.
    const history = this.manager.getRepository(CandidatureTransitionRecord);
    const row = await history.findOneByOrFail({ candidatureId, transition });
    this.clock += 1;
    await history.update({ id: row.id }, { createdAt: new Date(this.clock) });
  }

  // --- historical candidatures, written directly -----------------------------------------------

  async historicalCandidature(spec: HistoricalCandidatureSeed): Promise<void> {
    const auditDate = onWeekday(addMonths(this.today, -spec.auditMonthsAgo));
    const fromAudit = (days: number): IsoDate => onWeekday(addDays(auditDate, days));
    const codes = criterionCodes(spec.optionalVariant);
    const members = spec.members.map((m) => ({
      ...m,
      establishment: this.establishment(m.establishment),
      key: m.establishment,
    }));
    const boardMinutesOn = fromAudit(spec.boardMinutesDaysFromAudit);
    const engagementLetterOn = fromAudit(spec.engagementLetterDaysFromAudit);
    const createdOn = fromAudit(spec.createdDaysFromAudit);

    const responses = members.flatMap((m) =>
      codes.map((code) => ({
        establishmentId: m.establishment.id,
        criterionCode: code,
        narrative: this.narrative(m.key, code),
      })),
    );
    const pilots = members.flatMap((m) =>
      codes.map((code) => ({
        establishmentId: m.establishment.id,
        criterionCode: code,
        userId: this.pilot(m.key, code).id,
      })),
    );
    const readinessMembers: ReadinessMember[] = members.map((m) => ({
      establishmentId: m.establishment.id,
      establishmentName: m.establishment.name,
      engagementLetterOn,
      boardMinutesOn,
    }));
    const readiness = assessReadiness({
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      kind: spec.kind,
      optionalCriterionVariant: spec.optionalVariant,
      members: readinessMembers,
      responses,
      commonStrategies: [],
      pilots,
    });

    // Replay the procedure through the domain, each step on its own date.
    let state: CandidatureState = "ENGAGEMENT";
    let publicationDate: IsoDate | null = null;
    let submittedOn: IsoDate | null = null;
    const history: HistoryStep[] = [];
    for (const step of spec.steps) {
      const date = fromAudit(step.daysFromAudit);
      const previous = history[history.length - 1];
      if (previous && compareIsoDates(previous.date, date) > 0) {
        fail(`« ${spec.ref} », étapes dans le désordre.`);
      }
      const to = applyTransition(state, step.transition, {
        today: date,
        kind: spec.kind,
        memberCount: members.length,
        engagementComplete: isEngagementComplete(
          compareIsoDates(engagementLetterOn, date) <= 0 &&
            compareIsoDates(boardMinutesOn, date) <= 0
            ? readinessMembers
            : [],
        ),
        auditDate,
        publicationDate: step.transition === "PUBLISH_LABEL" ? date : publicationDate,
        missingForSubmission: step.transition === "SUBMIT_DOSSIER" ? readiness.missing : [],
      });
      if (step.transition === "PUBLISH_LABEL") publicationDate = date;
      if (step.transition === "SUBMIT_DOSSIER") submittedOn = date;
      history.push({ transition: step.transition, from: state, to, date, comment: step.comment });
      state = to;
    }
    if (state !== spec.finalState) {
      fail(`« ${spec.ref} » aboutit à l'état ${state} au lieu de ${spec.finalState}.`);
    }
    const lastDate = history[history.length - 1]?.date ?? createdOn;

    const { manager } = this;
    const candidatureRepo = manager.getRepository(Candidature);
    const candidature = await candidatureRepo.save(
      candidatureRepo.create({
        kind: spec.kind,
        awardType: spec.awardType,
        state,
        referentialVersion: CURRENT_REFERENTIAL_VERSION,
        labelTitle: spec.labelTitle,
        optionalCriterionVariant: spec.optionalVariant,
        auditDate,
        publicationDate,
        submittedAt: submittedOn === null ? null : instantOn(submittedOn),
        renewsCandidatureId: null,
        createdAt: instantOn(createdOn),
        updatedAt: instantOn(lastDate),
      }),
    );
    const candidatureId = candidature.id;

    const memberRepo = manager.getRepository(CoApplicant);
    await memberRepo.save(
      members.map((m, index) =>
        memberRepo.create({
          candidatureId,
          establishmentId: m.establishment.id,
          isLead: m.isLead,
          engagementLetterOn,
          boardMinutesOn,
          createdAt: instantOn(createdOn, index + 1),
          updatedAt: instantOn(engagementLetterOn),
        }),
      ),
    );

    const opened = history.find((h) => h.transition === "OPEN_DOSSIER")?.date ?? createdOn;
    const writtenOn = submittedOn ?? lastDate;
    const responseRepo = manager.getRepository(CriterionResponse);
    await responseRepo.save(
      responses.map((r, index) =>
        responseRepo.create({
          candidatureId,
          ...r,
          version: 1,
          createdAt: instantOn(opened, index + 1),
          updatedAt: instantOn(writtenOn, index + 1),
        }),
      ),
    );
    const pilotRepo = manager.getRepository(CriterionPilot);
    await pilotRepo.save(
      pilots.map((p, index) =>
        pilotRepo.create({
          candidatureId,
          ...p,
          createdAt: instantOn(opened, index + 1),
          updatedAt: instantOn(opened, index + 1),
        }),
      ),
    );
    const historyRepo = manager.getRepository(CandidatureTransitionRecord);
    await historyRepo.save(
      history.map((h, index) =>
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

    // Auditors go through the service (DRAFPIC), then take the date the dossier was submitted; the
    // candidature keeps its last step's date.
    if (spec.auditors.length > 0) {
      const drafpic = this.drafpic();
      const assignedOn = submittedOn ?? lastDate;
      for (const [index, email] of spec.auditors.entries()) {
        const userId = this.user(email).id;
        await assignAuditor(drafpic, manager, { candidatureId, userId });
        await manager.getRepository(CandidatureAuditor).update(
          { candidatureId, userId },
          {
            createdAt: instantOn(assignedOn, index + 1),
            updatedAt: instantOn(assignedOn, index + 1),
          },
        );
      }
      await candidatureRepo.update({ id: candidatureId }, { updatedAt: instantOn(lastDate) });
    }
  }
}
