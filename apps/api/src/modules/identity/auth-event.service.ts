import type { RequestContext } from "../../context";
import { paginateByTime, type Connection, type PageArgs } from "../../common/pagination";
import { AuthEvent } from "./user.entity";

/** Authentication events, newest first. */
export function listAuthEvents(
  ctx: RequestContext,
  args: PageArgs,
): Promise<Connection<AuthEvent>> {
  const qb = ctx.dataSource.getRepository(AuthEvent).createQueryBuilder("a");
  return paginateByTime(qb, args, {
    column: "occurred_at",
    direction: "DESC",
    timeOf: (a) => a.occurredAt,
  });
}
