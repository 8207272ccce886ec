/**
 * Fixtures of the authorization matrix (src/authorization-matrix.test.ts): a small world of establishments
 * and accounts created once, and per-case builders that create FRESH objects (a new candidature, a new
 * account, a new token…) so that every case of the matrix runs against state nobody else has changed.
 * Objects are written straight through TypeORM (no GraphQL round trip, no password hashing) to keep the
 * few hundred cases fast.
 */
import {
  CURRENT_REFERENTIAL_VERSION,
  expectationsFor,
  getCriterion,
  INDEPENDENCE_DECLARATION_VERSION,
  NATIONAL_CRITERION_CODES,
  type CandidatureKind,
  type CandidatureState,
  type Role,
  type Viewer,
} from "@ldm/domain";
import {
  Candidature,
  CandidatureAuditor,
  CoApplicant,
  CriterionPilot,
  CriterionResponse,
} from "../modules/candidature/candidature.entity";
import type { Establishment } from "../modules/establishment/establishment.entity";
import { hashPassword } from "../modules/identity/password";
import { API_TOKEN_PREFIX } from "../modules/identity/session.service";
import { newToken } from "../modules/identity/tokens";
import { ApiToken, AppUser } from "../modules/identity/user.entity";
import { insertEstablishment, insertEvidence, insertUser, today } from "./fixtures";
import { Indicator, IndicatorValue } from "../modules/dossier/indicator.entity";
import type { GraphQLResult, TestApp } from "./test-app";

