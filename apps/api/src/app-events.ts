/**
 * The application's event bus: every module's handlers, registered in one place (the composition root),
 * so that a use case never imports what reacts to it.
 */
import { emptyEventBus, type AppEventBus } from "./context";
import { registerEvidenceHandlers } from "./modules/evidence/evidence.handlers";
import { registerProcedureHandlers } from "./modules/procedure/procedure.handlers";
import { registerAssessmentHandlers } from "./modules/assessment/assessment.handlers";
import { registerLabelHandlers } from "./modules/label/label.handlers";
import { registerPreparationHandlers } from "./modules/preparation/preparation.handlers";
import { registerNotificationHandlers } from "./modules/notification/notification.handlers";
import type { JobQueue } from "./jobs/job-queue";

/**
 * `jobs`: where after-commit handlers enqueue jobs (e-mails); without it, e-mails wait for a sweep.
 * `emails: false`: steps are notified in the platform only (e.g. while seeding the demo data).
 */
export function createAppEventBus(
  options: { jobs?: JobQueue | null; emails?: boolean } = {},
): AppEventBus {
  const bus = emptyEventBus();
  registerProcedureHandlers(bus);
  registerEvidenceHandlers(bus);
  registerAssessmentHandlers(bus);
  registerLabelHandlers(bus);
  registerPreparationHandlers(bus);
  registerNotificationHandlers(bus, {
    queue: options.jobs ?? null,
    ...(options.emails === false ? { emails: false } : {}),
  });
  return bus;
}
