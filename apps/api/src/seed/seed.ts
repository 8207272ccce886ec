/**
 * Idempotent loading of the demo data (fictitious, see `seed-data.ts`).
 *
 * Establishments and candidatures in progress go through the services, so the domain guards
 * apply exactly as for a user. The historical candidatures (labelled, refused) carry past dates
 * that today's guards would refuse: they are written with the repositories, after replaying each
 * of their steps through the domain's lifecycle at the step's own date.
 */
import type { DataSource, EntityManager } from "typeorm";
import {
  academieOfDepartement,
  addDays,
  addMonths,
  applyTransition,
  compareIsoDates,
  assessReadiness,
  criteriaForCandidature,
  CURRENT_REFERENTIAL_VERSION,
  isEngagementComplete,
  type CandidatureState,
  type CriterionCode,
  type IsoDate,
  type OptionalCriterionVariant,
  type ReadinessMember,
  type TransitionName,
} from "@ldm/domain";
import { createContext, parisToday, type RequestContext } from "../context";
import { createEstablishment } from "../modules/establishment/establishment.service";
import { Establishment } from "../modules/establishment/establishment.entity";
import {
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
  CandidatureTransitionRecord,
  CoApplicant,
  CriterionPilot,
  CriterionResponse,
} from "../modules/candidature/candidature.entity";
import {
  ACTIVE_CANDIDATURES,
  DEMO_MARKER_UAI,
  HISTORICAL_CANDIDATURES,
  NARRATIVE_PROFILES,
  SEED_ESTABLISHMENTS,
  STEERING_TEAMS,
  criterionNarrative,
  pilotEmail,
  type ActiveCandidatureSeed,
  type CriterionSelection,
  type EstablishmentKey,
  type HistoricalCandidatureSeed,
  type SeedPilot,
} from "./seed-data";

/** Serialises concurrent seeds: the second one waits, then finds the data and does nothing. */
const SEED_LOCK_KEY = 7_412_305_001;

/**
 * Loads the demo data in one transaction. Returns false, without writing anything, when it is
 * already there (the first seed establishment's UAI exists); true once it has been written.
 */
export async function seedDemoData(dataSource: DataSource): Promise<boolean> {
  const today = parisToday();
  // One date for the whole seed, even if it runs across midnight.
  const ctx: RequestContext = { ...createContext(dataSource), today: () => today };
  return dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    if (await manager.getRepository(Establishment).exists({ where: { uai: DEMO_MARKER_UAI } })) {
      return false;
    }
    const seeder = new Seeder(ctx, manager, today);
    await seeder.establishments();
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

class Seeder {
  private readonly byKey = new Map<EstablishmentKey, SeededEstablishment>();
  /** Strictly increasing creation instants for the history rows written in this transaction. */
  private clock = Date.now();

  constructor(
    private readonly ctx: RequestContext,
    private readonly manager: EntityManager,
    private readonly today: IsoDate,
  ) {}

  async establishments(): Promise<void> {
    for (const e of SEED_ESTABLISHMENTS) {
      const created = await createEstablishment(this.ctx, this.manager, {
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
    const found = this.byKey.get(key);
    if (!found) throw new Error(`Données de démonstration : établissement « ${key} » inconnu.`);
    return found;
  }

  private narrative(key: EstablishmentKey, code: CriterionCode): string {
    const profile = NARRATIVE_PROFILES[key];
    if (!profile) throw new Error(`Données de démonstration : aucun récit pour « ${key} ».`);
    return criterionNarrative(profile, code);
  }

  private pilot(key: EstablishmentKey, code: CriterionCode): SeedPilot {
    const pilot = STEERING_TEAMS[key]?.find((p) => p.criteria.includes(code));
    if (!pilot) {
      throw new Error(
        `Données de démonstration : aucun pilote du critère ${code} pour « ${key} ».`,
      );
    }
    return pilot;
  }

  // --- candidatures in progress, through the services ------------------------------------------

  async activeCandidature(spec: ActiveCandidatureSeed): Promise<void> {
    const { ctx, manager, today } = this;
    const common = {
      awardType: spec.awardType,
      labelTitle: spec.labelTitle,
      optionalCriterionVariant: spec.optionalVariant,
    };
    const [first] = spec.members;
    if (!first) throw new Error(`Données de démonstration : « ${spec.ref} » sans établissement.`);
    const candidature =
      spec.kind === "INDIVIDUAL"
        ? await createIndividualCandidature(ctx, manager, {
            ...common,
            establishmentId: this.establishment(first.establishment).id,
          })
        : await createNetworkCandidature(ctx, manager, {
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
        await recordEngagement(ctx, manager, {
          candidatureId: id,
          establishmentId: this.establishment(m.establishment).id,
          boardMinutesOn: addDays(today, -m.engagement.boardMinutesDaysAgo),
          engagementLetterOn: addDays(today, -m.engagement.letterDaysAgo),
        });
      }
    }
    if (spec.auditInMonths !== null) {
      await scheduleAudit(ctx, manager, {
        candidatureId: id,
        auditDate: onWeekday(addMonths(today, spec.auditInMonths)),
      });
    }

    const opening = spec.transitions.filter((t) => t.transition === "OPEN_DOSSIER");
    const later = spec.transitions.filter((t) => t.transition !== "OPEN_DOSSIER");
    for (const t of opening) await this.transition(id, t.transition, t.comment);

    const codes = criterionCodes(spec.optionalVariant);
    for (const m of spec.members) {
      const establishment = this.establishment(m.establishment);
      for (const code of selected(m.responses, codes)) {
        await updateCriterionResponse(ctx, manager, {
          candidatureId: id,
          establishmentId: establishment.id,
          criterionCode: code,
          narrative: this.narrative(m.establishment, code),
        });
      }
      for (const code of selected(m.pilots, codes)) {
        const pilot = this.pilot(m.establishment, code);
        await assignCriterionPilot(ctx, manager, {
          candidatureId: id,
          establishmentId: establishment.id,
          criterionCode: code,
          fullName: pilot.fullName,
          email: pilotEmail(pilot.fullName, establishment.academie.code),
          jobTitle: pilot.jobTitle,
        });
      }
    }
    for (const [code, text] of Object.entries(spec.commonStrategies)) {
      await updateCommonStrategy(ctx, manager, { candidatureId: id, criterionCode: code, text });
    }

    for (const t of later) await this.transition(id, t.transition, t.comment);
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
    candidatureId: string,
    transition: TransitionName,
    comment: string,
  ): Promise<void> {
    await transitionCandidature(this.ctx, this.manager, { candidatureId, transition, comment });
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
        pilot: this.pilot(m.key, code),
        academie: m.establishment.academie.code,
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
        throw new Error(`Données de démonstration : « ${spec.ref} », étapes dans le désordre.`);
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
      throw new Error(
        `Données de démonstration : « ${spec.ref} » aboutit à l'état ${state} au lieu de ${spec.finalState}.`,
      );
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
          establishmentId: p.establishmentId,
          criterionCode: p.criterionCode,
          fullName: p.pilot.fullName,
          email: pilotEmail(p.pilot.fullName, p.academie),
          jobTitle: p.pilot.jobTitle,
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
  }
}
