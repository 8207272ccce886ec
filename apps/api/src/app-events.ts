/**
 * The application's event bus: every module's handlers, registered in one place (the composition root),
 * so that a use case never imports what reacts to it.
 */
import { emptyEventBus, type AppEventBus } from "./context";
import { registerEvidenceHandlers } from "./modules/evidence/evidence.handlers";
import { registerProcedureHandlers } from "./modules/procedure/procedure.handlers";

export function createAppEventBus(): AppEventBus {
  const bus = emptyEventBus();
  registerProcedureHandlers(bus);
  registerEvidenceHandlers(bus);
  return bus;
}
