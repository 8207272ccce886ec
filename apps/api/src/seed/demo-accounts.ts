/**
 * Comptes de démonstration — FICTIFS : un par rôle, tous avec le même mot de passe de démonstration.
 *
 * Ce mot de passe est public (il figure dans le README) : il ne sert qu'à une démonstration locale
 * et ne doit jamais être utilisé sur une plateforme ouverte. Les autres comptes chargés par la
 * démonstration (chefs d'établissement, équipes de pilotage) n'ont pas de mot de passe : ils ne se
 * connectent qu'une fois leur accès ouvert par l'équipe DRAFPIC.
 *
 * Cette liste sert aussi à écrire le README (adresse, rôle, libellé).
 */
import type { AuditorProfile, Role } from "@ldm/domain";
import type { EstablishmentKey } from "./seed-data";

/** The demo accounts' shared password (meets the policy: ≥ 12 characters, not a common one). */
export const DEMO_PASSWORD = "Lycee-des-metiers-2026!";

export interface DemoAccount {
  /** Login. */
  email: string;
  role: Role;
  /** What the account shows in the demo, in French (for the README). */
  label: string;
  fullName: string;
  jobTitle: string;
  /** AUDITOR accounts only. */
  auditorProfile: AuditorProfile | null;
  /** School accounts (SCHOOL_HEAD, SCHOOL_STAFF) only. */
  establishment: EstablishmentKey | null;
}

export const DEMO_ACCOUNTS = [
  {
    email: "drafpic@demo.ldm.fr",
    role: "DRAFPIC",
    label: "Équipe régionale du label",
    fullName: "Hélène Garnier",
    jobTitle: "Chargée de mission « Lycée des métiers » à la DRAFPIC",
    auditorProfile: null,
    establishment: null,
  },
  {
    email: "analyste@demo.ldm.fr",
    role: "ANALYST",
    label: "Analyste : lecture seule, sans données personnelles",
    fullName: "Mathilde Roche",
    jobTitle: "Chargée d'études statistiques",
    auditorProfile: null,
    establishment: null,
  },
  {
    email: "auditrice@demo.ldm.fr",
    role: "AUDITOR",
    label:
      "Auditrice principale (inspectrice de l'académie) des audits de la démonstration ; audit des Calanques dans quelques jours",
    fullName: "Françoise Delmas",
    jobTitle: "Inspectrice de l'éducation nationale, économie-gestion",
    auditorProfile: "INSPECTOR",
    establishment: null,
  },
  {
    email: "cee@demo.ldm.fr",
    role: "AUDITOR",
    label: "Auditeur (conseiller entreprise pour l'École), membre des mêmes équipes d'audit",
    fullName: "Gilles Ferrero",
    jobTitle: "Conseiller entreprise pour l'École",
    auditorProfile: "CEE",
    establishment: null,
  },
  {
    email: "referent@demo.ldm.fr",
    role: "AUDITOR",
    label:
      "Inspecteur référent des établissements des Bouches-du-Rhône et des Alpes du Sud (visites préparatoires, suivi intermédiaire), sans audit affecté",
    fullName: "Bernard Tosello",
    jobTitle: "Inspecteur de l'éducation nationale, sciences et techniques industrielles",
    auditorProfile: "INSPECTOR",
    establishment: null,
  },
  {
    email: "cheffe@demo.ldm.fr",
    role: "SCHOOL_HEAD",
    label:
      "Proviseure du lycée Les Oliviers (Nice), porteur de la candidature en réseau de la Riviera (dossier ouvert)",
    fullName: "Valérie Castellan",
    jobTitle: "Proviseure",
    auditorProfile: null,
    establishment: "nice-oliviers",
  },
  {
    email: "pilote@demo.ldm.fr",
    role: "SCHOOL_STAFF",
    label: "Équipe de pilotage du lycée Les Oliviers (Nice), pilote des critères 4 et 6",
    fullName: "Élodie Rinaldi",
    jobTitle: "Professeure d'italien, référente des partenariats et des mobilités",
    auditorProfile: null,
    establishment: "nice-oliviers",
  },
  {
    email: "chef.cannes@demo.ldm.fr",
    role: "SCHOOL_HEAD",
    label:
      "Proviseure du lycée des Îles de Lérins (Cannes), cocandidat du réseau de la Riviera : approuve le dépôt",
    fullName: "Sabine Grimaldi",
    jobTitle: "Proviseure",
    auditorProfile: null,
    establishment: "cannes-lerins",
  },
  {
    email: "chef.menton@demo.ldm.fr",
    role: "SCHOOL_HEAD",
    label:
      "Proviseur du lycée Les Agrumes (Menton), cocandidat du réseau de la Riviera : approuve le dépôt",
    fullName: "Alain Cottalorda",
    jobTitle: "Proviseur",
    auditorProfile: null,
    establishment: "menton-agrumes",
  },
] as const satisfies readonly DemoAccount[];

export type DemoAccountEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

/** The demo auditors' e-mails (inspectors and the CEE; the référent audits nothing in the demo data). */
export type DemoAuditorEmail = Extract<
  (typeof DEMO_ACCOUNTS)[number],
  { role: "AUDITOR" }
>["email"];

/** The demo account with this e-mail. */
export function demoAccount(email: DemoAccountEmail): DemoAccount {
  const found = (DEMO_ACCOUNTS as readonly DemoAccount[]).find((a) => a.email === email);
  if (!found) throw new Error(`Données de démonstration : compte ${email} inconnu.`);
  return found;
}
