import { useTranslation } from "react-i18next";
import { EVIDENCE_KIND_LABELS, type EvidenceKind } from "@ldm/domain";

function isEvidenceKind(kind: string): kind is EvidenceKind {
  return Object.hasOwn(EVIDENCE_KIND_LABELS, kind);
}

/** The kind of an evidence in words (the frozen dossier keeps it as a string). */
export function EvidenceKindText({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <>{isEvidenceKind(kind) ? t(`enums.EvidenceKind.${kind}`) : kind}</>;
}
