/**
 * The demo data from the submission of a dossier to the BOEN (`seed-procedure-data.ts`): every step
 * goes through the use case that carries it — inspecteurs référents, preparatory visit, audit plan,
 * audit team and declarations, the auditors' grids, the team's assessment, findings and report, GRALM
 * sessions, CAEN, rectors, BOEN — as the user who would do it, on the step's own day (a past day is
 * given to the use case as a clock stopped that day). The domain's rules, the audit trail and the
 * events are the services' own: a step the rules refuse fails the seed.
 */
import { randomUUID } from "node:crypto";
import { readAuditPlanContent } from "@ldm/contracts";
import {
  addDays,
  compareIsoDates,
  criteriaForCandidature,
  CURRENT_REFERENTIAL_VERSION,
  expectationsFor,
  formatFrenchDate,
  getCriterion,
  INDEPENDENCE_DECLARATION_VERSION,
  isWorkingDay,
  nextWorkingDay,
  type AttainmentLevel,
  type AwardType,
  type CandidatureKind,
  type CriterionCode,
  type IsoDate,
  type OptionalCriterionVariant,
} from "@ldm/domain";
import type { TransactionContext } from "../context";
import type { AppUser } from "../modules/identity/user.entity";
import { Candidature } from "../modules/candidature/candidature.entity";
import { transitionCandidature } from "../modules/procedure/procedure.service";
import { setReferentInspector } from "../modules/preparation/referent.service";
import {
  planPreparatoryVisit,
  recordPreparatoryVisit,
} from "../modules/preparation/preparatory-visit.service";
import {
  proposeAuditPlan,
  submitAuditPlan,
  updateAuditPlan,
} from "../modules/preparation/audit-plan.service";
import type { VisitAttendeeInput } from "../modules/preparation/preparation.input";
import { setAuditTeam, signAuditDeclaration } from "../modules/assessment/audit-team.service";
import { saveAssessmentDraft, saveTeamAssessment } from "../modules/assessment/assessment.service";
import { saveAuditCommitment, saveImprovementArea } from "../modules/assessment/findings.service";
import { finaliseAuditReport, saveAuditReport } from "../modules/assessment/audit-report.service";
import {
  addCandidatureToGralmSession,
  createGralmSession,
  recordGralmProposal,
} from "../modules/decision/gralm.service";
import { recordMidTermReview } from "../modules/follow-up/mid-term-review.service";
import {
  recordBoenPublication,
  recordCaenOpinion,
  recordRectorDecision,
} from "../modules/decision/decision.service";
import {
  DOSSIER_PROFILES,
  OPENING_COMMENT,
  SEED_ESTABLISHMENTS,
  type ActiveMemberSeed,
  type EstablishmentKey,
  type NetworkEvidenceSeed,
} from "./seed-data";
import {
  DECISIONS,
  GRALM_SESSIONS,
  GRID_NOTES,
  PROCEDURE_CANDIDATURES,
  PROCEDURE_STAGES,
  REFERENT_INSPECTORS,
  type AuditSeed,
  type LevelsSeed,
  type ProcedureCandidatureSeed,
  type ProcedureDays,
  type ProcedureStage,
} from "./seed-procedure-data";

/** The lead auditor and the member of every audit team of the demo. */
const LEAD_AUDITOR = "auditrice@demo.ldm.fr";
const MEMBER_AUDITOR = "cee@demo.ldm.fr";

/** A member of a candidature whose dossier the seed writes, with its engagement's dates. */
export interface DossierMember extends Omit<ActiveMemberSeed, "engagement"> {
  engagement: { boardMinutesOn: IsoDate; engagementLetterOn: IsoDate } | null;
}

/**
 * A candidature up to its submission: created, engaged, its audit date fixed, its dossier opened,
 * written, approved by the co-applicants' heads and submitted, each on its day.
 */
