/**
 * What the audit's rules need when the procedure moves: a team changes only until its report is final
 * and an auditor takes part in one audit per day (checked when the team changes and when the audit date
 * does); the report is handed in (SUBMIT_REPORT) by its finalisation. All in the publishing transaction:
 * a refusal undoes the change.
 */
import { assertReportSubmission, canRunProcedure } from "@ldm/domain";
import type { AppEventBus } from "../../context";
import { reportOf } from "./audit-access";
import { assertTeamAvailable, assertTeamChangeable } from "./audit-team.service";

export function registerAssessmentHandlers(bus: AppEventBus): void {
  bus.onInTransaction("AuditTeamChanged", async (tx, event) => {
    await assertTeamChangeable(tx.manager, event.candidatureId);
    await assertTeamAvailable(tx.manager, event.candidatureId);
  });

  bus.onInTransaction("AuditScheduled", async (tx, event) => {
    await assertTeamAvailable(tx.manager, event.candidatureId);
  });

  bus.onInTransaction("CandidatureTransitioned", async (tx, event) => {
    if (event.transition !== "SUBMIT_REPORT") return;
    const report = await reportOf(tx.manager, event.candidatureId);
    assertReportSubmission({
      report: report ? { status: report.status } : null,
      byRegionalTeam: tx.viewer !== null && canRunProcedure(tx.viewer),
    });
  });
}
