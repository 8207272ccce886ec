/**
 * Données de démonstration — FICTIVES (voir `seed-data.ts`) : la suite de la procédure, du dépôt du
 * dossier au label publié au BOEN. Inspecteurs référents, visites préparatoires, plans d'audit,
 * équipes d'audit, grilles d'évaluation, axes de progrès, engagements, rapports, sessions du GRALM,
 * avis du CAEN, décisions des recteurs et publications au BOEN.
 *
 * Les dates sont des nombres de jours comptés depuis le jour du chargement (négatifs : dans le passé) ;
 * le chargement les place sur des jours ouvrés. Chaque étape passe par le service qui la porte, à sa
 * date (voir `seed-procedure.ts`).
 */
import type {
  AcademieCode,
  AttainmentLevel,
  AuditRecommendation,
  AwardType,
  CaenOpinion,
  CandidatureKind,
  CriterionCode,
  GralmMember,
  GralmProposal,
  ImprovementSeverity,
  NationalCriterionCode,
  OptionalCriterionVariant,
  RectorOutcome,
} from "@ldm/domain";
import type { DemoAccountEmail } from "./demo-accounts";
import type { EstablishmentKey, NetworkEvidenceSeed } from "./seed-data";

// ---------------------------------------------------------------------------------------------
// Inspecteurs référents: one per establishment, by département (an account of the platform, or a
// person named without one).

export type ReferentSeed =
  { account: DemoAccountEmail } | { fullName: string; email: string | null };

export const REFERENT_INSPECTORS: Readonly<Record<string, ReferentSeed>> = {
  "04": { account: "referent@demo.ldm.fr" },
  "05": { account: "referent@demo.ldm.fr" },
  "13": { account: "referent@demo.ldm.fr" },
  "84": { fullName: "Claire Fabre-Moulin", email: "claire.fabre-moulin@ac-aix-marseille.fr" },
  "06": { fullName: "Isabelle Ravel", email: "isabelle.ravel@ac-nice.fr" },
  "83": { fullName: "Jean-Marc Audibert", email: null },
};

// ---------------------------------------------------------------------------------------------
// The days of a candidature's steps

/**
 * The day of each step, in days from today (negative: past). The seed moves a past day to the working
 * day on or before it, a future day to the working day on or after it; the services check the rules
 * (dossier two months before the audit, visit before the audit plan's due date, plan two weeks before
 * the audit, audit recorded from its day on…).
 */
export interface ProcedureDays {
  created: number;
  /** The lead's board minutes; its engagement letter 12 days later; each co-applicant 3 days later. */
  engaged: number;
  /** DRAFPIC records the engagement and opens the dossier. */
  opened: number;
  /** DRAFPIC fixes the audit date. */
  scheduled: number;
  /** The lead's head submits (the co-applicants' heads approved two days before). */
  submitted: number;
  /** DRAFPIC composes the audit team; each auditor signs the declaration in the next two days. */
  team: number;
  /** DRAFPIC plans the preparatory visit that day… */
  visitPlanned: number;
  /** …on that day, and records it as done then (once the candidature went that far). */
  visit: number;
  /** The lead's head starts the audit plan from the schedule generator's proposal… */
  planProposed: number;
  /** …and sends it (at the latest two weeks before the audit). */
  planSubmitted: number;
  /** Each auditor's draft, prepared from the frozen dossier before the audit day. */
  drafts: number;
  audit: number;
  /** The lead auditor consolidates the team's levels; the team writes its findings. */
  consolidated: number;
  /** The lead auditor drafts the report… */
  reportDrafted: number;
  /** …and finalises it (which hands it in: SUBMIT_REPORT). */
  finalised: number;
}

