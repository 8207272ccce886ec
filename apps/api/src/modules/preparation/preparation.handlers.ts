/**
 * What the preparation does when the audit date changes: in the scheduling transaction, both deadlines
 * that hang on it are re-checked (a refusal refuses the new date) and a draft audit plan takes the new
 * due date (`followAuditDate`).
 */
import type { AppEventBus } from "../../context";
import { followAuditDate } from "./audit-plan.service";

export function registerPreparationHandlers(bus: AppEventBus): void {
  bus.onInTransaction("AuditScheduled", (tx, event) => followAuditDate(tx, event));
}
