import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  assessReadiness,
  availableTransitions,
  candidatureDeadlines,
  CANDIDATURE_STATE_LABELS,
  criteriaForMember,
  getReferential,
  type OptionalCriterionVariant,
  type TransitionName,
} from "@ldm/domain";
import type { RequestContext } from "../../context";
import { CandidatureTransitionEnum, OptionalCriterionVariantEnum } from "../../common/enums";
import { connectionType } from "../../common/pagination";
import { Establishment } from "../establishment/establishment.entity";
import { CriterionType, toCriterionType } from "../referential/referential.type";
import {
  Candidature,
  CandidatureTransitionRecord,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "./candidature.entity";
import {
  AddCoApplicantInput,
  AssignCriterionPilotInput,
  CandidatureArgs,
  CandidaturesArgs,
  CreateIndividualCandidatureInput,
  CreateNetworkCandidatureInput,
  RecordEngagementInput,
  RemoveCoApplicantInput,
  RemoveCriterionPilotInput,
  ScheduleAuditInput,
  SetOptionalCriterionInput,
  TransitionCandidatureInput,
  UpdateCommonStrategyInput,
  UpdateCriterionResponseInput,
} from "./candidature.input";
import { AuditorAssignmentInput } from "../identity/identity.input";
import { AppUser } from "../identity/user.entity";
import * as service from "./candidature.service";
import { candidatureCriteria, leadOptionalCriterionVariant } from "./candidature-criteria";
import * as responses from "../dossier/criterion-response.service";
import * as procedure from "../procedure/procedure.service";
import { Deadline, Readiness } from "./candidature.type";
import { loadDossierRowsBatched, readinessInputOf } from "../dossier/dossier-data";

export const CandidatureConnection = connectionType(Candidature, "Candidature", "candidatures");

async function establishmentOf(ctx: RequestContext, id: string): Promise<Establishment> {
  const found = await ctx.loaders.establishmentById.load(id);
  if (!found) throw new Error(`Établissement ${id} absent`);
  return found;
}

@Resolver(() => Candidature)
export class CandidatureResolver {
  // --- queries -------------------------------------------------------------------------------
  @Query(() => Candidature, { description: "Une candidature par son identifiant." })
  candidature(@Args(() => CandidatureArgs) { id }: CandidatureArgs, @Ctx() ctx: RequestContext) {
    return service.getCandidature(ctx, id);
  }

  @Query(() => CandidatureConnection, {
    description: "Candidatures, les plus récentes d'abord, avec filtres et pagination par curseur.",
  })
  candidatures(@Args(() => CandidaturesArgs) args: CandidaturesArgs, @Ctx() ctx: RequestContext) {
    return service.listCandidatures(ctx, args);
  }

  // --- mutations (each one transaction) ----------------------------------------------------
  @Mutation(() => Candidature, {
    description: "Crée une candidature individuelle (état : engagement).",
  })
  createIndividualCandidature(
    @Arg("input", () => CreateIndividualCandidatureInput, {
      description: "Données de l'opération.",
    })
    input: CreateIndividualCandidatureInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.createIndividualCandidature(tx, input));
  }

  @Mutation(() => Candidature, {
    description:
      "Crée une candidature en réseau : au moins deux établissements cocandidats, dont un seul porteur.",
  })
  createNetworkCandidature(
    @Arg("input", () => CreateNetworkCandidatureInput, { description: "Données de l'opération." })
    input: CreateNetworkCandidatureInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.createNetworkCandidature(tx, input));
  }

  @Mutation(() => Candidature, {
    description: "Ajoute un établissement cocandidat à une candidature en réseau.",
  })
  addCoApplicant(
    @Arg("input", () => AddCoApplicantInput, { description: "Données de l'opération." })
    input: AddCoApplicantInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.addCoApplicant(tx, input));
  }

  @Mutation(() => Candidature, {
    description:
      "Retire un établissement cocandidat (pas le porteur ; un réseau garde au moins deux établissements).",
  })
  removeCoApplicant(
    @Arg("input", () => RemoveCoApplicantInput, { description: "Données de l'opération." })
    input: RemoveCoApplicantInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.removeCoApplicant(tx, input));
  }

  @Mutation(() => Candidature, {
    description: "Ajoute, change ou abandonne le critère régional optionnel n° 9.",
  })
  setOptionalCriterion(
    @Arg("input", () => SetOptionalCriterionInput, { description: "Données de l'opération." })
    input: SetOptionalCriterionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.setOptionalCriterion(tx, input));
  }

  @Mutation(() => CriterionResponse, {
    description: "Enregistre la réponse d'un établissement sur un critère.",
  })
  updateCriterionResponse(
    @Arg("input", () => UpdateCriterionResponseInput, { description: "Données de l'opération." })
    input: UpdateCriterionResponseInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => responses.updateCriterionResponse(tx, input));
  }

  @Mutation(() => CommonStrategy, {
    description:
      "Enregistre une stratégie commune de réseau (critères 4, 5, 6, 8) ; une version périmée est refusée (CONFLICT).",
  })
  updateCommonStrategy(
    @Arg("input", () => UpdateCommonStrategyInput, { description: "Données de l'opération." })
    input: UpdateCommonStrategyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => responses.updateCommonStrategy(tx, input));
  }

  @Mutation(() => CriterionPilot, {
    description: "Désigne un pilote de critère pour un établissement.",
  })
  assignCriterionPilot(
    @Arg("input", () => AssignCriterionPilotInput, { description: "Données de l'opération." })
    input: AssignCriterionPilotInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => responses.assignCriterionPilot(tx, input));
  }

  @Mutation(() => Candidature, { description: "Retire un pilote de critère." })
  removeCriterionPilot(
    @Arg("input", () => RemoveCriterionPilotInput, { description: "Données de l'opération." })
    input: RemoveCriterionPilotInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => responses.removeCriterionPilot(tx, input));
  }

  @Mutation(() => Candidature, {
    description:
      "Enregistre la lettre d'engagement et le procès-verbal du conseil d'administration d'un établissement.",
  })
  recordEngagement(
    @Arg("input", () => RecordEngagementInput, { description: "Données de l'opération." })
    input: RecordEngagementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => procedure.recordEngagement(tx, input));
  }

  @Mutation(() => Candidature, { description: "Programme (ou reprogramme) la date de l'audit." })
  scheduleAudit(
    @Arg("input", () => ScheduleAuditInput, { description: "Données de l'opération." })
    input: ScheduleAuditInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => procedure.scheduleAudit(tx, input));
  }

  @Mutation(() => Candidature, {
    description:
      "Fait franchir une étape de la procédure ; les conditions sont celles de la machine à états du domaine.",
  })
  transitionCandidature(
    @Arg("input", () => TransitionCandidatureInput, { description: "Données de l'opération." })
    input: TransitionCandidatureInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => procedure.transitionCandidature(tx, input));
  }

  @Mutation(() => Candidature, { description: "Affecte un auditeur à une candidature (DRAFPIC)." })
  assignAuditor(
    @Arg("input", () => AuditorAssignmentInput, { description: "Données de l'opération." })
    input: AuditorAssignmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => procedure.assignAuditor(tx, input));
  }

  @Mutation(() => Candidature, { description: "Retire un auditeur d'une candidature (DRAFPIC)." })
  unassignAuditor(
    @Arg("input", () => AuditorAssignmentInput, { description: "Données de l'opération." })
    input: AuditorAssignmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => procedure.unassignAuditor(tx, input));
  }

  // --- fields --------------------------------------------------------------------------------
  @FieldResolver(() => String, { description: "Libellé de l'état." })
  stateLabel(@Root() c: Candidature): string {
    return CANDIDATURE_STATE_LABELS[c.state];
  }

  @FieldResolver(() => [CoApplicant], {
    description: "Établissements candidats, le porteur en premier.",
  })
  members(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<CoApplicant[]> {
    return ctx.loaders.membersByCandidatureId.load(c.id);
  }

  @FieldResolver(() => Establishment, { description: "Établissement porteur." })
  async leadEstablishment(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<Establishment> {
    const members = await ctx.loaders.membersByCandidatureId.load(c.id);
    const lead = members.find((m) => m.isLead);
    if (!lead) throw new Error(`Candidature ${c.id} sans porteur`);
    return establishmentOf(ctx, lead.establishmentId);
  }

  @FieldResolver(() => OptionalCriterionVariantEnum, {
    nullable: true,
    description: "Variante du critère 9 choisie par l'établissement porteur (aucune si vide).",
    deprecationReason:
      "Chaque établissement choisit son critère 9 : lire `members { optionalCriterionVariant }`.",
  })
  async optionalCriterionVariant(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<OptionalCriterionVariant | null> {
    return leadOptionalCriterionVariant(await ctx.loaders.membersByCandidatureId.load(c.id));
  }

  @FieldResolver(() => [CriterionType], {
    description:
      "Critères du dossier : les 8 critères nationaux et chaque variante du critère 9 choisie par au moins un établissement, avec les attendus propres au type de candidature (sans les attendus réservés aux réseaux pour une candidature individuelle).",
  })
  async criteria(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<CriterionType[]> {
    const referential = getReferential(c.referentialVersion);
    const members = await ctx.loaders.membersByCandidatureId.load(c.id);
    return candidatureCriteria(c, members).map((x) => toCriterionType(referential, x));
  }

  @FieldResolver(() => [CriterionResponse], {
    description:
      "Réponses des établissements sur les critères qu'ils retiennent (critère 9 : la variante choisie par chacun).",
  })
  async responses(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<CriterionResponse[]> {
    const [members, responses] = await Promise.all([
      ctx.loaders.membersByCandidatureId.load(c.id),
      ctx.loaders.responsesByCandidatureId.load(c.id),
    ]);
    const answered = new Map(
      members.map((m) => [
        m.establishmentId,
        new Set<string>(
          criteriaForMember(c.referentialVersion, c.kind, m.optionalCriterionVariant).map(
            (x) => x.code,
          ),
        ),
      ]),
    );
    return responses.filter((r) => answered.get(r.establishmentId)?.has(r.criterionCode));
  }

  @FieldResolver(() => [CommonStrategy], { description: "Stratégies communes du réseau." })
  commonStrategies(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<CommonStrategy[]> {
    return ctx.loaders.commonStrategiesByCandidatureId.load(c.id);
  }

  @FieldResolver(() => [CriterionPilot], { description: "Pilotes de critère." })
  pilots(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<CriterionPilot[]> {
    return ctx.loaders.pilotsByCandidatureId.load(c.id);
  }

  @FieldResolver(() => [AppUser], { description: "Auditeurs affectés à la candidature." })
  async auditors(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<AppUser[]> {
    const rows = await ctx.loaders.auditorsByCandidatureId.load(c.id);
    const users = await ctx.loaders.userById.loadMany(rows.map((r) => r.userId));
    return users.filter((u): u is AppUser => u instanceof AppUser);
  }

  @FieldResolver(() => [Deadline], {
    description: "Échéances connues de la procédure, dans l'ordre.",
  })
  deadlines(@Root() c: Candidature): Deadline[] {
    return candidatureDeadlines({ auditDate: c.auditDate, publicationDate: c.publicationDate });
  }

  @FieldResolver(() => [CandidatureTransitionEnum], {
    description: "Étapes que la procédure permet depuis l'état actuel.",
  })
  availableTransitions(@Root() c: Candidature): TransitionName[] {
    return availableTransitions(c.state);
  }

  @FieldResolver(() => [CandidatureTransitionRecord], {
    description: "Historique des étapes franchies.",
  })
  history(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<CandidatureTransitionRecord[]> {
    return ctx.loaders.transitionsByCandidatureId.load(c.id);
  }

  @FieldResolver(() => Readiness, {
    description: "Ce qui manque encore au dossier pour être déposé.",
  })
  async readiness(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<Readiness> {
    return assessReadiness(readinessInputOf(await loadDossierRowsBatched(ctx, c)));
  }
}

@Resolver(() => CoApplicant)
export class CoApplicantResolver {
  @FieldResolver(() => Establishment, { description: "L'établissement." })
  establishment(@Root() m: CoApplicant, @Ctx() ctx: RequestContext): Promise<Establishment> {
    return establishmentOf(ctx, m.establishmentId);
  }
}

@Resolver(() => CriterionResponse)
export class CriterionResponseResolver {
  @FieldResolver(() => Establishment, { description: "Établissement auteur de la réponse." })
  establishment(@Root() r: CriterionResponse, @Ctx() ctx: RequestContext): Promise<Establishment> {
    return establishmentOf(ctx, r.establishmentId);
  }
}

@Resolver(() => CommonStrategy)
export class CommonStrategyResolver {
  @FieldResolver(() => AppUser, { nullable: true, description: "Auteur de la version en vigueur." })
  async lastEditor(@Root() s: CommonStrategy, @Ctx() ctx: RequestContext): Promise<AppUser | null> {
    return s.updatedBy ? ctx.loaders.userById.load(s.updatedBy) : null;
  }
}

@Resolver(() => CriterionPilot)
export class CriterionPilotResolver {
  @FieldResolver(() => AppUser, { description: "Compte du pilote." })
  async user(@Root() p: CriterionPilot, @Ctx() ctx: RequestContext): Promise<AppUser> {
    const found = await ctx.loaders.userById.load(p.userId);
    if (!found) throw new Error(`Compte ${p.userId} absent`);
    return found;
  }

  @FieldResolver(() => Establishment, { description: "Établissement du pilote." })
  establishment(@Root() p: CriterionPilot, @Ctx() ctx: RequestContext): Promise<Establishment> {
    return establishmentOf(ctx, p.establishmentId);
  }
}
