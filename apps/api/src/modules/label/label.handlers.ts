/** What the label module does when the procedure moves: a recorded expiry expires the labels. */
import type { AppEventBus } from "../../context";
import { expireLabels } from "./label.service";

export function registerLabelHandlers(bus: AppEventBus): void {
  bus.onInTransaction("CandidatureTransitioned", async (tx, event) => {
    if (event.transition === "EXPIRE_LABEL") await expireLabels(tx, event.candidatureId);
  });
}