export interface DossierPlan {
  ref: string;
  kind: CandidatureKind;
  awardType: AwardType;
  labelTitle: string;
  members: readonly DossierMember[];
  commonStrategies: Partial<Record<string, string>>;
  networkEvidence: readonly NetworkEvidenceSeed[];
  createdOn: IsoDate;
  /** The day DRAFPIC records the engagement documents. */
  engagedOn: IsoDate;
  audit: { date: IsoDate; scheduledOn: IsoDate } | null;
  opening: { on: IsoDate; comment: string } | null;
  /** Nothing of the dossier is dated after that day (today, or just before the submission). */
  writtenUntil: IsoDate;
  submission: { on: IsoDate; approvedOn: IsoDate; comment: string } | null;
}

/** What the procedure's seeding needs from the seed (`seed.ts`). */
export interface SeedWorld {
  readonly today: IsoDate;
  /** A request by `user` on `on` (today, or a past day: a clock stopped that day). */
  at(user: AppUser, on: IsoDate): TransactionContext;
  user(email: string): AppUser;
  drafpicUser(): AppUser;
  headUser(key: EstablishmentKey): AppUser;
  establishmentOf(key: EstablishmentKey): { id: string; name: string; departementCode: string };
  /** Gives the steps just recorded for a candidature their creation instants on `on`, in order. */
  stampSteps(candidatureId: string, on: IsoDate): Promise<void>;
  /** Creates a candidature and writes its dossier up to its submission; returns its id. */
  writeCandidature(plan: DossierPlan): Promise<string>;
}

/** « BO n° 14 du 3 avril 2025 »: the (fictitious) reference of a BOEN published on `date`. */
export function boenReference(date: IsoDate): string {
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  const day = (new Date(`${date}T00:00:00Z`).getTime() - start) / 86_400_000;
  return `BO n° ${Math.floor(day / 7) + 1} du ${formatFrenchDate(date)}`;
}