/** The usual rhythm around an audit on day `audit`, with a few days set otherwise. */
export function aroundAudit(audit: number, overrides: Partial<ProcedureDays> = {}): ProcedureDays {
  const submitted = overrides.submitted ?? audit - 75;
  const created = overrides.created ?? submitted - 185;
  const visit = overrides.visit ?? audit - 38;
  return {
    created,
    engaged: created + 18,
    opened: created + 35,
    scheduled: created + 40,
    submitted,
    team: submitted + 4,
    visitPlanned: submitted + 10,
    visit,
    planProposed: visit + 4,
    planSubmitted: audit - 17,
    drafts: audit - 3,
    audit,
    consolidated: audit + 3,
    reportDrafted: audit + 9,
    finalised: audit + 18,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Candidatures from their submission on

/**
 * How far a candidature goes through its own services (the decision chain after the report is in
 * `GRALM_SESSIONS` and `DECISIONS`):
 * - SUBMITTED: the team composed and signed, the preparatory visit planned;
 * - PREPARATORY_VISIT_DONE: the visit recorded, the audit plan drafted;
 * - AUDIT_PLAN_RECEIVED: the plan sent, each auditor's draft of the grid;
 * - AUDITED: the audit recorded, the team's levels partly consolidated, findings and report drafted;
 * - REPORT_SUBMITTED: everything consolidated, the report finalised.
 */
export type ProcedureStage =
  "SUBMITTED" | "PREPARATORY_VISIT_DONE" | "AUDIT_PLAN_RECEIVED" | "AUDITED" | "REPORT_SUBMITTED";

export const PROCEDURE_STAGES: readonly ProcedureStage[] = [
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
  "REPORT_SUBMITTED",
];

/** Levels by establishment and criterion (as a whole). */
export type LevelsSeed = Partial<
  Record<EstablishmentKey, Partial<Record<CriterionCode, AttainmentLevel>>>
>;

export interface ImprovementAreaSeed {
  /** Names the area for the commitments that answer it. */
  key: string;
  severity: ImprovementSeverity;
  /** null: the whole candidature. */
  establishment: EstablishmentKey | null;
  criterion: CriterionCode | null;
  description: string;
}

export interface CommitmentSeed {
  establishment: EstablishmentKey | null;
  criterion: CriterionCode | null;
  /** The improvement area it answers (its key), if any. */
  area: string | null;
  description: string;
  owner: string;
  /** Deadline, in days from today. */
  dueInDays: number;
}

/** What the audit team writes (the lead auditor is `auditrice@…`, the member `cee@…`). */
export interface AuditSeed {
  /** The lead auditor's draft levels that differ from the school's self-assessed ones. */
  leadDraft: LevelsSeed;
  /** The member's draft levels that differ from the school's self-assessed ones. */
  memberDraft: LevelsSeed;
  /** A few expectations of one criterion of the lead establishment, assessed by both (in order). */
  expectations: { criterion: CriterionCode; lead: AttainmentLevel[]; member: AttainmentLevel[] };
  /** The team's levels that differ from the lead auditor's draft. */
  team: LevelsSeed;
  /** Criteria whose team level is set (AUDITED: the consolidation goes on); default every one. */
  consolidated?: readonly CriterionCode[];
  improvementAreas: readonly ImprovementAreaSeed[];
  commitments: readonly CommitmentSeed[];
  report: {
    recommendation: AuditRecommendation | null;
    /** Paragraphs of the summary. */
    summary: readonly string[];
    proposedLabelTitle: string | null;
  };
}

export interface ProcedureMemberSeed {
  establishment: EstablishmentKey;
  isLead: boolean;
  optionalVariant: OptionalCriterionVariant | null;
}

export interface ProcedureCandidatureSeed {
  /** Names the candidature in the GRALM sessions and the decisions. */
  key: string;
  /** Short description, used in error messages. */
  ref: string;
  kind: CandidatureKind;
  awardType: AwardType;
  labelTitle: string;
  /** Every member answered and piloted each of its criteria (its `DossierProfile`). */
  members: readonly ProcedureMemberSeed[];
  commonStrategies: Partial<Record<NationalCriterionCode, string>>;
  networkEvidence: readonly NetworkEvidenceSeed[];
  days: ProcedureDays;
  stage: ProcedureStage;
  submissionComment: string;
  /** Notes of the preparatory visit. */
  visitNotes: string;
  /** The head's note on the audit plan (from PREPARATORY_VISIT_DONE on). */
  planNote: string;
  /** From AUDIT_PLAN_RECEIVED on. */
  audit: AuditSeed | null;
}

const COMMUNICATION_STRATEGY = (network: string, salons: string): string =>
  `Le plan de communication commun prévoit une identité visuelle partagée, une page du réseau sur le site de chaque lycée et une lettre d'information trimestrielle adressée aux familles et aux partenaires ${network}. La démarche de labellisation est présentée ensemble lors des salons de l'orientation ${salons} et dans la presse locale.`;

export const PROCEDURE_CANDIDATURES: readonly ProcedureCandidatureSeed[] = [
  {
    key: "toulon-renouvellement",
    ref: "renouvellement individuel déposé, visite préparatoire prévue (Toulon)",
    kind: "INDIVIDUAL",
    awardType: "RENEWAL",
    labelTitle: "Lycée des métiers de la maintenance navale et industrielle",
    members: [{ establishment: "toulon-arsenal", isLead: true, optionalVariant: "B" }],
    commonStrategies: {},
    networkEvidence: [],
    // Opened within the last year of its label; the audit in four months.
    days: aroundAudit(122, { created: -175, submitted: -12, visitPlanned: -5, visit: 15 }),
    stage: "SUBMITTED",
    submissionComment: "Dossier complet déposé par le proviseur, annexes comprises.",
    visitNotes:
      "Visite prévue avec l'inspecteur référent : rencontre de l'équipe de pilotage, point sur les axes de progrès du label en cours et sur le plan d'action pour la mixité des filières.",
    planNote: "",
    audit: null,
  },
  {
    key: "hautes-alpes",
    ref: "candidature en réseau des Hautes-Alpes, visite préparatoire faite (Embrun, Briançon)",
    kind: "NETWORK",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de la montagne : tourisme, construction bois et pleine nature",
    members: [
      { establishment: "embrun-serre-poncon", isLead: true, optionalVariant: null },
      { establishment: "briancon-hautes-vallees", isLead: false, optionalVariant: null },
    ],
    commonStrategies: {
      "4": "Les deux lycées partagent un bureau des entreprises commun à la vallée de la Durance et au Briançonnais : fichier d'entreprises unique, calendrier concerté des PFMP adapté aux saisons touristiques et aux chantiers, rencontres annuelles avec les stations, les bases de loisirs et les artisans du bois. Le réseau est représenté au comité local école-entreprise et au Campus des métiers et des qualifications du tourisme de montagne.",
      "5": "Le parcours culturel commun porte sur le patrimoine et les paysages de montagne : chaque année, les élèves des deux lycées mènent ensemble un projet avec le parc national (sentier d'interprétation, exposition de photographies, construction d'un abri en bois). Toutes les actions sont recensées dans ADAGE, et l'activation du pass Culture est accompagnée dans les deux établissements.",
      "6": "Le réseau porte une accréditation Erasmus+ commune qui finance les mobilités des élèves et des personnels vers l'Italie, la Suisse et l'Autriche. Les partenaires étrangers sont partagés : un élève de Briançon peut partir avec un groupe d'Embrun, et les enseignants des deux lycées préparent les mobilités ensemble. Un bilan commun des mobilités est présenté chaque année aux deux conseils d'administration.",
      "8": COMMUNICATION_STRATEGY("des deux lycées", "des Hautes-Alpes"),
    },
    networkEvidence: [
      {
        title: "Convention constitutive du réseau des Hautes-Alpes",
        kind: "PARTNERSHIP_CONTRACT",
        criteria: ["4", "5", "6", "8"],
        daysFromCreation: -30,
        body: [
          "Les lycées de Serre-Ponçon (Embrun) et des Hautes Vallées (Briançon) constituent un réseau autour des métiers de la montagne : tourisme, construction bois et activités de pleine nature.",
          "Le réseau partage un bureau des entreprises, une accréditation Erasmus+ et un plan de communication.",
        ],
      },
      {
        title: "Compte rendu du comité de pilotage commun du réseau",
        kind: "MEETING_MINUTES",
        criteria: ["4", "5", "6", "8"],
        daysFromCreation: 60,
        body: [
          "Bilan des stratégies communes : calendrier concerté des PFMP, parcours culturel « patrimoine et paysages de montagne », mobilités Erasmus+ partagées, lettre d'information trimestrielle.",
          "Le comité valide le dossier commun avant son dépôt par l'établissement porteur.",
        ],
      },
    ],
    // The audit in about eleven weeks: the head still has time to send the plan.
    days: aroundAudit(80, {
      created: -190,
      submitted: -30,
      visitPlanned: -22,
      visit: -9,
      planProposed: -5,
    }),
    stage: "PREPARATORY_VISIT_DONE",
    submissionComment: "Dossier commun déposé par l'établissement porteur.",
    visitNotes:
      "Visite préparatoire de la DRAFPIC dans les deux établissements : les équipes de pilotage sont en place ; mieux mettre en avant les indicateurs de suivi des mobilités. Le plan d'audit prévoira la visite des plateaux techniques des deux lycées.",
    planNote:
      "Accueil à Embrun ; l'après-midi, les auditeurs sont conduits à Briançon pour la visite des ateliers de construction bois (trajet d'une heure, prévu dans le temps de déjeuner).",
    audit: null,
  },
  {
    key: "calanques",
    ref: "candidature individuelle, plan d'audit reçu, audit dans quelques jours (Marseille, Les Calanques)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de la logistique, du transport et des activités portuaires",
    members: [{ establishment: "marseille-calanques", isLead: true, optionalVariant: "A" }],
    commonStrategies: {},
    networkEvidence: [],
    // The audit-day demo of the auditor portal: the audit in a few days, the drafts ready.
    days: aroundAudit(4, { drafts: -2 }),
    stage: "AUDIT_PLAN_RECEIVED",
    submissionComment: "Dossier complet déposé par le proviseur.",
    visitNotes:
      "Visite préparatoire : l'équipe de pilotage est mobilisée ; présenter le jour de l'audit l'entrepôt pédagogique en fonctionnement et les indicateurs d'insertion par formation.",
    planNote:
      "Accueil à 8 h 15 à la loge du bâtiment B ; stationnement réservé dans la cour. Visite de l'entrepôt pédagogique en activité pendant le premier temps ; déjeuner au restaurant d'application.",
    audit: {
      leadDraft: { "marseille-calanques": { "4": "MET" } },
      memberDraft: { "marseille-calanques": { "6": "MET", "9a": "EXCEEDED" } },
      expectations: {
        criterion: "4",
        lead: ["MET", "MET", "PARTIALLY_MET"],
        member: ["MET", "EXCEEDED", "PARTIALLY_MET"],
      },
      team: {},
      improvementAreas: [],
      commitments: [],
      report: { recommendation: null, summary: [], proposedLabelTitle: null },
    },
  },
  {
    key: "salon",
    ref: "candidature individuelle auditée, rapport en cours de rédaction (Salon-de-Provence)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de l'aéronautique et de la maintenance des matériels",
    members: [{ establishment: "salon-la-crau", isLead: true, optionalVariant: null }],
    commonStrategies: {},
    networkEvidence: [],
    days: aroundAudit(-6, { consolidated: -3, reportDrafted: -1 }),
    stage: "AUDITED",
    submissionComment: "Dossier complet déposé par la proviseure.",
    visitNotes:
      "Visite préparatoire : équipe de pilotage solide ; prévoir le jour de l'audit la visite du hangar pédagogique et la rencontre de deux tuteurs d'entreprise.",
    planNote:
      "Accueil à 8 h 30 au hangar pédagogique (entrée par le portail nord). Deux tuteurs d'entreprise participent aux échanges sur le critère 4.",
    audit: {
      leadDraft: { "salon-la-crau": { "5": "MET" } },
      memberDraft: { "salon-la-crau": { "3": "MET" } },
      expectations: {
        criterion: "3",
        lead: ["EXCEEDED", "MET"],
        member: ["MET", "MET"],
      },
      team: {},
      // The team agrees on these; criteria 3 and 5, where the drafts differ, remain to settle.
      consolidated: ["1", "2", "4", "6", "7", "8"],
      improvementAreas: [
        {
          key: "culture",
          severity: "MINOR",
          establishment: "salon-la-crau",
          criterion: "5",
          description:
            "Étendre les actions d'éducation artistique et culturelle aux classes de CAP et les recenser toutes dans ADAGE.",
        },
      ],
      commitments: [],
      report: {
        recommendation: "FAVOURABLE",
        summary: [
          "L'équipe d'audit a été accueillie au hangar pédagogique, où les élèves ont présenté une visite de maintenance réalisée en conditions réelles.",
          "Synthèse en cours de rédaction : niveaux des critères 3 et 5 à arrêter avec le conseiller entreprise.",
        ],
        proposedLabelTitle: null,
      },
    },
  },
  {
    key: "avignon",
    ref: "candidature individuelle, rapport remis (favorable avec réserves), en attente du GRALM (Avignon)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de la mode, du textile et des arts du spectacle",
    members: [{ establishment: "avignon-remparts", isLead: true, optionalVariant: "B" }],
    commonStrategies: {},
    networkEvidence: [],
    days: aroundAudit(-45),
    stage: "REPORT_SUBMITTED",
    submissionComment: "Dossier complet déposé par le proviseur.",
    visitNotes:
      "Visite préparatoire : les ateliers de couture et le plateau technique sont remarquables ; le suivi du décrochage mérite d'être présenté avec des chiffres le jour de l'audit.",
    planNote:
      "Accueil à 8 h 30 ; présentation du défilé-spectacle en vidéo pendant la présentation générale. Le plateau technique est au sous-sol (accès par ascenseur).",
    audit: {
      leadDraft: { "avignon-remparts": { "5": "MET" } },
      memberDraft: { "avignon-remparts": { "4": "MET" } },
      expectations: {
        criterion: "7",
        lead: ["PARTIALLY_MET", "NOT_MET"],
        member: ["PARTIALLY_MET", "PARTIALLY_MET"],
      },
      team: { "avignon-remparts": { "5": "EXCEEDED" } },
      improvementAreas: [
        {
          key: "decrochage",
          severity: "MAJOR",
          establishment: "avignon-remparts",
          criterion: "7",
          description:
            "Le décrochage en cours d'année (9,1 %) reste au-dessus de la cible : réunir à échéance régulière un groupe de prévention du décrochage scolaire et suivre chaque élève repéré jusqu'à son retour en formation.",
        },
        {
          key: "partenariats",
          severity: "MINOR",
          establishment: "avignon-remparts",
          criterion: "4",
          description:
            "Formaliser par des conventions les partenariats avec les théâtres et les compagnies, qui reposent aujourd'hui sur des relations personnelles.",
        },
      ],
      commitments: [
        {
          establishment: "avignon-remparts",
          criterion: "7",
          area: "decrochage",
          description:
            "Présenter au conseil d'administration le plan de prévention du décrochage et le calendrier du groupe de prévention.",
          owner: "Le proviseur et le conseiller principal d'éducation",
          dueInDays: 20,
        },
        {
          establishment: "avignon-remparts",
          criterion: "4",
          area: "partenariats",
          description:
            "Signer des conventions de partenariat avec les trois théâtres permanents de la ville et deux compagnies du festival.",
          owner: "La directrice déléguée aux formations professionnelles et technologiques",
          dueInDays: 250,
        },
      ],
      report: {
        recommendation: "FAVOURABLE_WITH_RESERVATIONS",
        summary: [
          "Le lycée Les Remparts fonde son projet sur une identité forte, la mode et le spectacle vivant, reconnue par les professionnels du Grand Avignon : les élèves réalisent chaque été des costumes pour les compagnies du festival et montent un défilé-spectacle au théâtre municipal.",
          "Les critères 1, 2, 3, 5, 6, 8 et 9-b sont atteints, le critère 5 au-delà des attendus. Le partenariat avec le tissu économique (critère 4) est réel mais peu formalisé, et le décrochage (critère 7) reste élevé malgré l'atelier de remobilisation.",
          "Avis favorable avec réserves : l'axe de progrès majeur sur la prévention du décrochage fait l'objet d'un engagement à brève échéance. L'équipe d'audit propose un intitulé qui met davantage en exergue le cœur de métier de l'établissement.",
        ],
        proposedLabelTitle: "Lycée des métiers du spectacle vivant, de la mode et du costume",
      },
    },
  },
  {
    key: "digne",
    ref: "candidature individuelle, examen ajourné par le GRALM (Digne-les-Bains)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de la santé, du social et des services aux personnes",
    members: [{ establishment: "digne-trois-vallees", isLead: true, optionalVariant: null }],
    commonStrategies: {},
    networkEvidence: [],
    days: aroundAudit(-100),
    stage: "REPORT_SUBMITTED",
    submissionComment: "Dossier complet déposé par la proviseure.",
    visitNotes:
      "Visite préparatoire : l'appartement pédagogique est un support remarquable ; le plan d'ouverture internationale reste à formaliser avant l'audit.",
    planNote: "Accueil à 8 h 30 ; visite de l'appartement pédagogique en début de journée.",
    audit: {
      leadDraft: {},
      memberDraft: { "digne-trois-vallees": { "8": "MET" } },
      expectations: {
        criterion: "6",
        lead: ["PARTIALLY_MET", "NOT_MET"],
        member: ["PARTIALLY_MET", "PARTIALLY_MET"],
      },
      team: {},
      improvementAreas: [
        {
          key: "international",
          severity: "MAJOR",
          establishment: "digne-trois-vallees",
          criterion: "6",
          description:
            "Formaliser un plan d'ouverture internationale (objectifs, publics, partenaires) et solliciter l'accréditation Erasmus+ : les mobilités restent ponctuelles.",
        },
        {
          key: "communication",
          severity: "MINOR",
          establishment: "digne-trois-vallees",
          criterion: "8",
          description:
            "Présenter le plan de communication au conseil d'administration et en mesurer les effets sur les inscriptions.",
        },
      ],
      commitments: [
        {
          establishment: "digne-trois-vallees",
          criterion: "6",
          area: "international",
          description:
            "Adopter en conseil d'administration un plan d'ouverture internationale et déposer une demande d'accréditation Erasmus+.",
          owner: "La proviseure",
          dueInDays: 120,
        },
      ],
      report: {
        recommendation: "FAVOURABLE_WITH_RESERVATIONS",
        summary: [
          "Le lycée des Trois Vallées offre aux élèves du bassin dignois des parcours complets dans les métiers de la santé et du social, appuyés sur un appartement pédagogique et un réseau solide de structures d'accueil.",
          "L'ouverture internationale (critère 6) reste embryonnaire : c'est la réserve principale de l'équipe d'audit.",
        ],
        proposedLabelTitle: null,
      },
    },
  },
  {
    key: "hyeres",
    ref: "candidature individuelle, proposée par le GRALM, en attente de l'avis du CAEN (Hyères)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers du nautisme, de l'horticulture et du paysage",
    members: [{ establishment: "hyeres-salins", isLead: true, optionalVariant: null }],
    commonStrategies: {},
    networkEvidence: [],
    days: aroundAudit(-110),
    stage: "REPORT_SUBMITTED",
    submissionComment: "Dossier complet déposé par le proviseur.",
    visitNotes:
      "Visite préparatoire : visite des pontons et de l'atelier nautique ; équipe de pilotage prête.",
    planNote: "Accueil à 8 h 30 ; visite des pontons du port en fin de matinée.",
    audit: {
      leadDraft: { "hyeres-salins": { "4": "MET" } },
      memberDraft: {},
      expectations: { criterion: "4", lead: ["MET", "MET"], member: ["EXCEEDED", "MET"] },
      team: { "hyeres-salins": { "4": "EXCEEDED" } },
      improvementAreas: [
        {
          key: "communication",
          severity: "MINOR",
          establishment: "hyeres-salins",
          criterion: "8",
          description:
            "Présenter au conseil d'administration un plan de communication qui associe les élèves.",
        },
      ],
      commitments: [
        {
          establishment: "hyeres-salins",
          criterion: "8",
          area: "communication",
          description:
            "Adopter un plan de communication interne et externe et le présenter au conseil d'administration.",
          owner: "Le proviseur",
          dueInDays: 180,
        },
      ],
      report: {
        recommendation: "FAVOURABLE",
        summary: [
          "Le lycée des Salins conjugue formations du nautisme et du paysage autour d'un même territoire, la rade de Hyères, avec des partenariats denses et des réalisations concrètes.",
          "Tous les critères sont atteints, le critère 4 au-delà des attendus. Avis favorable.",
        ],
        proposedLabelTitle: null,
      },
    },
  },
  {
    key: "provence-verte",
    ref: "candidature en réseau sur deux académies, avis du CAEN rendu, une seule académie a décidé (Aix-en-Provence, Brignoles)",
    kind: "NETWORK",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de l'alimentation, du terroir et de l'œnotourisme",
    members: [
      { establishment: "aix-sainte-victoire", isLead: true, optionalVariant: null },
      { establishment: "brignoles-sainte-baume", isLead: false, optionalVariant: null },
    ],
    commonStrategies: {
      "4": "Les deux lycées partagent un fichier commun de plus de deux cents entreprises de l'alimentation et de la filière viticole, un calendrier concerté des PFMP qui tient compte des vendanges, et des rencontres annuelles avec les caves coopératives du pays d'Aix et de la Provence verte.",
      "5": "Le parcours culturel commun porte sur le patrimoine gourmand de la Provence : chaque année, les élèves des deux lycées conçoivent ensemble une exposition et des dégustations commentées, recensées dans ADAGE.",
      "6": "Le réseau porte une accréditation Erasmus+ commune, avec des partenaires en Toscane, en Catalogne et dans la vallée du Douro ; les professeurs de langues des deux lycées préparent les départs ensemble.",
      "8": COMMUNICATION_STRATEGY("des deux lycées", "des Bouches-du-Rhône et du Var"),
    },
    networkEvidence: [
      {
        title: "Convention constitutive du réseau du pays d'Aix et de la Provence verte",
        kind: "PARTNERSHIP_CONTRACT",
        criteria: ["4", "5", "6", "8"],
        daysFromCreation: -25,
        body: [
          "Le lycée Sainte-Victoire (Aix-en-Provence, académie d'Aix-Marseille) et le lycée de la Sainte-Baume (Brignoles, académie de Nice) constituent un réseau autour de l'alimentation, du terroir et de l'œnotourisme.",
          "Le lycée Sainte-Victoire est l'établissement porteur ; un comité de pilotage commun se réunit chaque trimestre.",
        ],
      },
    ],
    days: aroundAudit(-200),
    stage: "REPORT_SUBMITTED",
    submissionComment: "Dossier commun déposé par l'établissement porteur.",
    visitNotes:
      "Visite préparatoire dans les deux lycées : le réseau fonctionne ; prévoir le jour de l'audit un temps d'échange avec les deux équipes de pilotage réunies.",
    planNote:
      "Journée d'audit à Aix-en-Provence ; l'équipe de pilotage de Brignoles est présente toute la journée.",
    audit: {
      leadDraft: { "brignoles-sainte-baume": { "6": "PARTIALLY_MET" } },
      memberDraft: { "aix-sainte-victoire": { "1": "MET" } },
      expectations: { criterion: "4", lead: ["MET", "MET"], member: ["MET", "EXCEEDED"] },
      team: {},
      improvementAreas: [
        {
          key: "mobilites",
          severity: "MINOR",
          establishment: "brignoles-sainte-baume",
          criterion: "6",
          description:
            "Étendre les mobilités Erasmus+ aux élèves de CAP du lycée de la Sainte-Baume et aux personnels.",
        },
      ],
      commitments: [
        {
          establishment: "brignoles-sainte-baume",
          criterion: "6",
          area: "mobilites",
          description: "Organiser une mobilité d'élèves de CAP et une mobilité de personnels.",
          owner: "Le proviseur du lycée de la Sainte-Baume",
          dueInDays: 160,
        },
      ],
      report: {
        recommendation: "FAVOURABLE",
        summary: [
          "Le réseau du pays d'Aix et de la Provence verte associe deux lycées complémentaires, l'un tourné vers la transformation alimentaire, l'autre vers le commerce et la valorisation des produits du terroir.",
          "Les stratégies communes sont effectives ; l'ouverture internationale du lycée de la Sainte-Baume reste à étendre. Avis favorable pour les deux établissements.",
        ],
        proposedLabelTitle: null,
      },
    },
  },
  {
    key: "manosque",
    ref: "candidature individuelle approuvée par le recteur, en attente de la publication au BOEN (Manosque)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle:
      "Lycée des métiers de l'énergie, de l'électrotechnique et de la maintenance industrielle",
    members: [{ establishment: "manosque-durance", isLead: true, optionalVariant: "A" }],
    commonStrategies: {},
    networkEvidence: [],
    days: aroundAudit(-215),
    stage: "REPORT_SUBMITTED",
    submissionComment: "Dossier complet déposé par le proviseur.",
    visitNotes:
      "Visite préparatoire : plateforme technique remarquable ; l'équipe présentera les indicateurs d'insertion par diplôme.",
    planNote:
      "Accueil à 8 h 15 ; démonstration de la supervision à distance en début d'après-midi.",
    audit: {
      leadDraft: { "manosque-durance": { "9a": "MET" } },
      memberDraft: {},
      expectations: { criterion: "9a", lead: ["MET", "MET"], member: ["EXCEEDED", "MET"] },
      team: { "manosque-durance": { "9a": "EXCEEDED" } },
      improvementAreas: [
        {
          key: "culture",
          severity: "MINOR",
          establishment: "manosque-durance",
          criterion: "5",
          description: "Associer davantage les classes de CAP aux actions culturelles.",
        },
      ],
      commitments: [
        {
          establishment: "manosque-durance",
          criterion: "5",
          area: "culture",
          description: "Programmer une action culturelle pour chaque classe de CAP dès la rentrée.",
          owner: "Le professeur documentaliste",
          dueInDays: 90,
        },
      ],
      report: {
        recommendation: "FAVOURABLE",
        summary: [
          "Le lycée de la Durance forme aux métiers de l'énergie en lien étroit avec les entreprises du val de Durance ; sa plateforme technique et le numérique au service des métiers (critère 9-a) sont exemplaires.",
          "Avis favorable.",
        ],
        proposedLabelTitle: null,
      },
    },
  },
  {
    key: "mer",
    ref: "candidature en réseau sur deux académies, labellisée pour un seul établissement (La Ciotat, Fréjus)",
    kind: "NETWORK",
    awardType: "FIRST_AWARD",
    labelTitle:
      "Lycée des métiers de la mer : construction navale, maintenance nautique et plaisance",
    members: [
      { establishment: "la-ciotat-chantiers", isLead: true, optionalVariant: null },
      { establishment: "frejus-esterel", isLead: false, optionalVariant: null },
    ],
    commonStrategies: {
      "4": "Les deux lycées partagent leurs entreprises d'accueil du littoral, de la baie de La Ciotat à l'Estérel, et organisent ensemble une rencontre annuelle avec les chantiers et les ports de plaisance.",
      "5": "Le parcours culturel commun porte sur le patrimoine maritime : restauration d'une barque traditionnelle à La Ciotat, visite du port antique à Fréjus, exposition commune présentée dans les deux villes.",
      "6": "Les mobilités vers l'Italie et Malte sont préparées ensemble ; le lycée de l'Estérel rejoint progressivement l'accréditation Erasmus+ du lycée des Chantiers.",
      "8": COMMUNICATION_STRATEGY("des deux lycées", "des Bouches-du-Rhône et du Var"),
    },
    networkEvidence: [
      {
        title: "Convention constitutive du réseau des métiers de la mer",
        kind: "PARTNERSHIP_CONTRACT",
        criteria: ["4", "5", "6", "8"],
        daysFromCreation: -40,
        body: [
          "Le lycée des Chantiers (La Ciotat, académie d'Aix-Marseille) et le lycée de l'Estérel (Fréjus, académie de Nice) constituent un réseau autour des métiers de la mer.",
          "Le lycée des Chantiers est l'établissement porteur.",
        ],
      },
    ],
    days: aroundAudit(-230),
    stage: "REPORT_SUBMITTED",
    submissionComment: "Dossier commun déposé par l'établissement porteur.",
    visitNotes:
      "Visite préparatoire à La Ciotat et à Fréjus : le lycée des Chantiers est prêt ; au lycée de l'Estérel, la prévention du décrochage et l'ouverture internationale restent fragiles.",
    planNote:
      "Journée d'audit à La Ciotat, visite du chantier naval en fin de matinée ; l'équipe de l'Estérel présente ses critères l'après-midi.",
    audit: {
      leadDraft: { "frejus-esterel": { "7": "NOT_MET" } },
      memberDraft: {},
      expectations: {
        criterion: "7",
        lead: ["PARTIALLY_MET", "NOT_MET"],
        member: ["PARTIALLY_MET", "PARTIALLY_MET"],
      },
      team: {},
      improvementAreas: [
        {
          key: "decrochage",
          severity: "MAJOR",
          establishment: "frejus-esterel",
          criterion: "7",
          description:
            "Au lycée de l'Estérel, le décrochage (10,9 %) ne baisse pas : aucun groupe de prévention du décrochage scolaire n'est constitué.",
        },
        {
          key: "international",
          severity: "MINOR",
          establishment: "frejus-esterel",
          criterion: "6",
          description:
            "Au lycée de l'Estérel, formaliser le plan d'ouverture internationale au sein de l'accréditation du réseau.",
        },
      ],
      commitments: [
        {
          establishment: "la-ciotat-chantiers",
          criterion: "4",
          area: null,
          description:
            "Étendre la grille commune d'évaluation des PFMP aux entreprises de réparation de yachts de l'Estérel.",
          owner: "Le directeur délégué aux formations du lycée des Chantiers",
          dueInDays: 200,
        },
      ],
      report: {
        recommendation: "FAVOURABLE_WITH_RESERVATIONS",
        summary: [
          "Le lycée des Chantiers conduit une démarche aboutie, adossée au chantier naval de La Ciotat. Le lycée de l'Estérel s'engage dans la démarche du réseau, mais la prévention du décrochage (critère 7) n'y est pas organisée.",
          "Avis favorable avec réserves : favorable pour le lycée des Chantiers ; la réserve majeure porte sur le lycée de l'Estérel.",
        ],
        proposedLabelTitle: null,
      },
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The decision chain

export interface GralmSessionSeed {
  /** The session's date, in days from today (a session to come is planned: no proposal yet). */
  inDays: number;
  /** The day DRAFPIC created it (on or before its date, never after today). */
  createdInDays: number;
  members: readonly GralmMember[];
  notes: string | null;
  /** In order; `proposal` null: on the agenda, not examined yet. */
  agenda: readonly {
    candidature: string;
    proposal: GralmProposal | null;
    motivation: string;
  }[];
}

const GRALM_MEMBERS: readonly GralmMember[] = [
  {
    fullName: "Hélène Garnier",
    role: "Chargée de mission « Lycée des métiers », DRAFPIC",
  },
  { fullName: "Yves Chabert", role: "Délégué régional académique (DRAFPIC), président" },
  {
    fullName: "Anne-Sophie Lieutaud",
    role: "IEN-ET sciences et techniques industrielles, académie de Nice",
  },
  { fullName: "Marc Olivieri", role: "Direction de la formation, Région Sud" },
  { fullName: "Nadia Belhadj", role: "Représentante des branches professionnelles" },
];

export const GRALM_SESSIONS: readonly GralmSessionSeed[] = [
  {
    inDays: -150,
    createdInDays: -165,
    members: GRALM_MEMBERS,
    notes:
      "Trois candidatures examinées sur le rapport de leur équipe d'audit ; le GRALM relève la qualité des stratégies communes des deux réseaux.",
    agenda: [
      {
        candidature: "mer",
        proposal: "FAVOURABLE",
        motivation:
          "Proposition favorable pour le réseau ; le GRALM reprend la réserve majeure des auditeurs sur la prévention du décrochage au lycée de l'Estérel, que le recteur de l'académie de Nice appréciera.",
      },
      {
        candidature: "manosque",
        proposal: "FAVOURABLE",
        motivation:
          "Démarche aboutie, indicateurs suivis et exploités ; le numérique au service des métiers est exemplaire.",
      },
      {
        candidature: "provence-verte",
        proposal: "FAVOURABLE",
        motivation:
          "Réseau cohérent sur deux académies, stratégies communes effectives ; l'axe de progrès sur les mobilités fera l'objet du suivi intermédiaire.",
      },
    ],
  },
  {
    inDays: -40,
    createdInDays: -55,
    members: GRALM_MEMBERS.filter((m) => m.fullName !== "Marc Olivieri"),
    notes:
      "Deux candidatures examinées ; le représentant de la Région, excusé, a transmis son avis.",
    agenda: [
      {
        candidature: "hyeres",
        proposal: "FAVOURABLE",
        motivation:
          "Tous les critères sont atteints ; le GRALM souligne l'ancrage territorial des formations du nautisme et du paysage.",
      },
      {
        candidature: "digne",
        proposal: "POSTPONED",
        motivation:
          "Examen ajourné : le GRALM souhaite connaître le plan d'ouverture internationale adopté par le conseil d'administration (réserve majeure des auditeurs) avant de se prononcer.",
      },
    ],
  },
  {
    inDays: 20,
    createdInDays: -5,
    members: GRALM_MEMBERS,
    notes: "Session à venir : ordre du jour en préparation.",
    agenda: [
      {
        candidature: "digne",
        proposal: null,
        motivation: "",
      },
    ],
  },
];

export interface DecisionSeed {
  candidature: string;
  caen: { inDays: number; opinion: CaenOpinion; comment: string };
  /** One act per académie that has decided (a network over two académies may await one). */
  rectors: readonly {
    academie: AcademieCode;
    inDays: number;
    outcomes: Partial<Record<EstablishmentKey, RectorOutcome>>;
    comment: string;
  }[];
  /** The BOEN publication (its reference is made from its date), once every rector has decided. */
  boenInDays: number | null;
}

export const DECISIONS: readonly DecisionSeed[] = [
  {
    candidature: "mer",
    caen: {
      inDays: -120,
      opinion: "FAVOURABLE",
      comment: "Avis favorable, avec la réserve relevée par le GRALM.",
    },
    rectors: [
      {
        academie: "AIX_MARSEILLE",
        inDays: -100,
        outcomes: { "la-ciotat-chantiers": "APPROVED" },
        comment: "Label accordé au lycée des Chantiers.",
      },
      {
        academie: "NICE",
        inDays: -95,
        outcomes: { "frejus-esterel": "REFUSED" },
        comment:
          "Le label n'est pas accordé au lycée de l'Estérel : la prévention du décrochage, réserve majeure de l'audit, n'est pas encore organisée. Une nouvelle candidature est encouragée.",
      },
    ],
    boenInDays: -60,
  },
  {
    candidature: "manosque",
    caen: { inDays: -120, opinion: "FAVOURABLE", comment: "Avis favorable unanime." },
    rectors: [
      {
        academie: "AIX_MARSEILLE",
        inDays: -35,
        outcomes: { "manosque-durance": "APPROVED" },
        comment: "Label accordé.",
      },
    ],
    boenInDays: null,
  },
  {
    candidature: "provence-verte",
    caen: { inDays: -120, opinion: "FAVOURABLE", comment: "Avis favorable." },
    // The rector of Nice has decided for Brignoles; Aix-Marseille's decision for Aix is awaited.
    rectors: [
      {
        academie: "NICE",
        inDays: -20,
        outcomes: { "brignoles-sainte-baume": "APPROVED" },
        comment: "Label accordé au lycée de la Sainte-Baume.",
      },
    ],
    boenInDays: null,
  },
];

// ---------------------------------------------------------------------------------------------
// The auditors' notes on each criterion (as a whole): the inspector's, the CEE's, and the strengths.

export const GRID_NOTES: Readonly<
  Record<CriterionCode, { inspector: string; cee: string; strengths: string }>
> = {
  "1": {
    inspector:
      "Offre de formation cohérente avec les besoins du territoire ; les passerelles entre CAP et baccalauréat professionnel sont suivies en conseil pédagogique.",
    cee: "Les entreprises rencontrées confirment que l'offre répond à leurs besoins de recrutement.",
    strengths: "Évolution de l'offre construite avec les branches professionnelles.",
  },
  "2": {
    inspector:
      "Publics de statuts différents accueillis sur les mêmes plateaux ; changements de statut accompagnés.",
    cee: "Les maîtres d'apprentissage connaissent leur interlocuteur au lycée.",
    strengths: "Livret d'accueil commun aux élèves, apprentis et stagiaires.",
  },
  "3": {
    inspector:
      "Test de positionnement exploité, groupes de besoin recomposés ; la co-intervention est en place.",
    cee: "Les gestes professionnels observés en atelier sont ceux attendus en entreprise.",
    strengths: "Pédagogie de projet sur des supports professionnels réels.",
  },
  "4": {
    inspector:
      "Bureau des entreprises actif ; participation au campus des métiers et des qualifications.",
    cee: "Réseau d'entreprises d'accueil dense et fidèle ; les tuteurs évaluent chaque PFMP.",
    strengths: "Partenariats formalisés et évalués chaque année.",
  },
  "5": {
    inspector:
      "Actions d'éducation artistique et culturelle recensées dans ADAGE ; les classes de CAP sont moins concernées.",
    cee: "Les projets culturels valorisent les métiers auprès des familles et des partenaires.",
    strengths: "Une action culturelle emblématique, reconnue localement.",
  },
  "6": {
    inspector:
      "Plan d'ouverture internationale à consolider ; mobilités des personnels encore peu nombreuses.",
    cee: "Les mobilités en entreprise à l'étranger sont appréciées des employeurs.",
    strengths: "Préparation linguistique en co-intervention.",
  },
  "7": {
    inspector:
      "Groupe de prévention du décrochage à réunir plus régulièrement ; suivi des sortants avec le réseau FOQUALE.",
    cee: "Les entreprises sont prêtes à accueillir des élèves en parcours aménagé.",
    strengths: "Repérage précoce des absences.",
  },
  "8": {
    inspector:
      "Plan de communication présenté au conseil d'administration ; communication interne régulière.",
    cee: "Le lycée est bien identifié par les entreprises du bassin.",
    strengths: "Les réalisations des élèves sont mises en valeur.",
  },
  "9a": {
    inspector:
      "Numérique au service des métiers : équipements professionnels et plan de formation des enseignants.",
    cee: "Les logiciels utilisés sont ceux des entreprises partenaires.",
    strengths: "Outils professionnels intégrés aux situations d'apprentissage.",
  },
  "9b": {
    inspector:
      "Plan d'action pour la mixité suivi par une référente ; indicateur de la part des filles exploité.",
    cee: "Les professionnelles invitées donnent une image concrète des métiers.",
    strengths: "Mini-stages croisés pour les collégiennes et les collégiens.",
  },
};
