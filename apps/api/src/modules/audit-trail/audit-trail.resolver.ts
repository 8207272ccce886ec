import { canReadJournals } from "@ldm/domain";
import { Args, ArgsType, Ctx, Field, InputType, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { connectionType, PageArgs, paginateByTime } from "../../common/pagination";
import { AuditLogEntry } from "./audit-log.entity";

export const AuditLogConnection = connectionType(
  AuditLogEntry,
  "AuditLog",
  "traces du journal d'audit",
);

@InputType({ description: "Filtres du journal d'audit." })
export class AuditTrailFilter {
  @Field(() => String, {
    nullable: true,
    description: "Type d'objet (Candidature, CriterionResponse, User…).",
  })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: "Identifiant de l'objet." })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: "Compte auteur." })
  actorUserId?: string | null;
}

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => AuditTrailFilter, { nullable: true, description: "Filtres." })
  filter?: AuditTrailFilter | null;
}

@Resolver(() => AuditLogEntry)
export class AuditTrailResolver {
  @Query(() => AuditLogConnection, {
    description:
      "Journal d'audit de toutes les modifications, le plus récent d'abord (DRAFPIC ; non modifiable).",
  })
  async auditTrail(@Args(() => AuditTrailArgs) args: AuditTrailArgs, @Ctx() ctx: RequestContext) {
    await authorize(ctx, canReadJournals(requireViewer(ctx)), "journal d'audit");
    const f = args.filter ?? {};
    const qb = ctx.dataSource.getRepository(AuditLogEntry).createQueryBuilder("l");
    if (f.entityType) qb.andWhere("l.entity_type = :type", { type: f.entityType });
    if (f.entityId) qb.andWhere("l.entity_id = :eid", { eid: f.entityId });
    if (f.actorUserId) qb.andWhere("l.actor_user_id::text = :actor", { actor: f.actorUserId });
    return paginateByTime(qb, args, {
      column: "occurred_at",
      direction: "DESC",
      timeOf: (l) => l.occurredAt,
    });
  }
}
