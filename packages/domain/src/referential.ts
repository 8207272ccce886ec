import type { CandidatureKind } from "./candidature";
import type { IsoDate } from "./dates";
import { DomainError } from "./errors";

export type CriterionCode = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9a" | "9b";
export type NationalCriterionCode = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8";
export type OptionalCriterionVariant = "A" | "B";

/**
 * Who must address an expectation: every candidature (`ALL`), or network candidatures only (`NETWORK`:
 * the sentences « Dans le cas de(s) candidatures en réseau… »).
 */
export type ExpectationScope = "ALL" | "NETWORK";

export const EXPECTATION_SCOPE_LABELS: Record<ExpectationScope, string> = {
  ALL: "Toutes les candidatures",
  NETWORK: "Candidatures en réseau uniquement",
};

/** One expectation (attendu) of the cahier des charges: a sentence or a bullet of a criterion. */
export interface Expectation {
  id: string;
  text: string;
  scope: ExpectationScope;
}

export interface Criterion {
  code: CriterionCode;
  number: number;
  title: string;
  shortTitle: string;
  optional: boolean;
  variant: OptionalCriterionVariant | null;
  /** In a network candidature, the co-applicants build a common strategy for this criterion. */
  networkCommonStrategy: boolean;
  /** Every expectation, network-only ones included: use `expectationsFor` for one candidature. */
  expectations: Expectation[];
  qualeducFicheCodes: string[];
  /**
   * The cahier des charges' rule by which an Euroscol label meets this criterion de facto (criterion 6
   * only), or null. It is a rule, not an expectation to tick: see `canBeMetByEuroscol`.
   */
  metByEuroscolNote: string | null;
  /**
   * Ids that earlier data of this criterion held and that are no longer expectations ("6.10", the
   * Euroscol rule, now `metByEuroscolNote`). Stored answers may still carry them:
   * `assertExpectationIds` drops them silently instead of refusing them.
   */
  retiredExpectationIds: string[];
}

export interface QualeducFiche {
  code: string;
  title: string;
}

export interface Referential {
  version: string;
  title: string;
  publishedOn: IsoDate;
  criteria: Criterion[];
  qualeducFiches: QualeducFiche[];
}

export const CURRENT_REFERENTIAL_VERSION = "paca-2024.1";

export const CRITERION_CODES: readonly CriterionCode[] = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9a",
  "9b",
];
export const NATIONAL_CRITERION_CODES: readonly NationalCriterionCode[] = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
];
export const NETWORK_COMMON_STRATEGY_CRITERIA: readonly NationalCriterionCode[] = [
  "4",
  "5",
  "6",
  "8",
];

interface CriterionSource {
  code: CriterionCode;
  title: string;
  shortTitle: string;
  qualeducFicheCodes: string[];
  texts: string[];
  metByEuroscolNote?: string;
  retiredExpectationIds?: string[];
}

