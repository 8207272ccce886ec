/**
 * The audit report's recommendation of each candidature, shown beside the GRALM's proposal in the
 * session's list and minutes: the FINAL audit report of the assessment module (`AuditReport`), with the
 * change of label title the auditors may have proposed. A candidature without a final report reads
 * « Non disponible ».
 */
import { AUDIT_RECOMMENDATION_LABELS } from "@ldm/domain";
import { In, type EntityManager } from "typeorm";
import { AuditReport } from "../assessment/assessment.entity";

export interface AuditRecommendation {
  /** The recommendation's code (FAVOURABLE, FAVOURABLE_WITH_RESERVATIONS, UNFAVOURABLE, POSTPONED). */
  code: string;
  /** Its French label (« Avis favorable avec réserves »…). */
  label: string;
  /** The label title the auditors proposed instead of the candidature's, if any. */
  proposedLabelTitle: string | null;
}

/** What the list shows when no final report gives a recommendation. */
export const NO_RECOMMENDATION = "Non disponible";

/** The final audit report's recommendation of each candidature that has one. */
export async function auditRecommendationsOf(
  manager: EntityManager,
  candidatureIds: readonly string[],
): Promise<Map<string, AuditRecommendation>> {
  if (candidatureIds.length === 0) return new Map();
  const reports = await manager
    .getRepository(AuditReport)
    .findBy({ candidatureId: In([...candidatureIds]), status: "FINAL" });
  return new Map(
    reports.flatMap((r) =>
      r.recommendation
        ? [
            [
              r.candidatureId,
              {
                code: r.recommendation,
                label: AUDIT_RECOMMENDATION_LABELS[r.recommendation],
                proposedLabelTitle: r.proposedLabelTitle,
              },
            ] as const,
          ]
        : [],
    ),
  );
}
