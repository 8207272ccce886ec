/** The upcoming deadlines that concern the caller (the portals' « mes échéances »). */
import { compareDeadlines, daysBetween, recipientsOf, upcomingDeadlines } from "@ldm/domain";
import type { RequestContext } from "../../context";
import { requireViewer } from "../../common/authz";
import { badInput } from "../../common/errors";
import { loadDeadlineContexts } from "./deadline-facts";
import type { MyDeadlinesArgs, UpcomingDeadline } from "./notification.input";

export const MAX_DEADLINE_HORIZON_DAYS = 1830;

export async function myDeadlines(
  ctx: RequestContext,
  args: MyDeadlinesArgs,
): Promise<UpcomingDeadline[]> {
  const viewer = requireViewer(ctx);
  const within = args.withinDays;
  if (!Number.isInteger(within) || within < 1 || within > MAX_DEADLINE_HORIZON_DAYS) {
    throw badInput(`L'horizon des échéances va de 1 à ${MAX_DEADLINE_HORIZON_DAYS} jours.`, {
      withinDays: within,
    });
  }
  const today = ctx.clock.today();
  const mine = [];
  for (const { facts, people, name } of await loadDeadlineContexts(ctx.dataSource.manager)) {
    for (const deadline of upcomingDeadlines(facts, today, within)) {
      if (!recipientsOf(deadline, facts.leadEstablishmentId, people).includes(viewer.userId))
        continue;
      mine.push({ deadline, name });
    }
  }
  return mine
    .sort((a, b) => compareDeadlines(a.deadline, b.deadline))
    .map(({ deadline, name }) => ({
      key: deadline.key,
      kind: deadline.kind,
      date: deadline.date,
      daysLeft: daysBetween(today, deadline.date),
      title: deadline.title,
      candidatureId: deadline.candidatureId,
      candidatureName: name,
      parties: [...deadline.parties],
    }));
}
