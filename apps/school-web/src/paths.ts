/**
 * URLs of the portal, in one place: `routes.tsx` mounts them, links and redirects build them here.
 * French segments (the users' language; they appear in the address bar and in shared links).
 */
export const candidatureSections = {
  team: "equipe",
  criteria: "criteres",
  indicators: "indicateurs",
  evidence: "pieces-justificatives",
  strategies: "strategies-communes",
  readiness: "preparation-et-depot",
  exports: "exports",
  schedule: "programme-audit",
} as const;

export type CandidatureSection = keyof typeof candidatureSections;

export const paths = {
  home: "/",
  login: "/connexion",
  logout: "/deconnexion",
  candidatures: "/candidatures",
  newCandidature: "/candidatures/nouvelle",
  /** The overview of a candidature, or one of its sections. */
  candidature: (id: string, section?: CandidatureSection) =>
    section
      ? `/candidatures/${encodeURIComponent(id)}/${candidatureSections[section]}`
      : `/candidatures/${encodeURIComponent(id)}`,
  criterion: (id: string, code: string) =>
    `/candidatures/${encodeURIComponent(id)}/${candidatureSections.criteria}/${encodeURIComponent(code)}`,
  /** Downloads served by the API (full page loads, not routes of the portal). */
  exportPdf: (id: string) => `/exports/candidatures/${encodeURIComponent(id)}/dossier.pdf`,
  exportZip: (id: string) => `/exports/candidatures/${encodeURIComponent(id)}/dossier.zip`,
  evidenceFile: (id: string) => `/files/evidence/${encodeURIComponent(id)}`,
} as const;

/** Query parameter carrying the page to return to after logging in. */
export const NEXT_PARAM = "suite";