/** The working day on or before a past `date`, on or after a future one. */
export function workingDayOf(date: IsoDate, today: IsoDate): IsoDate {
  if (compareIsoDates(date, today) >= 0) return isWorkingDay(date) ? date : nextWorkingDay(date);
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

function fail(message: string): never {
  throw new Error(`Données de démonstration : ${message}`);
}

function reached(stage: ProcedureStage, step: ProcedureStage): boolean {
  return PROCEDURE_STAGES.indexOf(stage) >= PROCEDURE_STAGES.indexOf(step);
}

function criteriaOf(variant: OptionalCriterionVariant | null): CriterionCode[] {
  return criteriaForCandidature(CURRENT_REFERENTIAL_VERSION, variant).map((c) => c.code);
}

export class ProcedureSeeder {
  /** The candidatures seeded here, by their key in the data. */
  private readonly ids = new Map<string, string>();

  constructor(private readonly world: SeedWorld) {}

  /** Days from today → a working day. */
  private day(inDays: number): IsoDate {
    return workingDayOf(addDays(this.world.today, inDays), this.world.today);
  }

  private at(email: string, on: IsoDate): TransactionContext {
    return this.world.at(this.world.user(email), on);
  }

  private drafpic(on: IsoDate): TransactionContext {
    return this.world.at(this.world.drafpicUser(), on);
  }

  private idOf(key: string): string {
    return this.ids.get(key) ?? fail(`candidature « ${key} » inconnue.`);
  }

  /** Every establishment's inspecteur référent, designated by DRAFPIC. */
  async referentInspectors(): Promise<void> {
    const ctx = this.drafpic(this.world.today);
    for (const e of SEED_ESTABLISHMENTS) {
      const referent =
        REFERENT_INSPECTORS[e.departementCode] ?? fail(`aucun référent pour « ${e.key} ».`);
      const establishmentId = this.world.establishmentOf(e.key).id;
      await setReferentInspector(
        ctx,
        "account" in referent
          ? { establishmentId, userId: this.world.user(referent.account).id }
          : { establishmentId, fullName: referent.fullName, email: referent.email },
      );
    }
  }

  async candidatures(): Promise<void> {
    for (const spec of PROCEDURE_CANDIDATURES) await this.candidature(spec);
    await this.gralmSessions();
    await this.decisions();
  }

  /** A candidature from its creation to the stage of its data. */
  private async candidature(spec: ProcedureCandidatureSeed): Promise<void> {
    const d = spec.days;
    const day = (n: number) => this.day(n);
    const audit = await this.freeAuditDay(day(d.audit));
    const id = await this.world.writeCandidature({
      ref: spec.ref,
      kind: spec.kind,
      awardType: spec.awardType,
      labelTitle: spec.labelTitle,
      members: spec.members.map((m, index) => ({
        ...m,
        engagement: {
          boardMinutesOn: day(d.engaged + 3 * index),
          engagementLetterOn: day(d.engaged + 3 * index + 12),
        },
        responses: "ALL",
        drafts: [],
        byHand: [],
        pilots: "ALL",
      })),
      commonStrategies: spec.commonStrategies,
      networkEvidence: spec.networkEvidence,
      createdOn: day(d.created),
      engagedOn: day(d.opened),
      audit: { date: audit, scheduledOn: day(d.scheduled) },
      opening: { on: day(d.opened), comment: OPENING_COMMENT },
      writtenUntil: day(d.submitted - 3),
      submission: {
        on: day(d.submitted),
        approvedOn: day(d.submitted - 2),
        comment: spec.submissionComment,
      },
    });
    this.ids.set(spec.key, id);

    await this.team(id, d);
    await this.visit(spec, id, d, audit);
    if (!reached(spec.stage, "PREPARATORY_VISIT_DONE")) return;
    await this.auditPlan(spec, id, d);
    if (!reached(spec.stage, "AUDIT_PLAN_RECEIVED")) return;
    const story = spec.audit ?? fail(`« ${spec.ref} » : l'audit n'est pas décrit.`);
    await this.drafts(spec, id, story, day(d.drafts));
    if (!reached(spec.stage, "AUDITED")) return;
    await this.audit(spec, id, story, d);
  }

  /**
   * The audit date in the data, moved to the next (future) or previous (past) working day while
   * another candidature has its audit that day: the demo auditors audit every candidature, and an
   * auditor takes part in one audit a day.
   */
  private async freeAuditDay(wanted: IsoDate): Promise<IsoDate> {
    const rows = (await this.drafpic(this.world.today).manager.query(
      "SELECT audit_date::text AS date FROM candidature WHERE audit_date IS NOT NULL",
    )) as { date: string }[];
    const taken = new Set(rows.map((r) => r.date));
    const future = compareIsoDates(wanted, this.world.today) > 0;
    let date = wanted;
    while (taken.has(date)) date = workingDayOf(addDays(date, future ? 1 : -1), this.world.today);
    return date;
  }

  /** DRAFPIC composes the team (the inspector leads); each auditor signs the declaration. */
  private async team(id: string, d: ProcedureDays): Promise<void> {
    await setAuditTeam(this.drafpic(this.day(d.team)), {
      candidatureId: id,
      members: [
        { userId: this.world.user(LEAD_AUDITOR).id, teamRole: "LEAD" },
        { userId: this.world.user(MEMBER_AUDITOR).id, teamRole: "MEMBER" },
      ],
    });
    for (const [index, email] of [LEAD_AUDITOR, MEMBER_AUDITOR].entries()) {
      await signAuditDeclaration(this.at(email, this.day(d.team + 1 + index)), {
        candidatureId: id,
        textVersion: INDEPENDENCE_DECLARATION_VERSION,
        noConflictOfInterest: true,
      });
    }
  }

  /** DRAFPIC plans the visit with the establishments' référents, then records it once held. */
  private async visit(
    spec: ProcedureCandidatureSeed,
    id: string,
    d: ProcedureDays,
    audit: IsoDate,
  ): Promise<void> {
    const attendees = this.attendees(spec.members.map((m) => m.establishment));
    const visitOn = this.day(d.visit);
    if (compareIsoDates(visitOn, audit) >= 0) fail(`« ${spec.ref} » : visite après l'audit.`);
    await planPreparatoryVisit(this.drafpic(this.day(d.visitPlanned)), {
      candidatureId: id,
      plannedOn: visitOn,
      attendees,
      notes: spec.visitNotes,
    });
    if (!reached(spec.stage, "PREPARATORY_VISIT_DONE")) return;
    await recordPreparatoryVisit(this.drafpic(visitOn), {
      candidatureId: id,
      heldOn: visitOn,
      attendees,
      notes: spec.visitNotes,
    });
    await this.world.stampSteps(id, visitOn);
  }

  /** DRAFPIC (the demo account) and the establishments' référents; one of several members comes once. */
  private attendees(members: readonly EstablishmentKey[]): VisitAttendeeInput[] {
    const attendees: VisitAttendeeInput[] = [
      { kind: "DRAFPIC", userId: this.world.drafpicUser().id },
    ];
    const referents = new Set<string>();
    for (const key of members) {
      const establishment = this.world.establishmentOf(key);
      const referent = REFERENT_INSPECTORS[establishment.departementCode];
      const who = referent && ("account" in referent ? referent.account : referent.fullName);
      if (!who || referents.has(who)) continue;
      referents.add(who);
      attendees.push({ kind: "REFERENT_INSPECTOR", establishmentId: establishment.id });
    }
    return attendees;
  }

  /**
   * The mid-term follow-up of a label written as history: DRAFPIC records it on its day with the
   * référents (RECORD_MID_TERM_REVIEW); the historical audits took no commitment on the platform.
   */
  async midTermReview(
    candidatureId: string,
    members: readonly EstablishmentKey[],
    heldOn: IsoDate,
    findings: string,
  ): Promise<void> {
    await recordMidTermReview(this.drafpic(heldOn), {
      candidatureId,
      heldOn,
      attendees: this.attendees(members),
      findings,
      commitments: [],
    });
    await this.world.stampSteps(candidatureId, heldOn);
  }

  /**
   * The lead's head starts the plan from the schedule generator's proposal (each criterion presented
   * by its pilots), adds a note, and sends it when the candidature goes further.
   */
  private async auditPlan(
    spec: ProcedureCandidatureSeed,
    id: string,
    d: ProcedureDays,
  ): Promise<void> {
    const lead = spec.members.find((m) => m.isLead) ?? fail(`« ${spec.ref} » sans porteur.`);
    const head = this.world.headUser(lead.establishment);
    const proposedOn = this.day(d.planProposed);
    const proposed = await proposeAuditPlan(this.world.at(head, proposedOn), {
      candidatureId: id,
    });
    const adjusted = await updateAuditPlan(this.world.at(head, proposedOn), {
      candidatureId: id,
      expectedVersion: proposed.version,
      slots: readAuditPlanContent(proposed.content).slots.map((s) => ({ ...s })),
      note: spec.planNote,
    });
    if (!reached(spec.stage, "AUDIT_PLAN_RECEIVED")) return;
    const sentOn = this.day(d.planSubmitted);
    await submitAuditPlan(this.world.at(head, sentOn), {
      candidatureId: id,
      expectedVersion: adjusted.version,
    });
    await this.world.stampSteps(id, sentOn);
  }

  /** The school's self-assessed level of a member on a criterion (see `DossierProfile.levels`). */
  private selfLevel(key: EstablishmentKey, code: CriterionCode): AttainmentLevel {
    return DOSSIER_PROFILES[key]?.levels[code] ?? "MET";
  }

  private level(levels: LevelsSeed, key: EstablishmentKey, code: CriterionCode): AttainmentLevel {
    return levels[key]?.[code] ?? this.selfLevel(key, code);
  }

  /**
   * Each auditor's draft, from the frozen dossier: a level on every criterion of every establishment
   * (the school's, except where the data says otherwise) and a few expectations.
   */
  private async drafts(
    spec: ProcedureCandidatureSeed,
    id: string,
    story: AuditSeed,
    on: IsoDate,
  ): Promise<void> {
    const lead = spec.members.find((m) => m.isLead) ?? fail(`« ${spec.ref} » sans porteur.`);
    const expectationIds = expectationsFor(
      getCriterion(CURRENT_REFERENTIAL_VERSION, story.expectations.criterion),
      spec.kind,
    ).map((e) => e.id);
    const auditors = [
      { email: LEAD_AUDITOR, draft: story.leadDraft, expectations: story.expectations.lead },
      { email: MEMBER_AUDITOR, draft: story.memberDraft, expectations: story.expectations.member },
    ];
    for (const { email, draft, expectations } of auditors) {
      const ctx = this.at(email, on);
      const notes = (code: CriterionCode) =>
        email === LEAD_AUDITOR ? GRID_NOTES[code].inspector : GRID_NOTES[code].cee;
      for (const m of spec.members) {
        const establishmentId = this.world.establishmentOf(m.establishment).id;
        for (const code of criteriaOf(m.optionalVariant)) {
          await saveAssessmentDraft(ctx, {
            writeId: randomUUID(),
            candidatureId: id,
            establishmentId,
            criterionCode: code,
            expectationId: null,
            level: this.level(draft, m.establishment, code),
            comment: notes(code),
            strengths: email === LEAD_AUDITOR ? GRID_NOTES[code].strengths : "",
          });
        }
      }
      for (const [index, level] of expectations.entries()) {
        await saveAssessmentDraft(ctx, {
          writeId: randomUUID(),
          candidatureId: id,
          establishmentId: this.world.establishmentOf(lead.establishment).id,
          criterionCode: story.expectations.criterion,
          expectationId: expectationIds[index] ?? fail(`« ${spec.ref} » : attendu ${index}.`),
          level,
          comment: "",
          strengths: "",
        });
      }
    }
  }

  /**
   * The audit day and what follows: the lead auditor records the audit, consolidates the team's
   * levels, the team writes its improvement areas (the CEE the minor ones) and commitments, the lead
   * drafts the report and finalises it (which hands it in) when the candidature went that far.
   */
  private async audit(
    spec: ProcedureCandidatureSeed,
    id: string,
    story: AuditSeed,
    d: ProcedureDays,
  ): Promise<void> {
    const auditOn = await this.auditDateOf(id);
    await transitionCandidature(this.at(LEAD_AUDITOR, auditOn), {
      candidatureId: id,
      transition: "RECORD_AUDIT",
      comment:
        "Journée d'audit conduite sur site par l'équipe d'audit, conclusions orales données à l'équipe de direction.",
    });
    await this.world.stampSteps(id, auditOn);

    const consolidatedOn = this.day(d.consolidated);
    const lead = this.at(LEAD_AUDITOR, consolidatedOn);
    for (const m of spec.members) {
      const establishmentId = this.world.establishmentOf(m.establishment).id;
      for (const code of criteriaOf(m.optionalVariant)) {
        if (story.consolidated && !story.consolidated.includes(code)) continue;
        const level =
          story.team[m.establishment]?.[code] ?? this.level(story.leadDraft, m.establishment, code);
        await saveTeamAssessment(lead, {
          writeId: randomUUID(),
          candidatureId: id,
          establishmentId,
          criterionCode: code,
          expectationId: null,
          level,
          comment: GRID_NOTES[code].inspector,
          strengths: GRID_NOTES[code].strengths,
        });
      }
    }
    const areas = new Map<string, string>();
    for (const area of story.improvementAreas) {
      const author = area.severity === "MAJOR" ? LEAD_AUDITOR : MEMBER_AUDITOR;
      const saved = await saveImprovementArea(this.at(author, consolidatedOn), {
        id: randomUUID(),
        writeId: randomUUID(),
        candidatureId: id,
        establishmentId: area.establishment && this.world.establishmentOf(area.establishment).id,
        criterionCode: area.criterion,
        severity: area.severity,
        description: area.description,
      });
      areas.set(area.key, saved.row.id);
    }
    for (const commitment of story.commitments) {
      await saveAuditCommitment(lead, {
        id: randomUUID(),
        writeId: randomUUID(),
        candidatureId: id,
        establishmentId:
          commitment.establishment && this.world.establishmentOf(commitment.establishment).id,
        criterionCode: commitment.criterion,
        improvementAreaId: commitment.area
          ? (areas.get(commitment.area) ?? fail(`axe « ${commitment.area} » inconnu.`))
          : null,
        description: commitment.description,
        owner: commitment.owner,
        dueOn: addDays(this.world.today, commitment.dueInDays),
      });
    }
    const report = await saveAuditReport(this.at(LEAD_AUDITOR, this.day(d.reportDrafted)), {
      writeId: randomUUID(),
      candidatureId: id,
      recommendation: story.report.recommendation,
      summary: story.report.summary.join("\n\n"),
      proposedLabelTitle: story.report.proposedLabelTitle,
    });
    if (!reached(spec.stage, "REPORT_SUBMITTED")) return;
    const finalisedOn = this.day(d.finalised);
    await finaliseAuditReport(this.at(LEAD_AUDITOR, finalisedOn), {
      writeId: randomUUID(),
      candidatureId: id,
      baseVersion: report.row.version,
    });
    await this.world.stampSteps(id, finalisedOn);
  }

  private async auditDateOf(id: string): Promise<IsoDate> {
    const c = await this.drafpic(this.world.today)
      .manager.getRepository(Candidature)
      .findOneByOrFail({ id });
    return c.auditDate ?? fail("date d'audit absente.");
  }

  /**
   * DRAFPIC creates each session, puts its candidatures on the agenda, and records the proposals of
   * the sessions already held, on their day.
   */
  private async gralmSessions(): Promise<void> {
    for (const s of GRALM_SESSIONS) {
      const sessionDate = this.day(s.inDays);
      const createdOn = this.day(s.createdInDays);
      const created = this.drafpic(createdOn);
      const session = await createGralmSession(created, {
        sessionDate,
        members: s.members.map((m) => ({ ...m })),
        notes: s.notes,
      });
      for (const item of s.agenda) {
        await addCandidatureToGralmSession(created, {
          sessionId: session.id,
          candidatureId: this.idOf(item.candidature),
        });
      }
      for (const item of s.agenda) {
        if (item.proposal === null) continue;
        const candidatureId = this.idOf(item.candidature);
        await recordGralmProposal(this.drafpic(sessionDate), {
          sessionId: session.id,
          candidatureId,
          proposal: item.proposal,
          motivation: item.motivation,
        });
        await this.world.stampSteps(candidatureId, sessionDate);
      }
    }
  }

  /** The CAEN's opinions, the rectors' decisions and the BOEN publications, each on its day. */
  private async decisions(): Promise<void> {
    for (const decision of DECISIONS) {
      const candidatureId = this.idOf(decision.candidature);
      const opinionDate = this.day(decision.caen.inDays);
      await recordCaenOpinion(this.drafpic(opinionDate), {
        candidatureId,
        opinionDate,
        opinion: decision.caen.opinion,
        comment: decision.caen.comment,
      });
      await this.world.stampSteps(candidatureId, opinionDate);
      for (const rector of decision.rectors) {
        const decidedOn = this.day(rector.inDays);
        await recordRectorDecision(this.drafpic(decidedOn), {
          candidatureId,
          academieCode: rector.academie,
          decidedOn,
          outcomes: Object.entries(rector.outcomes).map(([key, outcome]) => ({
            establishmentId: this.world.establishmentOf(key as EstablishmentKey).id,
            outcome,
          })),
          comment: rector.comment,
        });
        await this.world.stampSteps(candidatureId, decidedOn);
      }
      if (decision.boenInDays !== null) {
        const publicationDate = this.day(decision.boenInDays);
        await recordBoenPublication(this.drafpic(publicationDate), {
          candidatureId,
          publicationDate,
          boenReference: boenReference(publicationDate),
        });
        await this.world.stampSteps(candidatureId, publicationDate);
      }
    }
  }
}
