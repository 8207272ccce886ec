/**
 * URLs of the auditor portal, in one place: `routes.tsx` mounts them, links and redirects build them
 * here. They are relative to the portal's base (`/auditeurs/`, the router's basename); the API's own
 * routes (`/files/…`) are absolute. French segments: they appear in the address bar.
 */
export const dossierSections = {
  criteria: "criteres",
  indicators: "indicateurs",
  strategies: "strategies-communes",
  evidence: "pieces-justificatives",
} as const;

export type DossierSection = Exclude<keyof typeof dossierSections, "criteria">;

const id = (value: string) => encodeURIComponent(value);

export const paths = {
  home: "/",
  login: "/connexion",
  logout: "/deconnexion",
  /** « Mes audits » (auditors). */
  audits: "/audits",
  /** The regional team's pipeline of every candidature. */
  pipeline: "/candidatures",
  /** A candidature: its summary, history and audit trail. */
  candidature: (candidatureId: string) => `/candidatures/${id(candidatureId)}`,
  /** The submitted dossier's reader, or one of its sections. */
  dossier: (candidatureId: string, section?: DossierSection) =>
    section
      ? `/candidatures/${id(candidatureId)}/dossier/${dossierSections[section]}`
      : `/candidatures/${id(candidatureId)}/dossier`,
  criterion: (candidatureId: string, code: string) =>
    `/candidatures/${id(candidatureId)}/dossier/${dossierSections.criteria}/${id(code)}`,
  evidence: (candidatureId: string, evidenceId: string) =>
    `/candidatures/${id(candidatureId)}/dossier/${dossierSections.evidence}/${id(evidenceId)}`,
  /** A file of the API (same origin, session cookie): one revision of an evidence. */
  evidenceFile: (evidenceId: string, revision: number) =>
    `/files/evidence/${id(evidenceId)}/revisions/${revision}`,
} as const;
