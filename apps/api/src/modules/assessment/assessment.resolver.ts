/** The audit's GraphQL operations: team, declaration, grid, findings and report. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { canReadAuditReport, type AuditorProfile } from "@ldm/domain";
import type { RequestContext } from "../../context";
import { AuditorProfileEnum } from "../../common/enums";
import { Candidature, CandidatureAuditor } from "../candidature/candidature.entity";
import { accessFactsOf } from "../candidature/candidature.gate";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";
import {
  AssessmentEntry,
  AuditCommitment,
  AuditReport,
  ImprovementArea,
} from "./assessment.entity";
import {
  AuditAssignmentsArgs,
  AuditCandidatureArgs,
  AuditFindingsArgs,
  FinaliseAuditReportInput,
  RemoveAuditFindingInput,
  SaveAssessmentEntryInput,
  SaveAuditCommitmentInput,
  SaveAuditReportInput,
  SaveImprovementAreaInput,
  SetAuditTeamInput,
  SignAuditDeclarationInput,
} from "./assessment.input";
import {
  AssessmentEntryWrite,
  AuditAssignment,
  AuditAssignmentConnection,
  AuditCommitmentWrite,
  AuditDeclaration,
  AuditFindings,
  AuditGrid,
  AuditReportWrite,
  ImprovementAreaWrite,
} from "./assessment.type";
import * as grid from "./assessment.service";
import * as findingService from "./findings.service";
import * as report from "./audit-report.service";
import * as team from "./audit-team.service";
import type { WriteOutcome } from "./offline-writes";

function answer<E>(outcome: WriteOutcome<E>) {
  return { writeId: outcome.writeId, replayed: outcome.replayed, row: outcome.row };
}

@Resolver()
export class AssessmentResolver {
  // --- queries -------------------------------------------------------------------------------
  @Query(() => AuditAssignmentConnection, {
    description:
      "Mes affectations d'audit (auditeurs), les plus récentes d'abord : établissements, date, rôle, déclaration et prochaine étape — visibles avant la signature.",
  })
  myAuditAssignments(
    @Args(() => AuditAssignmentsArgs) args: AuditAssignmentsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return team.myAuditAssignments(ctx, args);
  }

  @Query(() => AuditGrid, {
    description:
      "Grille d'évaluation d'une candidature : auto-évaluation de l'établissement, brouillons des auditeurs côte à côte, évaluation de l'équipe.",
  })
  auditGrid(
    @Args(() => AuditCandidatureArgs) args: AuditCandidatureArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return grid.auditGrid(ctx, args.candidatureId);
  }

  @Query(() => AuditFindings, {
    description: "Axes de progrès et engagements d'une candidature (retirés compris sur demande).",
  })
  auditFindings(
    @Args(() => AuditFindingsArgs) args: AuditFindingsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return findingService.auditFindings(ctx, args);
  }

  @Query(() => AuditReport, {
    nullable: true,
    description:
      "Rapport d'audit d'une candidature (vide tant qu'il n'est pas commencé, ou pour l'établissement tant qu'il n'est pas finalisé).",
  })
  auditReport(
    @Args(() => AuditCandidatureArgs) args: AuditCandidatureArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return report.auditReport(ctx, args.candidatureId);
  }

  // --- mutations (each one transaction) ------------------------------------------------------
  @Mutation(() => Candidature, {
    description:
      "Compose ou modifie l'équipe d'audit (DRAFPIC) : au moins un inspecteur, un seul auditeur principal (inspecteur) ; un auditeur ne participe qu'à un audit par jour.",
  })
  setAuditTeam(
    @Arg("input", () => SetAuditTeamInput, { description: "Données de l'opération." })
    input: SetAuditTeamInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => team.setAuditTeam(tx, input));
  }

  @Mutation(() => AuditAssignment, {
    description:
      "L'auditeur signe la déclaration d'indépendance et de confidentialité (aucun conflit d'intérêts) : il peut alors lire le dossier.",
  })
  signAuditDeclaration(
    @Arg("input", () => SignAuditDeclarationInput, { description: "Données de l'opération." })
    input: SignAuditDeclarationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => team.signAuditDeclaration(tx, input));
  }

  @Mutation(() => AssessmentEntryWrite, {
    description:
      "Enregistre une ligne de mon brouillon de grille (écriture idempotente et versionnée).",
  })
  async saveAssessmentDraft(
    @Arg("input", () => SaveAssessmentEntryInput, { description: "Données de l'opération." })
    input: SaveAssessmentEntryInput,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(await ctx.transaction((tx) => grid.saveAssessmentDraft(tx, input)));
  }

  @Mutation(() => AssessmentEntryWrite, {
    description:
      "Enregistre une ligne de l'évaluation consolidée de l'équipe (auditeur principal ; écriture idempotente et versionnée).",
  })
  async saveTeamAssessment(
    @Arg("input", () => SaveAssessmentEntryInput, { description: "Données de l'opération." })
    input: SaveAssessmentEntryInput,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(await ctx.transaction((tx) => grid.saveTeamAssessment(tx, input)));
  }

  @Mutation(() => ImprovementAreaWrite, {
    description: "Crée ou modifie un axe de progrès (écriture idempotente et versionnée).",
  })
  async saveImprovementArea(
    @Arg("input", () => SaveImprovementAreaInput, { description: "Données de l'opération." })
    input: SaveImprovementAreaInput,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(await ctx.transaction((tx) => findingService.saveImprovementArea(tx, input)));
  }

  @Mutation(() => ImprovementAreaWrite, {
    description: "Retire un axe de progrès (écriture versionnée ; il peut être rétabli).",
  })
  async removeImprovementArea(
    @Arg("input", () => RemoveAuditFindingInput, { description: "Données de l'opération." })
    input: RemoveAuditFindingInput,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(await ctx.transaction((tx) => findingService.removeImprovementArea(tx, input)));
  }

  @Mutation(() => AuditCommitmentWrite, {
    description: "Crée ou modifie un engagement (écriture idempotente et versionnée).",
  })
  async saveAuditCommitment(
    @Arg("input", () => SaveAuditCommitmentInput, { description: "Données de l'opération." })
    input: SaveAuditCommitmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(await ctx.transaction((tx) => findingService.saveAuditCommitment(tx, input)));
  }

  @Mutation(() => AuditCommitmentWrite, {
    description: "Retire un engagement (écriture versionnée ; il peut être rétabli).",
  })
  async removeAuditCommitment(
    @Arg("input", () => RemoveAuditFindingInput, { description: "Données de l'opération." })
    input: RemoveAuditFindingInput,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(await ctx.transaction((tx) => findingService.removeAuditCommitment(tx, input)));
  }

  @Mutation(() => AuditReportWrite, {
    description:
      "Rédige le rapport d'audit : avis, synthèse, proposition d'intitulé (auditeur principal).",
  })
  async saveAuditReport(
    @Arg("input", () => SaveAuditReportInput, { description: "Données de l'opération." })
    input: SaveAuditReportInput,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(await ctx.transaction((tx) => report.saveAuditReport(tx, input)));
  }

  @Mutation(() => AuditReportWrite, {
    description:
      "Finalise le rapport d'audit (auditeur principal) : enregistre l'audit s'il ne l'est pas, remet le rapport ; rapport, grille et constats deviennent immuables.",
  })
  async finaliseAuditReport(
    @Arg("input", () => FinaliseAuditReportInput, { description: "Données de l'opération." })
    input: FinaliseAuditReportInput,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(await ctx.transaction((tx) => report.finaliseAuditReport(tx, input)));
  }
}

@Resolver(() => Candidature)
export class CandidatureAuditResolver {
  @FieldResolver(() => [CandidatureAuditor], {
    description: "Équipe d'audit : rôles, profils et déclarations d'indépendance.",
  })
  auditTeam(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<CandidatureAuditor[]> {
    return ctx.loaders.auditorsByCandidatureId.load(c.id);
  }

  @FieldResolver(() => AuditReport, {
    nullable: true,
    description:
      "Rapport d'audit, pour qui peut le lire (l'équipe et la DRAFPIC ; tous les lecteurs de la candidature une fois finalisé).",
  })
  async auditReport(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditReport | null> {
    const found = await ctx.loaders.auditReportByCandidatureId.load(c.id);
    if (!found || !ctx.viewer) return null;
    const [members, auditors, pilots] = await Promise.all([
      ctx.loaders.membersByCandidatureId.load(c.id),
      ctx.loaders.auditorsByCandidatureId.load(c.id),
      ctx.loaders.pilotsByCandidatureId.load(c.id),
    ]);
    const facts = accessFactsOf(c, members, auditors, pilots);
    return canReadAuditReport(ctx.viewer, facts, found.status === "FINAL") ? found : null;
  }
}

@Resolver(() => CandidatureAuditor)
export class AuditTeamMemberResolver {
  @FieldResolver(() => AppUser, { description: "Compte de l'auditeur." })
  async user(@Root() a: CandidatureAuditor, @Ctx() ctx: RequestContext): Promise<AppUser> {
    const found = await ctx.loaders.userById.load(a.userId);
    if (!found) throw new Error(`Compte ${a.userId} absent`);
    return found;
  }

  @FieldResolver(() => AuditorProfileEnum, {
    nullable: true,
    description: "Profil de l'auditeur (celui de son compte).",
  })
  async profile(
    @Root() a: CandidatureAuditor,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditorProfile | null> {
    return (await ctx.loaders.userById.load(a.userId))?.auditorProfile ?? null;
  }

  @FieldResolver(() => Boolean, { description: "La déclaration d'indépendance est signée." })
  declarationSigned(@Root() a: CandidatureAuditor): boolean {
    return a.declarationSignedAt !== null;
  }
}

@Resolver(() => AuditAssignment)
export class AuditAssignmentResolver {
  @FieldResolver(() => [Establishment], {
    description: "Établissements audités, le porteur d'abord.",
  })
  async establishments(
    @Root() a: AuditAssignment,
    @Ctx() ctx: RequestContext,
  ): Promise<Establishment[]> {
    const found = await ctx.loaders.establishmentById.loadMany(a.establishmentIds);
    return found.filter((e): e is Establishment => e instanceof Establishment);
  }

  @FieldResolver(() => AuditDeclaration, {
    description: "La déclaration d'indépendance et de confidentialité à signer (texte en vigueur).",
  })
  declaration(@Root() a: AuditAssignment, @Ctx() ctx: RequestContext): Promise<AuditDeclaration> {
    return team.declarationFor(ctx, a.establishmentIds);
  }
}

@Resolver(() => AssessmentEntry)
export class AssessmentEntryResolver {
  @FieldResolver(() => ID, { description: "Établissement évalué." })
  establishmentId(@Root() e: AssessmentEntry): string {
    return e.establishmentId;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Attendu évalué (vide : le critère dans son ensemble).",
  })
  expectationId(@Root() e: AssessmentEntry): string | null {
    return e.expectationId === "" ? null : e.expectationId;
  }

  @FieldResolver(() => AppUser, {
    nullable: true,
    description: "Auditeur auteur du brouillon (vide : l'évaluation de l'équipe).",
  })
  auditor(@Root() e: AssessmentEntry, @Ctx() ctx: RequestContext): Promise<AppUser | null> | null {
    return e.auditorId ? ctx.loaders.userById.load(e.auditorId) : null;
  }

  @FieldResolver(() => Boolean, { description: "Vrai pour l'évaluation consolidée de l'équipe." })
  isTeamAssessment(@Root() e: AssessmentEntry): boolean {
    return e.auditorId === null;
  }
}

@Resolver(() => ImprovementArea)
export class ImprovementAreaResolver {
  @FieldResolver(() => Establishment, {
    nullable: true,
    description: "Établissement concerné (vide : toute la candidature).",
  })
  establishment(
    @Root() f: ImprovementArea,
    @Ctx() ctx: RequestContext,
  ): Promise<Establishment | null> | null {
    return f.establishmentId ? ctx.loaders.establishmentById.load(f.establishmentId) : null;
  }
}

@Resolver(() => AuditCommitment)
export class AuditCommitmentResolver {
  @FieldResolver(() => Establishment, {
    nullable: true,
    description: "Établissement qui s'engage (vide : tous ceux de la candidature).",
  })
  establishment(
    @Root() f: AuditCommitment,
    @Ctx() ctx: RequestContext,
  ): Promise<Establishment | null> | null {
    return f.establishmentId ? ctx.loaders.establishmentById.load(f.establishmentId) : null;
  }
}

@Resolver(() => AuditReport)
export class AuditReportResolver {
  @FieldResolver(() => ID, { description: "Candidature." })
  candidatureId(@Root() r: AuditReport): string {
    return r.candidatureId;
  }

  @FieldResolver(() => AuditFindings, { description: "Axes de progrès et engagements du rapport." })
  findings(@Root() r: AuditReport, @Ctx() ctx: RequestContext): Promise<AuditFindings> {
    return findingService.findingsOf(ctx, r.candidatureId);
  }

  @FieldResolver(() => AppUser, {
    nullable: true,
    description: "Auditeur principal qui l'a finalisé.",
  })
  finalisedByUser(
    @Root() r: AuditReport,
    @Ctx() ctx: RequestContext,
  ): Promise<AppUser | null> | null {
    return r.finalisedBy ? ctx.loaders.userById.load(r.finalisedBy) : null;
  }

  @FieldResolver(() => String, { description: "Adresse du rapport en PDF (authentifiée)." })
  pdfUrl(@Root() r: AuditReport): string {
    return `/exports/candidatures/${r.candidatureId}/audit-report.pdf`;
  }
}
