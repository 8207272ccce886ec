/**
 * The pre-fill of a renewal from the dossier frozen at the previous submission, under the renewal's
 * (current) referential — what is carried over and what is reset is the domain's (`carryOverResponse`,
 * `carriedCriterionCodes`): evidence (its current file, a new evidence pointing to the same stored
 * content), indicators with their values, answers (citing the copies), the network's common strategies.
 * Each copied indicator and evidence remembers its origin (`RenewalOrigin`) for the renewal's diff.
 */
import type { DossierSnapshotContent } from "@ldm/contracts";
import {
  carriedCriterionCodes,
  carryOverResponse,
  EVIDENCE_KIND_LABELS,
  NETWORK_COMMON_STRATEGY_CRITERIA,
  type EvidenceKind,
  type OptionalCriterionVariant,
} from "@ldm/domain";
import type { TransactionContext } from "../../context";
import { recordChange } from "../audit-trail/audit-trail";
import {
  type Candidature,
  CommonStrategy,
  CriterionResponse,
} from "../candidature/candidature.entity";
import { Indicator, IndicatorValue } from "../dossier/indicator.entity";
import { Evidence, EvidenceRevision } from "../evidence/evidence.entity";
import { RenewalOrigin } from "./follow-up.entity";

/** Copies the previous dossier into the renewal (rows written, each recorded in the audit trail). */
export async function prefillRenewal(
  tx: TransactionContext,
  renewal: Candidature,
  content: DossierSnapshotContent,
  members: { establishmentId: string; isLead: boolean; variant: OptionalCriterionVariant | null }[],
): Promise<void> {
  const version = renewal.referentialVersion;
  const memberIds = new Set(members.map((m) => m.establishmentId));
  const lead = members.find((m) => m.isLead)!;
  const m = tx.manager;
  const keep = (establishmentId: string | null) =>
    establishmentId === null || memberIds.has(establishmentId);
  // In an individual renewal, the previous network's shared items become the establishment's.
  const owner = (establishmentId: string | null) =>
    establishmentId === null && renewal.kind === "INDIVIDUAL"
      ? lead.establishmentId
      : establishmentId;

  // Evidence first: the answers cite it.
  const evidenceIds = new Map<string, string>();
  for (const e of content.evidence) {
    if (!keep(e.establishmentId)) continue;
    const criterionCodes = carriedCriterionCodes(version, e.criterionCodes);
    const file = e.revisions.find((r) => r.revision === e.currentRevision) ?? e.revisions.at(-1);
    if (criterionCodes.length === 0 || !file) continue;
    const kind: EvidenceKind = Object.hasOwn(EVIDENCE_KIND_LABELS, e.kind)
      ? (e.kind as EvidenceKind)
      : "OTHER";
    const evidence = await m.getRepository(Evidence).save(
      m.getRepository(Evidence).create({
        candidatureId: renewal.id,
        establishmentId: owner(e.establishmentId),
        title: e.title,
        kind,
        effectiveDate: e.effectiveDate,
        criterionCodes,
        currentRevision: 1,
      }),
    );
    const revision = await m.getRepository(EvidenceRevision).save(
      m.getRepository(EvidenceRevision).create({
        evidenceId: evidence.id,
        revision: 1,
        sha256: file.sha256,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        uploadedBy: null,
      }),
    );
    await m.getRepository(RenewalOrigin).save({
      candidatureId: renewal.id,
      evidenceId: evidence.id,
      indicatorId: null,
      previousId: e.id,
    });
    await recordChange(tx, "Evidence", evidence.id, null, { ...evidence, copiedFrom: e.id });
    await recordChange(tx, "EvidenceRevision", revision.id, null, revision);
    evidenceIds.set(e.id, evidence.id);
  }

  for (const i of content.indicators) {
    if (!keep(i.establishmentId)) continue;
    const criterionCodes = carriedCriterionCodes(version, i.criterionCodes);
    if (criterionCodes.length === 0) continue;
    const indicator = await m.getRepository(Indicator).save(
      m.getRepository(Indicator).create({
        candidatureId: renewal.id,
        establishmentId: i.establishmentId,
        name: i.name,
        kind: i.kind,
        unit: i.unit,
        direction: i.direction,
        target: i.target,
        source: i.source,
        criterionCodes,
      }),
    );
    await m.getRepository(IndicatorValue).save(
      i.values.map((v) =>
        m.getRepository(IndicatorValue).create({
          indicatorId: indicator.id,
          schoolYear: v.schoolYear,
          numericValue: v.numericValue,
          textValue: v.textValue,
        }),
      ),
    );
    await m.getRepository(RenewalOrigin).save({
      candidatureId: renewal.id,
      indicatorId: indicator.id,
      evidenceId: null,
      previousId: i.id,
    });
    await recordChange(tx, "Indicator", indicator.id, null, {
      ...indicator,
      values: i.values,
      copiedFrom: i.id,
    });
  }

  const responses = m.getRepository(CriterionResponse);
  for (const r of content.responses) {
    const member = members.find((x) => x.establishmentId === r.establishmentId);
    if (!member) continue;
    const carried = carryOverResponse(version, member.variant, r);
    if (!carried) continue;
    const response = await responses.save(
      responses.create({
        candidatureId: renewal.id,
        establishmentId: r.establishmentId,
        criterionCode: r.criterionCode,
        ...carried,
        citedEvidenceIds: r.citedEvidenceIds.flatMap((id) => evidenceIds.get(id) ?? []),
        version: 1,
      }),
    );
    await recordChange(tx, "CriterionResponse", response.id, null, response);
  }

  if (renewal.kind === "NETWORK") {
    const strategies = m.getRepository(CommonStrategy);
    for (const s of content.commonStrategies) {
      if (!(NETWORK_COMMON_STRATEGY_CRITERIA as readonly string[]).includes(s.criterionCode))
        continue;
      const strategy = await strategies.save(
        strategies.create({
          candidatureId: renewal.id,
          criterionCode: s.criterionCode,
          text: s.text,
          version: 1,
          updatedBy: null,
        }),
      );
      await recordChange(tx, "CommonStrategy", strategy.id, null, strategy);
    }
  }
}