/** Texts of the cahier des charges, cleaned of line-break hyphenation. */
const CRITERIA_SOURCES: CriterionSource[] = [
  {
    code: "1",
    title:
      "Une offre de formations professionnelles construite autour d'un ensemble de métiers et de parcours de formation",
    shortTitle: "Offre de formation et parcours",
    qualeducFicheCodes: ["Q.3.2", "Q.2.5"],
    texts: [
      "L'établissement propose une offre de formation professionnelle permettant des parcours ascendants, fluidifiant les passerelles et les parcours mixtes.",
      "L'offre de formation est construite en cohérence avec les besoins en compétences des filières d'activité et du territoire ; l'évolution de ces besoins est suivie par l'établissement.",
      "Des formations de spécialisation insérantes (FCIL, ou certification de spécialisation notamment) sont proposées à l'issue du premier diplôme professionnel obtenu.",
      "La coloration des diplômes professionnels est mobilisée en réponse aux besoins en compétences des territoires.",
      "Des réflexions à l'échelle de l'établissement sont conduites collectivement sur les trajectoires d'évolution de l'offre et de services proposés par l'établissement à court et moyen terme.",
      "L'intitulé du label choisi par l'établissement met en exergue un cœur de métier.",
    ],
  },
  {
    code: "2",
    title: "L'accueil de publics de statuts différents",
    shortTitle: "Accueil de publics de statuts divers",
    qualeducFicheCodes: ["Q.3.2", "Q.3.12", "Q.1.9", "Q.2.10"],
    texts: [
      "L'établissement accueille des publics de différents statuts (élèves, apprentis, stagiaires de la formation professionnelle, étudiants).",
      "L'intégration de publics sous différents statuts dans l'établissement est réfléchie et organisée.",
      "Le possible changement de statut des apprenants au cours de leur formation est facilité et suivi.",
      "L'accueil des potentiels futurs apprenants est organisé, notamment dans le cadre de la découverte des métiers proposée au collège.",
      "L'interaction entre les publics des différents statuts est facilitée.",
    ],
  },
  {
    code: "3",
    title: "Des réponses pédagogiques et des parcours de formation adaptés",
    shortTitle: "Pédagogie et parcours adaptés",
    qualeducFicheCodes: [],
    texts: [
      "Les publics accueillis bénéficient d'un parcours de formation adapté aux acquis constatés à leur entrée en formation (sur la base notamment des tests de positionnement).",
      "L'organisation des formations dans l'établissement permet la mobilisation des dispositifs pédagogiques et d'accompagnement (accompagnement personnalisé, perfectionnement, travail en petits groupes, travail en groupes de besoin…).",
      "Le suivi des élèves en fragilité est réalisé et les actions de remédiation peuvent être mobilisées rapidement.",
      "L'interdisciplinarité fait l'objet de réflexions permettant de meilleures articulations entre enseignement général et enseignement professionnel (démarche projet, préparation à l'oral de projet, co-intervention…).",
      "Un travail est mené dans l'établissement sur l'articulation entre les périodes de formation dans l'établissement et le milieu professionnel (pédagogie de l'alternance).",
      "Le projet d'insertion professionnelle ou de poursuite d'études des apprenants est accompagné et suivi dans le temps (modules d'aide au choix d'orientation, actions menées à la préparation à la poursuite d'études, actions menées dans la préparation à l'insertion professionnelle, liens étroits avec l'enseignement supérieur).",
      "Le conseil pédagogique est actif.",
      "L'innovation pédagogique est facilitée.",
    ],
  },
  {
    code: "4",
    title:
      "Un partenariat actif avec le tissu économique local et les organismes de proximité agissant dans les domaines de la formation professionnelle, de l'orientation et de l'insertion",
    shortTitle: "Partenariat avec le tissu économique",
    qualeducFicheCodes: ["Q.3.5", "Q.1.8", "Q.2.5", "Q.2.7"],
    texts: [
      "L'établissement dispose d'une stratégie partenariale afin de développer des relations durables avec le tissu économique local et les partenaires en faveur de l'emploi, notamment au travers des comités locaux école-entreprise, en lien, le cas échéant, avec la feuille de route du Campus des métiers et des qualifications.",
      "L'établissement travaille en faveur de l'enseignement et de la formation professionnels avec les établissements avoisinants (collèges, lycées, centres de formation des apprentis, enseignement supérieur, etc.).",
      "Le bureau des entreprises est clairement identifié dans l'établissement et ses actions sont valorisées.",
      "Les relations avec les partenaires professionnels permettent d'engager diverses actions sur l'alternance pédagogique en formation, la qualité de la formation en milieu professionnel, l'activité des professionnels dans l'établissement ou l'immersion des professeurs dans l'entreprise.",
      "L'établissement travaille en concertation avec les autres établissements d'une même famille des métiers de baccalauréat professionnel, et en lien avec les établissements liés aux poursuites d'études des apprenants, que la candidature soit établie en réseau ou non.",
      "L'établissement est adhérent à un campus des métiers et des qualifications lorsqu'il existe pour sa/ses filières.",
      "Dans le cas de candidatures en réseau, les établissements cocandidats mettent en place une stratégie partenariale commune.",
      "Le lycée des métiers assure une veille pour disposer d'une bonne connaissance des organisations de son territoire, des perspectives d'emplois, des métiers et des formations connexes.",
    ],
  },
  {
    code: "5",
    title: "L'organisation d'actions culturelles",
    shortTitle: "Actions culturelles",
    qualeducFicheCodes: ["Q.2.5"],
    texts: [
      "Les actions culturelles organisées par le lycée des métiers touchent l'ensemble des publics de l'établissement.",
      "Ces actions sont significatives, elles mobilisent les 3 piliers de l'éducation artistique et culturelle (EAC) et sont renseignées dans ADAGE (application dédiée à la généralisation de l'EAC), qui permet de formaliser et suivre le parcours de l'élève.",
      "Les actions intègrent l'ensemble des enseignements et l'ensemble des domaines de l'EAC (arts visuels et patrimoine, cinéma et audiovisuel, culture scientifique, technique et industrielle, histoire et mémoire, éducation aux médias et à l'information, livre et lecture, musique, spectacle vivant) ; elles sont pensées collectivement, en équipe.",
      "Le « pass Culture » est mobilisé par l'établissement pour la part collective et les élèves sont informés de la possible mobilisation de la part individuelle notamment en leur transmettant leurs codes EduConnect.",
      "Lorsque cela est pertinent, la réalisation du chef-d'œuvre et l'ouverture culturelle sont articulées.",
      "Dans le cas des candidatures en réseau, les établissements cocandidats engagent des réflexions sur une stratégie d'ouverture culturelle commune.",
    ],
  },
  {
    code: "6",
    title: "La mise en œuvre d'actions visant à l'ouverture internationale",
    shortTitle: "Ouverture internationale",
    qualeducFicheCodes: ["Q.2.9"],
    texts: [
      "L'établissement développe un plan cohérent et formalisé autour de l'ouverture internationale.",
      "Le plan d'ouverture internationale comprend des coopérations avec des partenaires étrangers.",
      "Le plan d'ouverture internationale comprend des mobilités proposées en PFMP ou des projets de classe.",
      "Le plan d'ouverture internationale comprend des mobilités entrantes et sortantes des personnels.",
      "Le plan d'ouverture internationale comprend des parcours optionnels et/ou des certifications spécifiques.",
      "Le plan d'ouverture internationale comprend la mise à disposition de ressources et de moyens d'information en langues étrangères.",
      "Le plan d'ouverture internationale comprend le développement professionnel des personnels aux langues et aux cultures des pays étrangers.",
      "Ce plan implique l'ensemble des enseignements, notamment professionnels et linguistiques, en s'inscrivant dans les axes académiques, de région académique et nationaux en matière d'ouverture européenne et internationale et de mobilité des jeunes.",
      "Dans le cas des candidatures en réseau, les établissements cocandidats engagent des réflexions sur une stratégie d'ouverture internationale commune.",
    ],
    // Formerly expectation 6.10, the last of criterion 6: no other id moved.
    metByEuroscolNote:
      "L'établissement labellisé Euroscol valide de fait ce critère ; par ailleurs, la réussite de ce critère constitue les prémices nécessaires à l'obtention du label Euroscol.",
    retiredExpectationIds: ["6.10"],
  },
  {
    code: "7",
    title:
      "La mise en place et le suivi d'actions pour prévenir le décrochage scolaire et pour accueillir des jeunes bénéficiant du droit au retour en formation initiale",
    shortTitle: "Décrochage et retour en formation",
    qualeducFicheCodes: ["Q.2.6", "Q.3.11", "Q.1.5"],
    texts: [
      "L'établissement organise des interventions, des actions de prévention et de remédiation pour lutter contre le décrochage scolaire.",
      "Le suivi des élèves sortis de l'établissement est mené pour faciliter la suite du parcours de chacun, dans la continuité de sa scolarité au lycée.",
      "Une participation aux réseaux FOQUALE dans la prise en charge des jeunes sortis sans diplôme ou sans un niveau suffisant de qualification est effective.",
      "Des parcours adaptés sont pensés pour les jeunes faisant valoir leur droit au retour en formation initiale ou au redoublement dans l'établissement ; ils constituent notamment une réponse à l'obligation de formation des 16/18 ans.",
      "Le suivi des jeunes sortants de l'établissement est réalisé pour adapter les dispositifs d'aide à l'insertion professionnelle et à la poursuite d'études.",
    ],
  },
  {
    code: "8",
    title: "Une politique active de communication",
    shortTitle: "Politique de communication",
    qualeducFicheCodes: ["Q.3.6", "Q.3.7"],
    texts: [
      "Le lycée des métiers communique activement, il définit et met en œuvre un plan de communication tant au sein de l'établissement que vers l'extérieur.",
      "Communication interne : fédérer la communauté éducative et les apprenants autour de la vie de l'établissement, développer le sentiment d'appartenance.",
      "Communication interne : faciliter la diffusion de l'information à tous les niveaux.",
      "Communication interne : valoriser les initiatives et les acteurs de projet.",
      "Communication interne : maintenir une information pertinente et actualisée.",
      "Communication interne : faciliter un travail collaboratif par le partage de l'information.",
      "Communication externe : valoriser le label « lycée des métiers ».",
      "Communication externe : contribuer à une image positive de l'établissement.",
      "Communication externe : informer de son offre et de ses services les usagers et partenaires.",
      "Communication externe : entretenir des relations étroites avec les familles.",
      "Communication externe : se faire connaître des partenaires extérieurs en France et à l'étranger.",
      "Communication externe : maintenir une information pertinente et actualisée.",
      "Cette communication s'appuie sur une contribution dynamique des équipes.",
      "Un travail de valorisation et de communication autour des métiers, des formations et des parcours proposés par l'établissement est engagé.",
      "Les partenariats, les projets éducatifs et pédagogiques de l'établissement sont valorisés.",
      "La communauté éducative dispose d'outils et de supports de communication lui permettant de s'emparer des axes de travail et actions de l'établissement, dans ses relations avec les partenaires du lycée (pages du site web, réseaux sociaux, documents, plaquettes…).",
      "L'établissement informe les différentes parties prenantes (entreprises, branches professionnelles, parents, élèves…) et communique sur le label auprès d'elles.",
      "Dans le cas des candidatures en réseau, les établissements cocandidats engagent des réflexions sur une stratégie de communication commune.",
    ],
  },
  {
    code: "9a",
    title: "9-a : développer le numérique au service des métiers",
    shortTitle: "Numérique au service des métiers",
    qualeducFicheCodes: [],
    texts: [
      "Le lycée des métiers favorise le développement de l'utilisation du numérique pour la communication, les apprentissages et l'insertion professionnelle.",
      "L'établissement développe et valorise les pratiques numériques au sein de l'établissement.",
      "L'établissement assure la représentation de l'établissement par le biais d'outils numériques d'information.",
      "L'établissement favorise le développement d'équipements numériques.",
      "L'établissement prépare les élèves aux métiers de demain.",
      "L'établissement facilite la mise en œuvre de pratiques collaboratives.",
      "L'établissement organise des temps de formation au numérique pour le personnel enseignant en initiative locale, en réseau ou en académie.",
    ],
  },
  {
    code: "9b",
    title: "9-b : lutter contre les stéréotypes de genre et favoriser l'égalité filles-garçons",
    shortTitle: "Égalité filles-garçons",
    qualeducFicheCodes: [],
    texts: [
      "Le lycée des métiers organise un travail de l'équipe éducative autour de la lutte contre les stéréotypes de genre et l'inégalité filles-garçons.",
      "L'établissement sensibilise les personnels et les élèves sur la thématique et engage des projets pédagogiques.",
      "L'établissement participe à des actions évènementielles nationales ou académiques.",
      "L'établissement met en place des dispositifs d'accompagnement notamment pour l'orientation.",
      "L'établissement favorise la mixité filles-garçons dans les filières de formation.",
      "L'établissement encourage le développement professionnel des personnels.",
    ],
  },
];

