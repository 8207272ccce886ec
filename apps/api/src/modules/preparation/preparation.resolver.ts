import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import { readAuditPlanContent } from "@ldm/contracts";
import { auditPlanProblems } from "@ldm/domain";
import type { RequestContext } from "../../context";
import { Candidature } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";
import { auditDayCriteria } from "../schedule/candidature-schedule.resolver";
import {
  domainSlots,
  proposeAuditPlan,
  submitAuditPlan,
  updateAuditPlan,
} from "./audit-plan.service";
import { FILING_RECEIPT_FILE } from "./filing-receipt-pdf";
import {
  AuditPlan,
  PreparatoryVisit,
  PreparatoryVisitAttendee,
  ReferentInspector,
} from "./preparation.entity";
import {
  PlanPreparatoryVisitInput,
  ProposeAuditPlanInput,
  RecordPreparatoryVisitInput,
  SetReferentInspectorInput,
  SubmitAuditPlanInput,
  UpdateAuditPlanInput,
} from "./preparation.input";
import { AuditPlanSlot } from "./preparation.type";
import { planPreparatoryVisit, recordPreparatoryVisit } from "./preparatory-visit.service";
import { setReferentInspector } from "./referent.service";

const INPUT = { description: "Données de l'opération." };

async function candidatureOf(ctx: RequestContext, id: string): Promise<Candidature> {
  const found = await ctx.loaders.candidatureById.load(id);
  if (!found) throw new Error(`Candidature ${id} absente`);
  return found;
}

@Resolver()
export class PreparationResolver {
  @Mutation(() => Establishment, {
    description:
      "Désigne (ou remplace) l'inspecteur référent d'un établissement : un compte d'inspecteur, ou une personne sans compte. DRAFPIC.",
  })
  setReferentInspector(
    @Arg("input", () => SetReferentInspectorInput, INPUT) input: SetReferentInspectorInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => setReferentInspector(tx, input));
  }

  @Mutation(() => PreparatoryVisit, {
    description:
      "Planifie (ou déplace) la visite préparatoire d'une candidature déposée. DRAFPIC. Refusé avant le dépôt, une fois la visite enregistrée, un jour non ouvré ou passé, après la date limite du plan d'audit.",
  })
  planPreparatoryVisit(
    @Arg("input", () => PlanPreparatoryVisitInput, INPUT) input: PlanPreparatoryVisitInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => planPreparatoryVisit(tx, input));
  }

  @Mutation(() => PreparatoryVisit, {
    description:
      "Enregistre la visite préparatoire comme effectuée (participants, notes) : la candidature passe à l'état « Visite préparatoire effectuée ». DRAFPIC.",
  })
  recordPreparatoryVisit(
    @Arg("input", () => RecordPreparatoryVisitInput, INPUT) input: RecordPreparatoryVisitInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => recordPreparatoryVisit(tx, input));
  }

  @Mutation(() => AuditPlan, {
    description:
      "Propose le plan d'audit à partir du générateur de programme (critères de la candidature, présentés par leurs pilotes) ; remplace le brouillon. Chef de l'établissement porteur.",
  })
  proposeAuditPlan(
    @Arg("input", () => ProposeAuditPlanInput, INPUT) input: ProposeAuditPlanInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => proposeAuditPlan(tx, input));
  }

  @Mutation(() => AuditPlan, {
    description:
      "Enregistre les ajustements du plan d'audit (horaires, intervenants, note), vérifiés par les règles de la journée d'audit. Chef de l'établissement porteur.",
  })
  updateAuditPlan(
    @Arg("input", () => UpdateAuditPlanInput, INPUT) input: UpdateAuditPlanInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => updateAuditPlan(tx, input));
  }

  @Mutation(() => AuditPlan, {
    description:
      "Transmet le plan d'audit à la DRAFPIC, après la visite préparatoire et au plus tard deux semaines avant l'audit (DEADLINE_PASSED ensuite) : la candidature passe à l'état « Plan d'audit reçu ». Chef de l'établissement porteur.",
  })
  submitAuditPlan(
    @Arg("input", () => SubmitAuditPlanInput, INPUT) input: SubmitAuditPlanInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => submitAuditPlan(tx, input));
  }
}

@Resolver(() => Establishment)
export class EstablishmentReferentResolver {
  @FieldResolver(() => ReferentInspector, {
    nullable: true,
    description:
      "Inspecteur référent de l'établissement (vide tant que la DRAFPIC ne l'a pas désigné).",
  })
  referentInspector(
    @Root() e: Establishment,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferentInspector | null> {
    return ctx.loaders.referentInspectorByEstablishmentId.load(e.id);
  }
}

@Resolver(() => ReferentInspector)
export class ReferentInspectorResolver {
  @FieldResolver(() => Establishment, { description: "Établissement suivi." })
  async establishment(@Root() r: ReferentInspector, @Ctx() ctx: RequestContext) {
    const found = await ctx.loaders.establishmentById.load(r.establishmentId);
    if (!found) throw new Error(`Établissement ${r.establishmentId} absent`);
    return found;
  }

  @FieldResolver(() => AppUser, {
    nullable: true,
    description: "Compte de l'inspecteur sur la plateforme (vide pour une personne sans compte).",
  })
  user(@Root() r: ReferentInspector, @Ctx() ctx: RequestContext): Promise<AppUser | null> {
    return r.userId ? ctx.loaders.userById.load(r.userId) : Promise.resolve(null);
  }

