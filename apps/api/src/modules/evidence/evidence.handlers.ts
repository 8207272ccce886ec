/**
 * After a commit that may have left stored contents unreferenced (an evidence deleted, a revision
 * replaced), remove the ones nothing references any more. After the commit only: a rolled-back deletion
 * must still find its files.
 */
import type { AppEventBus } from "../../context";
import { releaseQuietly } from "./evidence-files";

export function registerEvidenceHandlers(bus: AppEventBus): void {
  bus.onAfterCommit("FilesReleased", async (ctx, event) => {
    if (!ctx.storage) return;
    for (const sha256 of event.sha256) await releaseQuietly(ctx.dataSource, ctx.storage, sha256);
  });
}