/** Qualéduc fiches quoted by the guide's correspondence table. */
const QUALEDUC_FICHES: QualeducFiche[] = [
  { code: "Q.3.2", title: "Analyser et faire évoluer l'offre de formation de l'établissement" },
  { code: "Q.2.5", title: "Organiser et suivre le parcours de formation de l'élève" },
  { code: "Q.3.12", title: "Proposer des actions de formation continue pour adultes" },
  { code: "Q.1.9", title: "Mettre en œuvre l'apprentissage dans l'établissement" },
  { code: "Q.2.10", title: "Mettre en œuvre les liaisons CAP - Bac pro - BTS" },
  { code: "Q.3.5", title: "Faire vivre les réseaux et les partenariats" },
  { code: "Q.1.8", title: "Préparer à l'insertion professionnelle ou à la poursuite d'études" },
  {
    code: "Q.2.7",
    title: "Organiser et exploiter les périodes de formation en milieu professionnel",
  },
  { code: "Q.2.9", title: "Développer l'ouverture européenne et internationale" },
  { code: "Q.2.6", title: "Besoins éducatifs particuliers, situation de handicap" },
  { code: "Q.3.11", title: "Prévenir le décrochage scolaire" },
  { code: "Q.1.5", title: "Mettre en œuvre l'accompagnement renforcé" },
  { code: "Q.3.6", title: "Travailler la communication interne au sein de l'établissement" },
  { code: "Q.3.7", title: "Travailler la communication externe de l'établissement" },
];

