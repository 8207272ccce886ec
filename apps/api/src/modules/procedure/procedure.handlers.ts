/**
 * What the procedure does when its events happen: freezing the dossier at submission (in the
 * submission's transaction) and withdrawing co-applicants' approvals when the dossier changes after them.
 */
import { staleApprovals } from "@ldm/domain";
import type { AppEventBus } from "../../context";
import { recordChange } from "../audit-trail/audit-trail";
import { Candidature, CoApplicant } from "../candidature/candidature.entity";
import { freezeDossier } from "../dossier/dossier-snapshot";

export function registerProcedureHandlers(bus: AppEventBus): void {
  bus.onInTransaction("CandidatureSubmitted", async (tx, event) => {
    const candidature = await tx.manager
      .getRepository(Candidature)
      .findOneByOrFail({ id: event.candidatureId });
    await freezeDossier(tx, candidature, event.submittedAt);
  });

  bus.onInTransaction("DossierChanged", async (tx, event) => {
    const repo = tx.manager.getRepository(CoApplicant);
    const members = await repo.findBy({ candidatureId: event.candidatureId });
    const withdrawn = staleApprovals(members, tx.clock.now());
    for (const member of members.filter((m) => withdrawn.includes(m.establishmentId))) {
      await repo.update(
        { id: member.id },
        { submissionApprovedAt: null, submissionApprovedBy: null },
      );
      await recordChange(tx, "CoApplicant", member.id, member, {
        ...member,
        submissionApprovedAt: null,
        submissionApprovedBy: null,
      });
    }
  });
}