/** Who calls: nobody, one account of each role, and a DRAFPIC's read-only API token. */
export const CALLERS = [
  "ANONYMOUS",
  "SCHOOL_HEAD",
  "SCHOOL_STAFF",
  "DRAFPIC",
  "AUDITOR",
  "ANALYST",
  "TOKEN",
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * What the call targets. School users: `own` = a candidature of their establishment, `other` = another
 * establishment's. The pilot (SCHOOL_STAFF): `own` = the criterion assigned to them there. The auditor:
 * `own` = a SUBMITTED candidature they are assigned to, `other` = a SUBMITTED one they are not.
 */
export const SCOPES = ["own", "other"] as const;
export type Scope = (typeof SCOPES)[number];

/** The criterion the pilot is assigned to (one with a network common strategy, so both editors apply). */
export const PILOT_CRITERION = "4";

/** Password of the accounts that log in or change their password (hashed once for the whole file). */
export const MATRIX_PASSWORD = "Sémaphore-Lagune-Turquoise-2031";
export const MATRIX_NEW_PASSWORD = "Goélette-Mistral-Calanque-2032";

export interface Account {
  user: AppUser;
  viewer: Viewer;
}

/** One side of the world: an establishment, its network partner, its head and its pilot. */
export interface Side {
  establishment: Establishment;
  /** Co-applicant of the side's network candidatures. */
  partner: Establishment;
  head: Account;
  /** A SCHOOL_STAFF account: the pilot of PILOT_CRITERION on the side's candidatures. */
  staff: Account;
}

export interface MatrixWorld {
  app: TestApp;
  /** The callers' establishment (A) and its people. */
  own: Side;
  /** Another establishment (B), none of the callers' business. */
  other: Side;
  /** An establishment added to (or removed from) networks. */
  extra: Establishment;
  auditor: Account;
  analyst: Account;
  /** argon2 hash of MATRIX_PASSWORD. */
  passwordHash: string;
}

export async function createMatrixWorld(app: TestApp): Promise<MatrixWorld> {
  const ds = app.dataSource;
  const side = async (departementCode: string): Promise<Side> => {
    const establishment = await insertEstablishment(ds, { departementCode });
    const partner = await insertEstablishment(ds, { departementCode });
    return {
      establishment,
      partner,
      head: await insertUser(ds, { role: "SCHOOL_HEAD", establishmentId: establishment.id }),
      staff: await insertUser(ds, { role: "SCHOOL_STAFF", establishmentId: establishment.id }),
    };
  };
  return {
    app,
    own: await side("13"),
    other: await side("06"),
    extra: await insertEstablishment(ds, { departementCode: "83" }),
    auditor: await insertUser(ds, { role: "AUDITOR", auditorProfile: "CEE" }),
    analyst: await insertUser(ds, { role: "ANALYST" }),
    passwordHash: await hashPassword(MATRIX_PASSWORD),
  };
}

/** The context viewer of each caller (null when anonymous). */
export function viewerOf(world: MatrixWorld, caller: Caller): Viewer | null {
  switch (caller) {
    case "ANONYMOUS":
      return null;
    case "SCHOOL_HEAD":
      return world.own.head.viewer;
    case "SCHOOL_STAFF":
      return world.own.staff.viewer;
    case "DRAFPIC":
      return world.app.drafpic;
    case "AUDITOR":
      return world.auditor.viewer;
    case "ANALYST":
      return world.analyst.viewer;
    case "TOKEN":
      return { ...world.app.drafpic, readOnly: true };
  }
}

export interface CandidatureOptions {
  /** INDIVIDUAL by default, NETWORK when `home` is "member" or `extraMember` is set. */
  kind?: CandidatureKind;
  /** ENGAGEMENT by default. For the AUDITOR caller it is always SUBMITTED (see Scope). */
  state?: CandidatureState;
  /** The scope's establishment leads (default), or is a co-applicant of a network its partner leads. */
  home?: "lead" | "member";
  /** Network only: `extra` is a third co-applicant. */
  extraMember?: boolean;
  /** Every member's engagement letter and board minutes are received. */
  engaged?: boolean;
  /** Individual only: engaged, and a response and a pilot on every criterion (ready to submit). */
  complete?: boolean;
  /** Also assign a fresh auditor (returned as `extraAuditorId`). */
  extraAuditor?: boolean;
  /** The state for every caller, the AUDITOR included (a state of the audit, e.g. AUDITED). */
  auditState?: CandidatureState;
  /** In scope `own`, the world's auditor is the audit team's lead auditor. */
  leadAuditor?: boolean;
}

export interface CandidatureFixture {
  id: string;
  /** The scope's establishment (A for `own`, B for `other`). */
  establishmentId: string;
  /** Pilot row of the scope's SCHOOL_STAFF on PILOT_CRITERION for the scope's establishment. */
  pilotId: string;
  extraAuditorId: string | null;
}

/** Everything one case of the matrix needs: its caller, its scope, and builders of fresh objects. */
export class CaseFixture {
  constructor(
    readonly world: MatrixWorld,
    readonly caller: Caller,
    readonly scope: Scope,
  ) {}

  get viewer(): Viewer | null {
    return viewerOf(this.world, this.caller);
  }

  /** The scope's side of the world. */
  get side(): Side {
    return this.scope === "own" ? this.world.own : this.world.other;
  }

  /** Runs an operation as the case's caller. */
  exec<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>> {
    return this.world.app.execute<T>(query, variables, this.viewer);
  }

  /** Runs an operation as someone else (e.g. a fresh account of the caller's role). */
  execAs<T = Record<string, unknown>>(
    viewer: Viewer | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>> {
    return this.world.app.execute<T>(query, variables, viewer);
  }

  /** A fresh account; with `password`, it can log in with MATRIX_PASSWORD. */
  async account(
    role: Role,
    options: { establishment?: Establishment; password?: boolean } = {},
  ): Promise<Account> {
    const ds = this.world.app.dataSource;
    const account = await insertUser(ds, {
      role,
      establishmentId: options.establishment?.id ?? null,
    });
    if (options.password) {
      await ds
        .getRepository(AppUser)
        .update({ id: account.user.id }, { passwordHash: this.world.passwordHash });
    }
    return account;
  }

  /**
   * A fresh account standing for the caller (same role and establishment, password MATRIX_PASSWORD),
   * with the caller's kind of viewer: read-only for TOKEN, none for ANONYMOUS.
   */
  async freshCaller(): Promise<{ viewer: Viewer | null; user: AppUser | null }> {
    const role: Role | null =
      this.caller === "ANONYMOUS" ? null : this.caller === "TOKEN" ? "DRAFPIC" : this.caller;
    if (role === null) return { viewer: null, user: null };
    const account = await this.account(role, {
      ...(role === "SCHOOL_HEAD" || role === "SCHOOL_STAFF"
        ? { establishment: this.world.own.establishment }
        : {}),
      password: true,
    });
    return {
      user: account.user,
      viewer: { ...account.viewer, readOnly: this.caller === "TOKEN" },
    };
  }

  /**
   * Establishments no candidature involves yet, for the use cases that check that an establishment
   * takes part in one open candidature at a time (`candidature()` writes straight to the tables and
   * gives the world's establishments many): `mine` stands for the caller's establishment (a school
   * caller is replaced by a fresh account of its role there), `partner` for its network partner,
   * `stranger` for another establishment.
   */
  async freshEstablishments(): Promise<{
    viewer: Viewer | null;
    mine: Establishment;
    partner: Establishment;
    stranger: Establishment;
  }> {
    const ds = this.world.app.dataSource;
    const mine = await insertEstablishment(ds, { departementCode: "13" });
    const partner = await insertEstablishment(ds, { departementCode: "13" });
    const stranger = await insertEstablishment(ds, { departementCode: "06" });
    const viewer =
      this.caller === "SCHOOL_HEAD" || this.caller === "SCHOOL_STAFF"
        ? (await this.account(this.caller, { establishment: mine })).viewer
        : this.viewer;
    return { viewer, mine, partner, stranger };
  }

  /** A fresh API token of `userId`; returns its id. */
  async apiToken(userId: string): Promise<string> {
    const repo = this.world.app.dataSource.getRepository(ApiToken);
    const { token, hash } = newToken(API_TOKEN_PREFIX);
    const saved = await repo.save(
      repo.create({
        userId,
        name: "Jeton de la matrice",
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        tokenHash: hash,
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
        revokedAt: null,
        lastUsedAt: null,
      }),
    );
    return saved.id;
  }

  /** An indicator of the scope's establishment with values on three school years. */
  async indicator(
    candidatureId: string,
    criterionCodes: string[] = [PILOT_CRITERION],
  ): Promise<Indicator> {
    const manager = this.world.app.dataSource.manager;
    const indicator = await manager.getRepository(Indicator).save(
      manager.getRepository(Indicator).create({
        candidatureId,
        establishmentId: this.side.establishment.id,
        name: "Taux d'insertion à 6 mois",
        kind: "QUANTITATIVE",
        unit: "%",
        direction: "HIGHER_IS_BETTER",
        target: null,
        source: "InserJeunes",
        criterionCodes,
      }),
    );
    await manager.getRepository(IndicatorValue).save(
      ["2022-2023", "2023-2024", "2024-2025"].map((schoolYear, i) =>
        manager.getRepository(IndicatorValue).create({
          indicatorId: indicator.id,
          schoolYear,
          numericValue: 60 + i,
          textValue: null,
        }),
      ),
    );
    return indicator;
  }

  /**
   * A fresh candidature on the scope's side: led by (or, with `home: "member"`, including) the scope's
   * establishment, its SCHOOL_STAFF piloting PILOT_CRITERION there, and — in scope `own` — the world's
   * auditor assigned.
   */
  async candidature(options: CandidatureOptions = {}): Promise<CandidatureFixture> {
    const manager = this.world.app.dataSource.manager;
    const side = this.side;
    const home = options.home ?? "lead";
    const kind: CandidatureKind =
      options.kind ?? (home === "member" || options.extraMember ? "NETWORK" : "INDIVIDUAL");
    if (options.complete && kind !== "INDIVIDUAL")
      throw new Error("complete: individual candidatures only");
    const state: CandidatureState =
      options.auditState ??
      (this.caller === "AUDITOR" ? "SUBMITTED" : (options.state ?? "ENGAGEMENT"));
    const engaged = options.engaged === true || options.complete === true;

    const repo = manager.getRepository(Candidature);
    const c = await repo.save(
      repo.create({
        kind,
        awardType: "FIRST_AWARD",
        state,
        referentialVersion: CURRENT_REFERENTIAL_VERSION,
        labelTitle: "Métiers de la matrice",
        auditDate: null,
        publicationDate: null,
        submittedAt: state === "SUBMITTED" ? new Date() : null,
        renewsCandidatureId: null,
      }),
    );

    const members: { establishmentId: string; isLead: boolean }[] = [
      { establishmentId: side.establishment.id, isLead: home === "lead" },
    ];
    if (kind === "NETWORK") {
      members.push({ establishmentId: side.partner.id, isLead: home === "member" });
      if (options.extraMember)
        members.push({ establishmentId: this.world.extra.id, isLead: false });
    }
    const memberRepo = manager.getRepository(CoApplicant);
    await memberRepo.save(
      members.map((m) =>
        memberRepo.create({
          candidatureId: c.id,
          establishmentId: m.establishmentId,
          isLead: m.isLead,
          engagementLetterOn: engaged ? today() : null,
          boardMinutesOn: engaged ? today() : null,
        }),
      ),
    );

    const pilotRepo = manager.getRepository(CriterionPilot);
    const pilotCodes = options.complete ? [...NATIONAL_CRITERION_CODES] : [PILOT_CRITERION];
    const pilots = await pilotRepo.save(
      pilotCodes.map((criterionCode) =>
        pilotRepo.create({
          candidatureId: c.id,
          establishmentId: side.establishment.id,
          criterionCode,
          userId: side.staff.user.id,
        }),
      ),
    );
    const pilot = pilots.find((p) => p.criterionCode === PILOT_CRITERION);
    if (!pilot) throw new Error("pilot fixture missing");

    if (options.complete) {
      const responseRepo = manager.getRepository(CriterionResponse);
      await responseRepo.save(
        NATIONAL_CRITERION_CODES.map((criterionCode) =>
          responseRepo.create({
            candidatureId: c.id,
            establishmentId: side.establishment.id,
            criterionCode,
            narrative: `Démarche d'amélioration continue du critère ${criterionCode}.`,
            planned: "<p>Prévu.</p>",
            done: "<p>Fait.</p>",
            measured: "<p>Mesuré.</p>",
            improved: "<p>Amélioré.</p>",
            selfAssessedLevel: "MET",
            addressedExpectationIds: expectationsFor(
              getCriterion(CURRENT_REFERENTIAL_VERSION, criterionCode),
              kind,
            ).map((e) => e.id),
            version: 1,
          }),
        ),
      );
      await this.indicator(c.id, [...NATIONAL_CRITERION_CODES]);
      await insertEvidence(this.world.app.dataSource, c.id, [...NATIONAL_CRITERION_CODES]);
    }

    const auditorRepo = manager.getRepository(CandidatureAuditor);
    if (this.scope === "own") {
      // The world's auditor has signed the declaration of independence (it reads what it audits).
      await auditorRepo.save(
        auditorRepo.create({
          candidatureId: c.id,
          userId: this.world.auditor.user.id,
          declarationSignedAt: new Date(),
          declarationTextVersion: INDEPENDENCE_DECLARATION_VERSION,
          declaredEstablishmentIds: members.map((m) => m.establishmentId),
          teamRole: options.leadAuditor ? "LEAD" : "MEMBER",
        }),
      );
    }
    let extraAuditorId: string | null = null;
    if (options.extraAuditor) {
      const extra = await this.account("AUDITOR");
      await auditorRepo.save(auditorRepo.create({ candidatureId: c.id, userId: extra.user.id }));
      extraAuditorId = extra.user.id;
    }
    return { id: c.id, establishmentId: side.establishment.id, pilotId: pilot.id, extraAuditorId };
  }
}