function variantOf(code: CriterionCode): OptionalCriterionVariant | null {
  return code === "9a" ? "A" : code === "9b" ? "B" : null;
}

/** The sentences that bind network candidatures only. */
const NETWORK_ONLY_TEXT = /^Dans le cas des? candidatures en réseau\b/;

function scopeOf(text: string): ExpectationScope {
  return NETWORK_ONLY_TEXT.test(text) ? "NETWORK" : "ALL";
}

function buildCriterion(source: CriterionSource): Criterion {
  const variant = variantOf(source.code);
  return {
    code: source.code,
    number: variant === null ? Number(source.code) : 9,
    title: source.title,
    shortTitle: source.shortTitle,
    optional: variant !== null,
    variant,
    networkCommonStrategy: (NETWORK_COMMON_STRATEGY_CRITERIA as readonly string[]).includes(
      source.code,
    ),
    expectations: source.texts.map((text, index) => ({
      id: `${source.code}.${index + 1}`,
      text,
      scope: scopeOf(text),
    })),
    qualeducFicheCodes: [...source.qualeducFicheCodes],
    metByEuroscolNote: source.metByEuroscolNote ?? null,
    retiredExpectationIds: [...(source.retiredExpectationIds ?? [])],
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const REFERENTIALS: readonly Referential[] = deepFreeze([
  {
    version: CURRENT_REFERENTIAL_VERSION,
    title:
      "Cahier des charges du label « Lycée des métiers » — région académique Provence-Alpes-Côte d'Azur",
    publishedOn: "2024-09-01",
    criteria: CRITERIA_SOURCES.map(buildCriterion),
    qualeducFiches: QUALEDUC_FICHES,
  },
]);

export function getReferential(version: string): Referential {
  const referential = REFERENTIALS.find((r) => r.version === version);
  if (!referential) {
    throw new DomainError(
      "NOT_FOUND",
      `Le référentiel « ${version} » n'existe pas (versions disponibles : ${REFERENTIALS.map((r) => r.version).join(", ")}).`,
      { version },
    );
  }
  return referential;
}

export function isCriterionCode(s: string): s is CriterionCode {
  return (CRITERION_CODES as readonly string[]).includes(s);
}

export function getCriterion(version: string, code: string): Criterion {
  const referential = getReferential(version);
  const criterion = referential.criteria.find((c) => c.code === code);
  if (!criterion) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le critère « ${code} » n'existe pas dans le référentiel « ${version} » (critères : ${referential.criteria.map((c) => c.code).join(", ")}).`,
      { version, code },
    );
  }
  return criterion;
}