  @FieldResolver(() => Boolean, {
    description: "Vrai si l'inspecteur a un compte sur la plateforme.",
  })
  hasAccount(@Root() r: ReferentInspector): boolean {
    return r.userId !== null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Nom de l'inspecteur référent (donnée personnelle).",
  })
  async fullName(@Root() r: ReferentInspector, @Ctx() ctx: RequestContext) {
    return r.userId ? ((await ctx.loaders.userById.load(r.userId))?.fullName ?? null) : r.fullName;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Adresse électronique de l'inspecteur référent (donnée personnelle).",
  })
  async email(@Root() r: ReferentInspector, @Ctx() ctx: RequestContext) {
    return r.userId ? ((await ctx.loaders.userById.load(r.userId))?.email ?? null) : r.email;
  }
}

@Resolver(() => Candidature)
export class CandidaturePreparationResolver {
  @FieldResolver(() => PreparatoryVisit, {
    nullable: true,
    description: "Visite préparatoire (planifiée ou effectuée), une fois le dossier déposé.",
  })
  preparatoryVisit(@Root() c: Candidature, @Ctx() ctx: RequestContext) {
    return ctx.loaders.preparatoryVisitByCandidatureId.load(c.id);
  }

  @FieldResolver(() => AuditPlan, {
    nullable: true,
    description: "Plan d'audit enregistré (brouillon ou transmis).",
  })
  auditPlan(@Root() c: Candidature, @Ctx() ctx: RequestContext) {
    return ctx.loaders.auditPlanByCandidatureId.load(c.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Adresse de l'accusé de dépôt (PDF daté des pièces déposées et de leurs empreintes), une fois le dossier déposé.",
  })
  async filingReceiptUrl(@Root() c: Candidature, @Ctx() ctx: RequestContext) {
    const snapshots = await ctx.loaders.snapshotsByCandidatureId.load(c.id);
    return snapshots.length > 0 ? `/exports/candidatures/${c.id}/${FILING_RECEIPT_FILE}` : null;
  }
}

@Resolver(() => PreparatoryVisit)
export class PreparatoryVisitResolver {
  @FieldResolver(() => [PreparatoryVisitAttendee], {
    description:
      "Participants : prévus tant que la visite est planifiée, présents une fois enregistrée.",
  })
  attendees(@Root() v: PreparatoryVisit, @Ctx() ctx: RequestContext) {
    return ctx.loaders.attendeesByVisitId.load(v.id);
  }

  @FieldResolver(() => Boolean, {
    description: "Vrai une fois la visite enregistrée comme effectuée.",
  })
  done(@Root() v: PreparatoryVisit): boolean {
    return v.heldOn !== null;
  }

  @FieldResolver(() => Candidature, { description: "Candidature visitée." })
  candidature(@Root() v: PreparatoryVisit, @Ctx() ctx: RequestContext) {
    return candidatureOf(ctx, v.candidatureId);
  }
}

@Resolver(() => PreparatoryVisitAttendee)
export class PreparatoryVisitAttendeeResolver {
  @FieldResolver(() => Establishment, {
    nullable: true,
    description: "Inspecteur référent : l'établissement dont il est le référent.",
  })
  establishment(@Root() a: PreparatoryVisitAttendee, @Ctx() ctx: RequestContext) {
    return a.establishmentId ? ctx.loaders.establishmentById.load(a.establishmentId) : null;
  }
}

@Resolver(() => AuditPlan)
export class AuditPlanResolver {
  @FieldResolver(() => Int, { description: "Version du contrat de données du plan." })
  schemaVersion(@Root() p: AuditPlan): number {
    return readAuditPlanContent(p.content).schemaVersion;
  }

  @FieldResolver(() => [AuditPlanSlot], {
    description: "Temps de la journée d'audit, dans l'ordre.",
  })
  slots(@Root() p: AuditPlan): AuditPlanSlot[] {
    return readAuditPlanContent(p.content).slots.map((s): AuditPlanSlot => ({
      ...s,
      durationMinutes: minutes(s.end) - minutes(s.start),
    }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Note du chef d'établissement pour la DRAFPIC et les auditeurs.",
  })
  note(@Root() p: AuditPlan): string | null {
    return readAuditPlanContent(p.content).note;
  }

  @FieldResolver(() => Boolean, { description: "Vrai une fois le plan transmis à la DRAFPIC." })
  submitted(@Root() p: AuditPlan): boolean {
    return p.submittedAt !== null;
  }

  @FieldResolver(() => [String], {
    description:
      "Ce qui empêche encore de transmettre ce plan selon les règles de la journée d'audit (par exemple un critère sans intervenant) ; vide s'il est transmissible.",
  })
  async problems(@Root() p: AuditPlan, @Ctx() ctx: RequestContext): Promise<string[]> {
    const c = await candidatureOf(ctx, p.candidatureId);
    const members = await ctx.loaders.membersByCandidatureId.load(c.id);
    let criteria;
    try {
      criteria = auditDayCriteria(c, members);
    } catch (error) {
      return [error instanceof Error ? error.message : String(error)];
    }
    return auditPlanProblems(domainSlots(readAuditPlanContent(p.content)), {
      criteria,
      auditDate: c.auditDate,
      requireSpeakers: true,
    });
  }

  @FieldResolver(() => Candidature, { description: "Candidature auditée." })
  candidature(@Root() p: AuditPlan, @Ctx() ctx: RequestContext) {
    return candidatureOf(ctx, p.candidatureId);
  }
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
}