export function criterionCodeForVariant(v: OptionalCriterionVariant): "9a" | "9b" {
  return v === "A" ? "9a" : "9b";
}

/**
 * True when an establishment that chose `variant` (null: none) answers criterion `code`: every national
 * criterion, and the criterion 9 variant it chose.
 */
export function answersCriterion(variant: OptionalCriterionVariant | null, code: string): boolean {
  if (code !== "9a" && code !== "9b") return true;
  return variant !== null && criterionCodeForVariant(variant) === code;
}

/** The 8 national criteria, plus 9-a or 9-b when a variant is chosen. */
export function criteriaForCandidature(
  version: string,
  optionalVariant: OptionalCriterionVariant | null,
): Criterion[] {
  const referential = getReferential(version);
  const optionalCode = optionalVariant === null ? null : criterionCodeForVariant(optionalVariant);
  return referential.criteria.filter((c) => !c.optional || c.code === optionalCode);
}

/**
 * The criteria one establishment answers: the 8 national criteria plus the criterion 9 variant it chose
 * (in a network each co-applicant chooses its own, or none), each with only the expectations a
 * candidature of that kind must address (`expectationsFor`).
 */
export function criteriaForMember(
  version: string,
  kind: CandidatureKind,
  optionalVariant: OptionalCriterionVariant | null,
): Criterion[] {
  return criteriaForCandidature(version, optionalVariant).map((c) => scopedTo(c, kind));
}

/** The criterion with only the expectations a candidature of that kind addresses. */
function scopedTo(criterion: Criterion, kind: CandidatureKind): Criterion {
  const expectations = expectationsFor(criterion, kind);
  return expectations.length === criterion.expectations.length
    ? criterion
    : Object.freeze({ ...criterion, expectations: Object.freeze(expectations) as Expectation[] });
}

/**
 * The criteria of a candidature whose members may choose different criterion 9 variants: the national
 * criteria plus every variant chosen by at least one member, in the referential's order. Given the
 * candidature's kind, each keeps only the expectations of that kind (`expectationsFor`).
 */
export function criteriaForMemberVariants(
  version: string,
  variants: readonly (OptionalCriterionVariant | null)[],
  kind?: CandidatureKind,
): Criterion[] {
  const chosen = new Set<string>(
    variants.filter((v): v is OptionalCriterionVariant => v !== null).map(criterionCodeForVariant),
  );
  const criteria = getReferential(version).criteria.filter(
    (c) => !c.optional || chosen.has(c.code),
  );
  return kind === undefined ? criteria : criteria.map((c) => scopedTo(c, kind));
}

/**
 * The expectations a candidature of this kind must address on the criterion: all of them for a network,
 * all but the network-only ones (scope `NETWORK`) for an individual candidature. Takes any criterion
 * shape carrying scoped expectations (the referential's, or a portal's GraphQL data).
 */
export function expectationsFor<E extends Pick<Expectation, "scope">>(
  criterion: { readonly expectations: readonly E[] },
  kind: CandidatureKind,
): E[] {
  return criterion.expectations.filter((e) => kind === "NETWORK" || e.scope === "ALL");
}

/** Accepts "A", "B", "a", "b", "9a", "9-a", "9b", "9-b" (case-insensitive); null or "" → null. */
export function parseOptionalCriterionVariant(
  s: string | null | undefined,
): OptionalCriterionVariant | null {
  if (s === null || s === undefined) return null;
  const normalized = s.trim().toLowerCase();
  if (normalized === "") return null;
  if (["a", "9a", "9-a"].includes(normalized)) return "A";
  if (["b", "9b", "9-b"].includes(normalized)) return "B";
  throw new DomainError("BAD_USER_INPUT", "La variante du critère 9 doit être « a » ou « b ».", {
    value: s,
  });
}

export function qualeducFichesForCriterion(version: string, code: string): QualeducFiche[] {
  const referential = getReferential(version);
  const criterion = getCriterion(version, code);
  return criterion.qualeducFicheCodes.map((ficheCode) => {
    const fiche = referential.qualeducFiches.find((f) => f.code === ficheCode);
    if (!fiche) {
      throw new DomainError("NOT_FOUND", `La fiche Qualéduc « ${ficheCode} » est introuvable.`, {
        code: ficheCode,
      });
    }
    return fiche;
  });
}

/** "9a" → "9-a", other codes unchanged: the way criteria are written for users. */
export function criterionDisplayCode(code: CriterionCode): string {
  return code === "9a" ? "9-a" : code === "9b" ? "9-b" : code;
}
