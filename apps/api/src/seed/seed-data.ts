/**
 * Données de démonstration — FICTIVES.
 *
 * Les établissements, codes UAI, personnes, adresses électroniques, partenaires, journaux, récits,
 * auto-évaluations, valeurs d'indicateurs et pièces justificatives ci-dessous sont inventés pour la
 * démonstration de la plateforme : toute ressemblance avec un établissement ou une personne réels
 * serait fortuite. Les communes, départements et académies sont réels.
 *
 * Les dates sont relatives au jour du chargement (`parisToday()`) : voir `seed.ts`. Les comptes de
 * démonstration (un par rôle) sont dans `demo-accounts.ts` ; la suite de la procédure (du dépôt au
 * BOEN) dans `seed-procedure-data.ts`.
 */
import type {
  AcademieCode,
  AttainmentLevel,
  AwardType,
  CandidatureKind,
  CriterionCode,
  EngagementDocumentKind,
  EstablishmentKind,
  EstablishmentSector,
  EvidenceKind,
  IndicatorDirection,
  IndicatorKind,
  NationalCriterionCode,
  OptionalCriterionVariant,
  TransitionName,
} from "@ldm/domain";
import type { DemoAccountEmail, DemoAuditorEmail } from "./demo-accounts";

// ---------------------------------------------------------------------------------------------
// Establishments

export interface SeedEstablishment {
  /** Stable key used by the candidatures below. */
  key: string;
  /** 7 digits (département on 3 digits first) + the check letter. */
  uai: string;
  name: string;
  kind: EstablishmentKind;
  sector: EstablishmentSector;
  city: string;
  departementCode: string;
}

/** The first one is the marker: when its UAI exists, the demo data is already there. */
export const SEED_ESTABLISHMENTS = [
  // Académie d'Aix-Marseille — Bouches-du-Rhône (13)
  {
    key: "marseille-jean-moulin",
    uai: "0139012A",
    name: "Lycée professionnel Jean Moulin",
    kind: "LP",
    sector: "PUBLIC",
    city: "Marseille",
    departementCode: "13",
  },
  {
    key: "marseille-calanques",
    uai: "0139147X",
    name: "Lycée polyvalent Les Calanques",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Marseille",
    departementCode: "13",
  },
  {
    key: "aix-sainte-victoire",
    uai: "0139263Y",
    name: "Lycée professionnel Sainte-Victoire",
    kind: "LP",
    sector: "PUBLIC",
    city: "Aix-en-Provence",
    departementCode: "13",
  },
  {
    key: "martigues-saint-joseph",
    uai: "0139385F",
    name: "Lycée professionnel privé Saint-Joseph de l'Étang",
    kind: "LP",
    sector: "PRIVATE_UNDER_CONTRACT",
    city: "Martigues",
    departementCode: "13",
  },
  {
    key: "salon-la-crau",
    uai: "0139421V",
    name: "Lycée polyvalent de la Crau",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Salon-de-Provence",
    departementCode: "13",
  },
  {
    key: "aubagne-pins-d-alep",
    uai: "0139558U",
    name: "EREA Les Pins d'Alep",
    kind: "EREA",
    sector: "PUBLIC",
    city: "Aubagne",
    departementCode: "13",
  },
  {
    key: "la-ciotat-chantiers",
    uai: "0139674V",
    name: "Lycée professionnel des Chantiers",
    kind: "LP",
    sector: "PUBLIC",
    city: "La Ciotat",
    departementCode: "13",
  },
  // Académie d'Aix-Marseille — Vaucluse (84)
  {
    key: "avignon-remparts",
    uai: "0849031K",
    name: "Lycée professionnel Les Remparts",
    kind: "LP",
    sector: "PUBLIC",
    city: "Avignon",
    departementCode: "84",
  },
  {
    key: "carpentras-ventoux",
    uai: "0849146K",
    name: "Lycée polyvalent du Ventoux",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Carpentras",
    departementCode: "84",
  },
  {
    key: "apt-notre-dame",
    uai: "0849272X",
    name: "Lycée professionnel privé Notre-Dame du Luberon",
    kind: "LP",
    sector: "PRIVATE_UNDER_CONTRACT",
    city: "Apt",
    departementCode: "84",
  },
  {
    key: "cavaillon-vergers",
    uai: "0849318X",
    name: "Lycée professionnel Les Vergers",
    kind: "LP",
    sector: "PUBLIC",
    city: "Cavaillon",
    departementCode: "84",
  },
  // Académie d'Aix-Marseille — Alpes-de-Haute-Provence (04)
  {
    key: "digne-trois-vallees",
    uai: "0049045K",
    name: "Lycée polyvalent des Trois Vallées",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Digne-les-Bains",
    departementCode: "04",
  },
  {
    key: "manosque-durance",
    uai: "0049181H",
    name: "Lycée professionnel de la Durance",
    kind: "LP",
    sector: "PUBLIC",
    city: "Manosque",
    departementCode: "04",
  },
  {
    key: "sisteron-citadelle",
    uai: "0049237U",
    name: "Lycée professionnel La Citadelle",
    kind: "LP",
    sector: "PUBLIC",
    city: "Sisteron",
    departementCode: "04",
  },
  // Académie d'Aix-Marseille — Hautes-Alpes (05)
  {
    key: "embrun-serre-poncon",
    uai: "0059064A",
    name: "Lycée polyvalent de Serre-Ponçon",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Embrun",
    departementCode: "05",
  },
  {
    key: "briancon-hautes-vallees",
    uai: "0059128V",
    name: "Lycée professionnel des Hautes Vallées",
    kind: "LP",
    sector: "PUBLIC",
    city: "Briançon",
    departementCode: "05",
  },
  {
    key: "gap-champsaur",
    uai: "0059293Z",
    name: "EREA du Champsaur",
    kind: "EREA",
    sector: "PUBLIC",
    city: "Gap",
    departementCode: "05",
  },
  // Académie de Nice — Alpes-Maritimes (06)
  {
    key: "nice-oliviers",
    uai: "0069053H",
    name: "Lycée professionnel Les Oliviers",
    kind: "LP",
    sector: "PUBLIC",
    city: "Nice",
    departementCode: "06",
  },
  {
    key: "cannes-lerins",
    uai: "0069175R",
    name: "Lycée polyvalent des Îles de Lérins",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Cannes",
    departementCode: "06",
  },
  {
    key: "grasse-parfumeurs",
    uai: "0069219N",
    name: "Lycée professionnel Les Parfumeurs",
    kind: "LP",
    sector: "PUBLIC",
    city: "Grasse",
    departementCode: "06",
  },
  {
    key: "antibes-sainte-marthe",
    uai: "0069346B",
    name: "Lycée professionnel privé Sainte-Marthe",
    kind: "LP",
    sector: "PRIVATE_UNDER_CONTRACT",
    city: "Antibes",
    departementCode: "06",
  },
  {
    key: "carros-vallee-du-var",
    uai: "0069482Z",
    name: "Lycée professionnel de la Vallée du Var",
    kind: "LP",
    sector: "PUBLIC",
    city: "Carros",
    departementCode: "06",
  },
  {
    key: "menton-agrumes",
    uai: "0069517M",
    name: "Lycée polyvalent Les Agrumes",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Menton",
    departementCode: "06",
  },
  // Académie de Nice — Var (83)
  {
    key: "toulon-arsenal",
    uai: "0839024H",
    name: "Lycée professionnel de l'Arsenal",
    kind: "LP",
    sector: "PUBLIC",
    city: "Toulon",
    departementCode: "83",
  },
  {
    key: "hyeres-salins",
    uai: "0839158D",
    name: "Lycée polyvalent Les Salins",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Hyères",
    departementCode: "83",
  },
  {
    key: "brignoles-sainte-baume",
    uai: "0839231H",
    name: "Lycée professionnel privé de la Sainte-Baume",
    kind: "LP",
    sector: "PRIVATE_UNDER_CONTRACT",
    city: "Brignoles",
    departementCode: "83",
  },
  {
    key: "frejus-esterel",
    uai: "0839367F",
    name: "Lycée professionnel de l'Estérel",
    kind: "LP",
    sector: "PUBLIC",
    city: "Fréjus",
    departementCode: "83",
  },
  {
    key: "la-garde-maures",
    uai: "0839412E",
    name: "EREA Les Maures",
    kind: "EREA",
    sector: "PUBLIC",
    city: "La Garde",
    departementCode: "83",
  },
  {
    key: "draguignan-dracenie",
    uai: "0839596E",
    name: "Lycée polyvalent de la Dracénie",
    kind: "LPO",
    sector: "PUBLIC",
    city: "Draguignan",
    departementCode: "83",
  },
] as const satisfies readonly SeedEstablishment[];

export type EstablishmentKey = (typeof SEED_ESTABLISHMENTS)[number]["key"];

/** UAI whose presence means that the demo data has already been loaded. */
export const DEMO_MARKER_UAI: string = SEED_ESTABLISHMENTS[0].uai;

// ---------------------------------------------------------------------------------------------
// Narratives: one profile per establishment that writes a dossier, turned into a 3–4 sentence
// answer per criterion by `criterionNarrative`.

export interface NarrativeProfile {
  /** « des métiers de … » */
  trades: string;
  /** Diplomas offered, from CAP to BTS. */
  pathways: string;
  /** One sentence: the latest change of the training offer. */
  offerChange: string;
  /** « du bassin … » */
  territory: string;
  /** Learners other than pupils: apprentices, adults, students. */
  publics: string;
  /** One sentence: a pedagogical practice. */
  pedagogy: string;
  companyCount: number;
  companies: string;
  /** « Campus des métiers et des qualifications … » */
  campus: string;
  /** One sentence: work with establishments of the same famille de métiers. */
  sameFamily: string;
  /** One sentence: an emblematic cultural action. */
  culture: string;
  /** « en Italie (…) » : destinations of the pupils' mobilities. */
  abroad: string;
  /** One sentence: staff mobility. */
  staffMobility: string;
  /** One sentence: dropout prevention. */
  dropout: string;
  /** One sentence: communication tools. */
  communication: string;
  /** One sentence for criterion 9-a, when chosen. */
  digital?: string;
  /** One sentence for criterion 9-b, when chosen. */
  equality?: string;
}

export const NARRATIVE_PROFILES: Partial<Record<EstablishmentKey, NarrativeProfile>> = {
  "marseille-jean-moulin": {
    trades: "des métiers de l'électricité, des réseaux et de l'énergie",
    pathways:
      "CAP Électricien, baccalauréat professionnel Métiers de l'électricité et de ses environnements connectés et BTS Électrotechnique",
    offerChange:
      "Une formation complémentaire d'initiative locale (FCIL) en installation photovoltaïque a ouvert à la dernière rentrée à la demande des installateurs du territoire.",
    territory: "du bassin marseillais",
    publics:
      "des apprentis en CAP et en BTS et des adultes en reconversion accueillis avec le GRETA",
    pedagogy:
      "Un projet interdisciplinaire consacré à la rénovation énergétique d'un bâtiment du lycée mobilise les trois niveaux de formation.",
    companyCount: 180,
    companies:
      "des installateurs électriciens, des entreprises de maintenance des réseaux et des bureaux d'études en performance énergétique",
    campus: "Campus des métiers et des qualifications de la transition énergétique",
    sameFamily:
      "Des épreuves communes et des échanges de plateaux techniques sont organisés avec deux lycées de la famille des métiers des transitions numérique et énergétique.",
    culture:
      "Une résidence de photographe sur le thème « Lumières de la ville » a abouti à une exposition à la médiathèque de l'arrondissement.",
    abroad: "en Espagne (Valence) ou en Irlande (Cork)",
    staffMobility:
      "Quatre enseignants sont partis en mobilité d'observation et le lycée a accueilli deux collègues portugais.",
    dropout:
      "Un module de remobilisation de six semaines, construit avec la mission de lutte contre le décrochage scolaire, a permis à onze élèves de reprendre leur formation l'an dernier.",
    communication:
      "Les réalisations des élèves sont relayées sur le site du lycée et dans la presse locale, et une plaquette présente les formations aux familles.",
    digital:
      "Les plateaux techniques disposent de maquettes de bâtiment connecté et de logiciels de supervision utilisés en entreprise, et les étudiants de BTS programment des automates à distance.",
  },
  "nice-oliviers": {
    trades: "des métiers de l'hôtellerie et de la restauration",
    pathways:
      "CAP Cuisine, CAP Commercialisation et services en hôtel-café-restaurant, baccalauréats professionnels Cuisine et Commercialisation et services en restauration",
    offerChange:
      "Une mention complémentaire Employé traiteur a été ouverte en apprentissage pour répondre aux besoins des traiteurs de la Côte d'Azur.",
    territory: "de la métropole niçoise",
    publics: "des apprentis en mention complémentaire et des adultes en formation continue",
    pedagogy:
      "Le restaurant d'application, ouvert au public deux fois par semaine, sert de support à des situations professionnelles réelles évaluées en co-intervention.",
    companyCount: 250,
    companies:
      "des hôtels de la Promenade des Anglais, des restaurants gastronomiques et des traiteurs événementiels",
    campus: "Campus des métiers et des qualifications du tourisme et de l'hôtellerie-restauration",
    sameFamily:
      "Des concours culinaires et des échanges d'enseignants sont organisés avec les lycées de la famille des métiers de l'hôtellerie-restauration de l'académie.",
    culture:
      "Un projet avec un musée niçois a conduit les élèves à créer un menu inspiré des œuvres exposées, servi lors d'une soirée ouverte aux familles.",
    abroad: "en Italie (Ligurie) ou à Malte",
    staffMobility:
      "Des enseignants de cuisine et de service ont effectué un stage d'observation dans un institut hôtelier italien partenaire.",
    dropout:
      "Les familles des élèves absents sont contactées dès la première demi-journée, et un accompagnement personnalisé est proposé aux élèves de CAP avant leur première PFMP.",
    communication:
      "Les menus et les événements du restaurant d'application sont annoncés sur les réseaux sociaux du lycée, ce qui fait connaître les formations aux familles.",
  },
  "cannes-lerins": {
    trades: "des métiers de l'accueil, du tourisme et de l'événementiel",
    pathways:
      "baccalauréat professionnel Métiers de l'accueil, BTS Tourisme et BTS Management en hôtellerie-restauration",
    offerChange:
      "Une coloration « tourisme d'affaires et congrès » du baccalauréat professionnel Métiers de l'accueil a été construite avec les organisateurs de salons de la ville.",
    territory: "du bassin cannois",
    publics:
      "des étudiants de BTS, dont une partie en apprentissage, et des adultes en reconversion",
    pedagogy:
      "Les élèves participent à l'accueil des visiteurs lors des grands événements de la ville, dans le cadre de projets encadrés par leurs enseignants.",
    companyCount: 160,
    companies: "des hôtels, des agences événementielles et des offices de tourisme du littoral",
    campus: "Campus des métiers et des qualifications du tourisme et de l'hôtellerie-restauration",
    sameFamily:
      "Des projets communs sont conduits avec les lycées de la famille des métiers de la relation client du département.",
    culture:
      "Les étudiants de BTS Tourisme conçoivent chaque année des visites patrimoniales en français et en anglais, présentées aux classes de seconde.",
    abroad: "en Irlande (Dublin) ou en Espagne (Séville)",
    staffMobility:
      "Deux enseignantes de langues ont suivi une formation linguistique en Irlande dans le cadre d'une mobilité de personnels.",
    dropout:
      "Un référent décrochage suit chaque élève signalé par l'équipe pédagogique et propose si besoin un changement de parcours au sein de l'établissement.",
    communication:
      "Le lycée présente ses formations sur les salons de l'orientation et publie un journal réalisé par les étudiants de BTS.",
    digital:
      "Les élèves d'accueil travaillent sur les logiciels de réservation et de billetterie des professionnels de l'événementiel, et les étudiants de BTS Tourisme conçoivent des visites virtuelles du patrimoine cannois.",
  },
  "menton-agrumes": {
    trades: "des métiers de la relation client et du commerce touristique",
    pathways:
      "baccalauréat professionnel Métiers du commerce et de la vente et BTS Management commercial opérationnel",
    offerChange:
      "Une certification de spécialisation en vente de produits du terroir est à l'étude avec les producteurs d'agrumes du pays mentonnais.",
    territory: "du pays mentonnais",
    publics: "des apprentis en BTS et des adultes en formation continue",
    pedagogy:
      "Une boutique pédagogique tenue par les élèves permet de travailler la vente en situation réelle pendant la saison touristique.",
    companyCount: 120,
    companies:
      "des commerces du centre-ville, des enseignes de la grande distribution et des producteurs locaux",
    campus: "Campus des métiers et des qualifications du tourisme et de l'hôtellerie-restauration",
    sameFamily:
      "Le lycée participe au réseau des établissements de la famille des métiers de la relation client de l'académie.",
    culture:
      "Les élèves ont créé avec une compagnie de théâtre un spectacle sur l'histoire du commerce transfrontalier, joué au théâtre municipal.",
    abroad: "en Italie, chez des commerçants de Vintimille et de San Remo",
    staffMobility:
      "Les enseignants de vente préparent avec un lycée italien partenaire des séquences communes menées en visioconférence.",
    dropout:
      "Un tutorat assuré par des étudiants de BTS accompagne les élèves de seconde qui rencontrent des difficultés d'adaptation.",
    communication:
      "Une lettre d'information commune aux établissements du réseau est diffusée aux familles chaque trimestre.",
  },
  "toulon-arsenal": {
    trades: "des métiers de la maintenance navale et industrielle",
    pathways:
      "CAP Conducteur d'installations de production, baccalauréats professionnels Maintenance des systèmes de production connectés et Technicien en chaudronnerie industrielle, BTS Maintenance des systèmes",
    offerChange:
      "Une FCIL de soudage en milieu naval a été créée avec les industriels de la rade pour former des soudeurs qualifiés.",
    territory: "de l'aire toulonnaise",
    publics:
      "des apprentis en BTS et des adultes en reconversion dans le cadre de préparations opérationnelles à l'emploi",
    pedagogy:
      "Un atelier de mathématiques appliquées à la chaudronnerie est proposé aux élèves qui en ont besoin, sur la base du test de positionnement.",
    companyCount: 210,
    companies:
      "des chantiers de réparation navale, des sous-traitants de l'industrie de défense et des entreprises de maintenance portuaire",
    campus: "Campus des métiers et des qualifications de la mer",
    sameFamily:
      "Des formations croisées d'enseignants et des projets de chaudronnerie communs sont menés avec deux lycées de la famille des métiers de la réalisation d'ensembles mécaniques et industriels.",
    culture:
      "Un projet avec un musée maritime a conduit les élèves de chaudronnerie à réaliser une sculpture métallique exposée dans le hall du lycée.",
    abroad: "en Italie (La Spezia) ou en Grèce (Le Pirée)",
    staffMobility:
      "Trois enseignants d'atelier sont partis en mobilité d'observation dans un chantier naval italien partenaire.",
    dropout:
      "Les élèves en risque de décrochage bénéficient d'un parcours aménagé alternant cours et stage en entreprise, construit avec leur famille.",
    communication:
      "Les réalisations des élèves sont présentées lors des salons professionnels de la mer et relayées par les partenaires industriels.",
    equality:
      "Dans un lycée où les filles représentent moins de 10 % des élèves, un plan d'action pour la mixité des filières industrielles est conduit depuis trois ans : rencontres avec des techniciennes de la navale, ateliers de découverte pour les collégiennes et travail sur les représentations en classe.",
  },
  "embrun-serre-poncon": {
    trades: "des métiers du tourisme de montagne et des activités de pleine nature",
    pathways:
      "CAP Production et service en restaurations, baccalauréat professionnel Métiers de l'accueil et BTS Tourisme",
    offerChange:
      "Une coloration « accueil en station de montagne » a été construite avec les stations de sports d'hiver du département.",
    territory: "de la vallée de la Durance",
    publics: "des apprentis saisonniers, des étudiants de BTS et des adultes en formation continue",
    pedagogy:
      "Le calendrier des PFMP est adapté aux saisons touristiques, et un accompagnement renforcé est proposé aux internes éloignés de leur famille.",
    companyCount: 140,
    companies:
      "des stations de sports d'hiver, des bases de loisirs du lac de Serre-Ponçon et des offices de tourisme",
    campus: "Campus des métiers et des qualifications du tourisme de montagne",
    sameFamily:
      "Des échanges de pratiques sont organisés avec les lycées de la famille des métiers de l'hôtellerie-restauration et de l'accueil des Alpes du Sud.",
    culture:
      "Un travail avec un parc national a permis aux élèves de créer un sentier d'interprétation consacré au patrimoine montagnard.",
    abroad: "en Italie (Piémont) ou en Autriche (Tyrol)",
    staffMobility:
      "Des enseignants ont participé à un échange de pratiques avec une école hôtelière autrichienne.",
    dropout:
      "Un internat éducatif et un suivi individualisé par le CPE limitent les abandons en cours d'année, en particulier chez les élèves éloignés de leur domicile.",
    communication:
      "Le lycée informe les familles des vallées par une page dédiée de l'ENT et par la presse locale.",
  },
  "briancon-hautes-vallees": {
    trades: "des métiers du bâtiment et de la construction bois en montagne",
    pathways:
      "CAP Charpentier bois, CAP Menuisier fabricant, baccalauréat professionnel Technicien constructeur bois et BTS Systèmes constructifs bois et habitat",
    offerChange:
      "Une certification de spécialisation en rénovation du bâti ancien de montagne est proposée depuis deux ans.",
    territory: "du Briançonnais",
    publics: "des apprentis en CAP et des adultes en formation continue avec le GRETA",
    pedagogy:
      "Les élèves réalisent chaque année un chantier-école pour une commune du Briançonnais, en pédagogie de projet de la seconde au BTS.",
    companyCount: 110,
    companies: "des charpentiers, des scieries et des constructeurs de chalets des Hautes-Alpes",
    campus: "Campus des métiers et des qualifications de la construction durable",
    sameFamily:
      "Le lycée échange plateaux techniques et enseignants avec deux lycées de la famille des métiers des études et de la modélisation numérique du bâtiment.",
    culture:
      "Une résidence d'architecte a permis aux élèves de concevoir un abri de randonnée en bois, inauguré avec les habitants.",
    abroad: "en Suisse (Valais) ou en Italie (Val de Suse)",
    staffMobility:
      "Deux enseignants de construction bois se sont formés aux techniques de charpente traditionnelle lors d'une mobilité en Italie.",
    dropout:
      "Un dispositif de remobilisation en atelier permet aux élèves en rupture de renouer avec la formation par la réalisation d'objets concrets.",
    communication:
      "Les chantiers-écoles sont présentés dans le bulletin municipal et lors des journées portes ouvertes.",
  },
  "grasse-parfumeurs": {
    trades: "des métiers de la parfumerie, de la cosmétique et de l'esthétique",
    pathways:
      "CAP Esthétique cosmétique parfumerie, baccalauréat professionnel Esthétique cosmétique parfumerie et BTS Métiers de l'esthétique-cosmétique-parfumerie",
    offerChange:
      "Une FCIL consacrée aux matières premières aromatiques a été construite avec les entreprises du bassin grassois.",
    territory: "du pays de Grasse",
    publics: "des apprenties en BTS et des adultes en reconversion accueillis avec le GRETA",
    pedagogy:
      "Les élèves pratiquent dans un institut d'application ouvert au public, et les travaux pratiques se déroulent en groupes à effectif réduit.",
    companyCount: 130,
    companies:
      "des maisons de composition, des laboratoires de cosmétique et des instituts de beauté",
    campus: "Campus des métiers et des qualifications des parfums, arômes et cosmétiques",
    sameFamily:
      "Des actions communes sont menées avec les lycées de la famille des métiers de la beauté et du bien-être de l'académie.",
    culture:
      "Les élèves travaillent chaque année avec un musée sur l'histoire des senteurs et présentent leurs créations olfactives lors des Journées européennes du patrimoine.",
    abroad: "en Italie (Florence) ou en Espagne (Barcelone)",
    staffMobility:
      "Des enseignantes d'esthétique sont parties en mobilité d'observation dans une école de cosmétique espagnole.",
    dropout:
      "Chaque élève de seconde est suivi par un enseignant référent, et les familles sont reçues dès les premières absences répétées.",
    communication:
      "Une vidéo de présentation des formations, réalisée avec les élèves, est diffusée sur le site du lycée et lors des salons de l'orientation.",
  },
  "martigues-saint-joseph": {
    trades: "des métiers des industries de procédés et de la sécurité",
    pathways:
      "baccalauréats professionnels Procédés de la chimie, de l'eau et des papiers-cartons et Métiers de la sécurité",
    offerChange:
      "L'ouverture d'un BTS Pilotage de procédés est envisagée, sans calendrier arrêté à ce jour.",
    territory: "du pourtour de l'étang de Berre",
    publics: "quelques apprentis accueillis en convention avec un centre de formation d'apprentis",
    pedagogy:
      "Des heures de soutien sont proposées en français et en mathématiques, sans que leur effet sur la réussite ait encore été mesuré.",
    companyCount: 60,
    companies: "des sites pétrochimiques et des entreprises de sécurité industrielle",
    campus: "Campus des métiers et des qualifications des industries de procédés",
    sameFamily:
      "Les échanges avec les autres établissements de la famille de métiers restent ponctuels.",
    culture: "Une sortie au théâtre est proposée chaque année aux classes de première.",
    abroad: "en Belgique",
    staffMobility: "Aucune mobilité de personnels n'a encore été réalisée.",
    dropout:
      "Les absences sont suivies par la vie scolaire, et les situations les plus préoccupantes sont signalées au chef d'établissement.",
    communication:
      "Le lycée communique principalement par son site internet et lors de sa journée portes ouvertes.",
  },
  // The establishments whose candidatures went further (see `seed-procedure-data.ts`).
  "marseille-calanques": {
    trades: "des métiers de la logistique, du transport et des activités portuaires",
    pathways:
      "CAP Opérateur logistique, baccalauréats professionnels Logistique et Organisation de transport de marchandises, BTS Gestion des transports et logistique associée",
    offerChange:
      "Une mention complémentaire de conduite d'engins portuaires a ouvert en apprentissage avec les opérateurs des terminaux à conteneurs.",
    territory: "du bassin portuaire marseillais",
    publics:
      "des apprentis en mention complémentaire et en BTS, et des salariés en formation continue avec le GRETA",
    pedagogy:
      "Un entrepôt pédagogique équipé d'un logiciel de gestion d'entrepôt permet aux élèves de préparer de vraies commandes pour une association caritative du quartier.",
    companyCount: 190,
    companies:
      "des transitaires, des entrepôts de la grande distribution, des transporteurs routiers et des opérateurs de terminaux à conteneurs",
    campus: "Campus des métiers et des qualifications de la mer et de la logistique portuaire",
    sameFamily:
      "Des plateaux techniques et des épreuves blanches sont partagés avec deux lycées de la famille des métiers de la gestion administrative, du transport et de la logistique.",
    culture:
      "Une résidence d'un collectif de graphistes a conduit les élèves à peindre une fresque sur des conteneurs réformés, exposée sur le Vieux-Port pendant un mois.",
    abroad: "en Belgique (Anvers) ou aux Pays-Bas (Rotterdam)",
    staffMobility:
      "Trois enseignants de logistique ont suivi un stage d'observation dans un port partenaire néerlandais.",
    dropout:
      "Une classe passerelle accueille chaque année une douzaine d'élèves en rupture, qui alternent remise à niveau et stages dans les entrepôts partenaires.",
    communication:
      "Les élèves réalisent chaque année un film de présentation des métiers de la logistique, diffusé dans les collèges du secteur et sur le site du lycée.",
    digital:
      "Les élèves utilisent les logiciels de gestion d'entrepôt, de suivi des flux et de planification des tournées des entreprises partenaires, et préparent les commandes avec des terminaux de lecture embarqués.",
  },
  "salon-la-crau": {
    trades: "des métiers de l'aéronautique et de la maintenance des matériels",
    pathways:
      "CAP Aéronautique, baccalauréats professionnels Aéronautique et Maintenance des matériels agricoles et de construction, BTS Aéronautique",
    offerChange:
      "Une formation complémentaire en maintenance des drones professionnels a été construite avec les entreprises de la zone d'activités aéronautique du pays salonais.",
    territory: "du pays salonais et de l'étang de Berre",
    publics: "des apprentis en BTS Aéronautique et des adultes en reconversion",
    pedagogy:
      "Un hangar pédagogique abrite deux avions légers et un hélicoptère réformés sur lesquels les élèves réalisent de véritables visites de maintenance, encadrés par des professionnels.",
    companyCount: 135,
    companies:
      "des ateliers de maintenance aéronautique, des sous-traitants de l'industrie aérospatiale et des concessionnaires de matériels agricoles",
    campus: "Campus des métiers et des qualifications de l'aéronautique et du spatial",
    sameFamily:
      "Des échanges de plateaux techniques sont organisés avec deux lycées de la famille des métiers de la maintenance des académies voisines.",
    culture:
      "Un projet avec un musée de l'aviation a conduit les élèves à restaurer une hélice ancienne, exposée avec un récit de son histoire écrit par les classes de seconde.",
    abroad: "en Allemagne (Hambourg) ou en Irlande (Shannon)",
    staffMobility:
      "Deux enseignants de maintenance ont suivi une formation aux règles européennes de maintenance aéronautique chez un partenaire irlandais.",
    dropout:
      "Un tutorat par les étudiants de BTS et un emploi du temps aménagé en atelier aident les élèves de seconde qui décrochent au premier trimestre.",
    communication:
      "Le lycée présente ses formations au meeting aérien de la ville et dans une lettre adressée chaque trimestre aux entreprises partenaires.",
  },
  "avignon-remparts": {
    trades: "des métiers de la mode, du textile et des arts du spectacle",
    pathways:
      "CAP Métiers de la mode – vêtement flou, baccalauréats professionnels Métiers de la couture et de la confection et Techniques du spectacle, DMA Costumier réalisateur",
    offerChange:
      "Une formation complémentaire en régie lumière et plateau a ouvert avec les théâtres permanents de la ville.",
    territory: "du Grand Avignon",
    publics: "des apprentis en CAP et des intermittents du spectacle en formation continue",
    pedagogy:
      "Chaque été, les élèves réalisent en atelier des costumes pour des compagnies du festival, de la maquette à l'essayage.",
    companyCount: 95,
    companies:
      "des ateliers de confection, des théâtres, des compagnies du festival et des entreprises de location de matériel scénique",
    campus: "Campus des métiers et des qualifications des industries culturelles et créatives",
    sameFamily:
      "Le lycée prépare des épreuves communes avec les lycées de la famille des métiers de la mode de l'académie.",
    culture:
      "Les élèves de couture et de techniques du spectacle montent chaque printemps un défilé-spectacle joué au théâtre municipal.",
    abroad: "en Italie (Milan) ou en Belgique (Bruxelles)",
    staffMobility:
      "Une enseignante de couture a effectué une mobilité d'observation dans l'atelier de costumes d'un opéra italien.",
    dropout:
      "Un atelier de remobilisation par la couture accueille les élèves absentéistes deux après-midi par semaine, avec la psychologue de l'Éducation nationale.",
    communication:
      "Le défilé-spectacle de fin d'année est annoncé dans la presse locale et filmé pour le site du lycée.",
    equality:
      "Dans des filières de couture presque entièrement féminines et une filière technique du spectacle surtout masculine, le lycée invite des costumiers et des régisseuses à témoigner devant les collégiens et organise des mini-stages croisés.",
  },
  "digne-trois-vallees": {
    trades: "des métiers de la santé, du social et des services aux personnes",
    pathways:
      "CAP Accompagnant éducatif petite enfance, baccalauréats professionnels Accompagnement, soins et services à la personne et Animation – enfance et personnes âgées, BTS Services et prestations des secteurs sanitaire et social",
    offerChange:
      "Une section d'apprentissage en BTS a été ouverte avec les établissements d'hébergement pour personnes âgées du département.",
    territory: "du bassin dignois",
    publics: "des apprentis en BTS et des adultes en reconversion vers les métiers du grand âge",
    pedagogy:
      "Un appartement pédagogique reproduit le domicile d'une personne âgée : les élèves s'y entraînent aux gestes d'aide et de soin en situation réaliste.",
    companyCount: 85,
    companies:
      "des établissements d'hébergement pour personnes âgées, des crèches, des services d'aide à domicile et le centre hospitalier",
    campus: "Campus des métiers et des qualifications de la santé et du bien-vieillir",
    sameFamily:
      "Le lycée partage avec deux établissements de la famille des métiers de la santé et du social les interventions de professionnels de santé.",
    culture:
      "Un atelier de théâtre mené avec une compagnie locale a réuni des élèves et des résidents d'une maison de retraite autour d'un spectacle joué dans l'établissement.",
    abroad: "en Espagne (Grenade) ou au Portugal (Porto)",
    staffMobility:
      "Une enseignante de sciences médico-sociales a observé l'accueil des personnes âgées dans un établissement portugais partenaire.",
    dropout:
      "Les élèves internes éloignés de leur famille sont suivis chaque semaine par un adulte référent, et une cellule de veille se réunit tous les quinze jours.",
    communication:
      "Le lycée présente ses formations dans les forums des métiers du département et dans une lettre adressée aux structures d'accueil.",
  },
  "hyeres-salins": {
    trades: "des métiers du nautisme, de l'horticulture et du paysage",
    pathways:
      "CAP Réparation et entretien des embarcations de plaisance, CAP Jardinier paysagiste, baccalauréat professionnel Maintenance nautique et BTS Technico-commercial",
    offerChange:
      "Une formation complémentaire en motorisation électrique des bateaux a été construite avec les chantiers du port de Hyères.",
    territory: "de la rade de Hyères",
    publics: "des apprentis en CAP et des saisonniers du nautisme en formation continue",
    pedagogy:
      "Les élèves entretiennent une flottille de bateaux prêtés par les clubs nautiques, et les futurs paysagistes aménagent chaque année un jardin méditerranéen pour la commune.",
    companyCount: 120,
    companies:
      "des chantiers de maintenance nautique, des loueurs de bateaux, des ports de plaisance et des entreprises du paysage",
    campus: "Campus des métiers et des qualifications de la mer",
    sameFamily:
      "Le lycée partage ses pontons et son atelier avec un autre lycée de la famille des métiers de la maintenance des matériels du Var.",
    culture:
      "Un projet avec un parc national a conduit les élèves à réaliser une exposition photographique sur les herbiers de posidonie, présentée à la médiathèque.",
    abroad: "en Italie (Sardaigne) ou en Croatie (Split)",
    staffMobility:
      "Deux enseignants de maintenance nautique ont suivi un stage d'observation dans un chantier croate partenaire.",
    dropout:
      "Un projet de restauration d'un voilier ancien permet aux élèves en difficulté de se remobiliser autour d'une réalisation concrète.",
    communication:
      "Les réalisations des élèves sont présentées au salon nautique de la ville et sur les réseaux sociaux du lycée.",
  },
  "aix-sainte-victoire": {
    trades: "des métiers de l'alimentation, des bio-industries et de l'œnotourisme",
    pathways:
      "CAP Boulanger et CAP Pâtissier, baccalauréats professionnels Bio-industries de transformation et Métiers de l'accueil, BTS Qualité dans les industries alimentaires et les bio-industries",
    offerChange:
      "Une coloration œnotourisme du baccalauréat professionnel Métiers de l'accueil a été construite avec les domaines viticoles du pays d'Aix.",
    territory: "du pays d'Aix",
    publics: "des apprentis en CAP et en BTS et des adultes en reconversion",
    pedagogy:
      "Une halle de transformation pédagogique permet aux élèves de fabriquer et d'analyser des produits vendus ensuite à la boutique du lycée.",
    companyCount: 140,
    companies:
      "des entreprises agroalimentaires, des caves coopératives, des domaines viticoles et des boulangeries artisanales",
    campus:
      "Campus des métiers et des qualifications de l'agroalimentaire et de l'alimentation durable",
    sameFamily:
      "Des concours de fabrication sont organisés avec les lycées de la famille des métiers de l'alimentation de l'académie.",
    culture:
      "Les élèves ont conçu avec un musée d'Aix une exposition sur l'histoire du pain en Provence, accompagnée de dégustations commentées.",
    abroad: "en Italie (Toscane) ou en Espagne (La Rioja)",
    staffMobility:
      "Deux enseignants de bio-industries ont observé les pratiques d'une école agroalimentaire italienne partenaire.",
    dropout:
      "Un module de remobilisation en boulangerie permet aux élèves qui décrochent de reprendre confiance par la production.",
    communication:
      "La boutique pédagogique et les journées portes ouvertes font connaître les formations aux familles du pays d'Aix.",
  },
  "brignoles-sainte-baume": {
    trades: "des métiers du commerce, de la restauration et des produits du terroir",
    pathways:
      "CAP Équipier polyvalent du commerce, baccalauréats professionnels Métiers du commerce et de la vente et Commercialisation et services en restauration, BTS Management commercial opérationnel",
    offerChange:
      "Une formation complémentaire de caviste a ouvert en apprentissage avec les caves coopératives de la Provence verte.",
    territory: "de la Provence verte",
    publics:
      "des apprentis en formation complémentaire et en BTS, et des adultes en formation continue",
    pedagogy:
      "Les élèves tiennent une boutique de produits du terroir et un restaurant d'application ouverts au public, où ils conseillent et servent la clientèle.",
    companyCount: 105,
    companies:
      "des caves coopératives, des domaines viticoles, des restaurants et des commerces de bouche",
    campus:
      "Campus des métiers et des qualifications de l'agroalimentaire et de l'alimentation durable",
    sameFamily:
      "Le lycée participe aux rencontres des établissements de la famille des métiers de la relation client du Var.",
    culture:
      "Une rencontre avec un photographe a conduit les élèves à réaliser un reportage sur les vendanges, exposé dans les caves partenaires.",
    abroad: "en Espagne (Catalogne) ou au Portugal (vallée du Douro)",
    staffMobility:
      "Un enseignant de vente a observé l'accueil œnotouristique de domaines portugais lors d'une mobilité Erasmus+.",
    dropout:
      "Chaque élève de seconde a un tuteur, et les familles sont reçues dès les premières absences répétées.",
    communication:
      "Le lycée présente ses formations lors des fêtes des vendanges et dans la presse locale de la Provence verte.",
  },
  "manosque-durance": {
    trades: "des métiers de l'énergie, de l'électrotechnique et de la maintenance industrielle",
    pathways:
      "CAP Électricien, baccalauréats professionnels Métiers de l'électricité et de ses environnements connectés et Maintenance des systèmes de production connectés, BTS Électrotechnique",
    offerChange:
      "Une formation complémentaire en radioprotection a été construite avec les entreprises sous-traitantes du centre de recherche voisin.",
    territory: "du val de Durance",
    publics:
      "des apprentis en BTS et des salariés de la sous-traitance industrielle en formation continue",
    pedagogy:
      "Une plateforme technique reproduit une installation photovoltaïque et un poste de distribution électrique sur lesquels les élèves réalisent de vraies consignations.",
    companyCount: 125,
    companies:
      "des sous-traitants de la filière nucléaire, des installateurs photovoltaïques et des entreprises de maintenance industrielle",
    campus: "Campus des métiers et des qualifications de la transition énergétique",
    sameFamily:
      "Des formations croisées d'enseignants sont organisées avec un lycée de la famille des métiers des transitions numérique et énergétique des Hautes-Alpes.",
    culture:
      "Une résidence d'artiste consacrée à la lumière a abouti à une installation lumineuse réalisée par les élèves électriciens pour la fête de la ville.",
    abroad: "en Allemagne (Fribourg-en-Brisgau) ou en Finlande (Tampere)",
    staffMobility:
      "Deux enseignants de génie électrique ont observé la formation aux énergies renouvelables dans un lycée allemand partenaire.",
    dropout:
      "Un parcours aménagé alternant atelier et stage accompagne chaque année une dizaine d'élèves en risque de décrochage.",
    communication:
      "Une lettre d'information aux familles et une page consacrée aux réalisations des élèves sur le site du lycée font connaître les formations.",
    digital:
      "Les élèves programment des automates et supervisent à distance la plateforme photovoltaïque du lycée, et les enseignants utilisent les jumeaux numériques des installations de leurs entreprises partenaires.",
  },
  "la-ciotat-chantiers": {
    trades: "des métiers de la construction navale et de la maintenance des navires",
    pathways:
      "CAP Réparation et entretien des embarcations de plaisance, baccalauréats professionnels Technicien en chaudronnerie industrielle et Maintenance nautique, BTS Conception et réalisation en chaudronnerie industrielle",
    offerChange:
      "Une formation complémentaire en maintenance des grands yachts a été construite avec les entreprises du chantier naval de La Ciotat.",
    territory: "de la baie de La Ciotat",
    publics: "des apprentis en BTS et des adultes en reconversion vers les métiers du yachting",
    pedagogy:
      "Les élèves interviennent chaque année sur un navire en réparation au chantier naval, en équipes mêlant chaudronniers et mécaniciens.",
    companyCount: 115,
    companies:
      "des entreprises de réparation de grands yachts, des chaudronneries et des ateliers de mécanique marine",
    campus: "Campus des métiers et des qualifications de la mer",
    sameFamily:
      "Des projets communs sont conduits avec deux lycées de la famille des métiers de la réalisation d'ensembles mécaniques et industriels.",
    culture:
      "Les élèves ont restauré avec une association patrimoniale une barque traditionnelle, présentée lors des fêtes maritimes de la ville.",
    abroad: "en Italie (Gênes) ou à Malte",
    staffMobility:
      "Trois enseignants ont observé l'organisation d'un chantier de yachts italien partenaire.",
    dropout:
      "Un atelier de remobilisation autour d'une barque en restauration accueille les élèves en rupture, avec l'appui de la mission de lutte contre le décrochage scolaire.",
    communication:
      "Les chantiers-écoles sont présentés lors des journées portes ouvertes du chantier naval et dans la presse locale.",
  },
  "frejus-esterel": {
    trades: "des métiers du nautisme et du tourisme littoral",
    pathways:
      "CAP Réparation et entretien des embarcations de plaisance, baccalauréats professionnels Maintenance nautique et Métiers de l'accueil",
    offerChange:
      "L'ouverture d'un BTS Tourisme est à l'étude avec les offices de tourisme de l'Estérel, sans calendrier arrêté.",
    territory: "du littoral de l'Estérel",
    publics:
      "quelques apprentis en CAP accueillis en convention avec un centre de formation d'apprentis",
    pedagogy:
      "Les élèves de maintenance nautique préparent chaque printemps la remise à l'eau des bateaux d'un club de voile de la ville.",
    companyCount: 70,
    companies: "des ports de plaisance, des loueurs de bateaux et des hôtels du littoral",
    campus: "Campus des métiers et des qualifications de la mer",
    sameFamily:
      "Des échanges d'enseignants ont commencé avec le lycée des Chantiers de La Ciotat, porteur du réseau.",
    culture:
      "Les élèves d'accueil ont conçu une visite guidée du port antique de Fréjus, proposée aux classes de seconde.",
    abroad: "en Italie (Ligurie)",
    staffMobility: "Une première mobilité d'observation d'enseignants est prévue l'an prochain.",
    dropout:
      "Les absences sont suivies par la vie scolaire, et un entretien est proposé aux familles des élèves les plus absents.",
    communication:
      "Le lycée présente ses formations lors de sa journée portes ouvertes et sur son site internet.",
  },
};

/** The answer of an establishment on one criterion (3–4 sentences in French). */
export function criterionNarrative(p: NarrativeProfile, code: CriterionCode): string {
  switch (code) {
    case "1":
      return `L'offre de formation est construite autour ${p.trades} : ${p.pathways}. ${p.offerChange} Les passerelles entre CAP et baccalauréat professionnel ainsi que les parcours mixtes sont examinés chaque année en conseil pédagogique, et l'évolution de l'offre est discutée avec la Région et les branches professionnelles au regard des besoins ${p.territory}.`;
    case "2":
      return `Le lycée accueille des élèves sous statut scolaire, ${p.publics}. Les changements de statut en cours de formation, notamment le passage en apprentissage après la seconde, sont préparés avec le DDFPT et suivis par un tuteur. Les collégiens du secteur découvrent les métiers lors de mini-stages et des journées portes ouvertes, et les publics des différents statuts travaillent sur les mêmes plateaux techniques.`;
    case "3":
      return `Un test de positionnement en début de seconde débouche sur des groupes de besoin en français et en mathématiques, et les élèves fragiles bénéficient d'un tutorat. ${p.pedagogy} La co-intervention et le chef-d'œuvre associent les enseignants des disciplines générales et professionnelles. Le conseil pédagogique suit chaque trimestre les indicateurs d'assiduité et de réussite aux examens.`;
    case "4":
      return `Le bureau des entreprises anime un réseau de plus de ${p.companyCount} entreprises d'accueil en PFMP, dont ${p.companies}. Le lycée est membre du ${p.campus} et siège au comité local école-entreprise du bassin. ${p.sameFamily}`;
    case "5":
      return `Chaque classe bénéficie d'au moins une action d'éducation artistique et culturelle recensée dans ADAGE, couvrant les trois piliers : rencontrer, pratiquer, connaître. ${p.culture} Les élèves activent leur pass Culture avec leurs codes EduConnect, accompagnés par le professeur documentaliste.`;
    case "6":
      return `Le plan d'ouverture internationale, adossé à l'accréditation Erasmus+, permet chaque année à une quinzaine d'élèves d'effectuer une PFMP ${p.abroad}. ${p.staffMobility} Une section européenne en anglais et la préparation d'une certification en langue complètent le dispositif.`;
    case "7":
      return `Le groupe de prévention du décrochage scolaire se réunit tous les quinze jours autour du CPE, de l'infirmière et de la psychologue de l'Éducation nationale. ${p.dropout} Les jeunes sortis sans diplôme sont recontactés avec le réseau FOQUALE au titre de l'obligation de formation des 16-18 ans, et des parcours aménagés facilitent leur retour en formation.`;
    case "8":
      return `Un plan de communication interne et externe a été présenté au conseil d'administration : lettre d'information mensuelle, espace partagé sur l'ENT et réunion de rentrée pour les nouveaux personnels. ${p.communication} La démarche de labellisation est présentée aux familles, aux entreprises partenaires et aux collectivités.`;
    case "9a":
      return `${p.digital ?? "Les plateaux techniques sont équipés des outils numériques utilisés dans les entreprises de la filière."} Les enseignants suivent chaque année des formations d'initiative locale au numérique, et les élèves utilisent l'ENT et des outils collaboratifs pour leurs projets. Le site du lycée et ses comptes sur les réseaux sociaux présentent les formations et les réalisations des élèves.`;
    case "9b":
      return `${p.equality ?? "Le lycée conduit un plan d'action pour la mixité de ses filières de formation."} Une référente égalité filles-garçons coordonne les actions avec les professeurs principaux et la psychologue de l'Éducation nationale. Le lycée participe chaque année aux actions académiques, comme la semaine de l'industrie et la journée internationale des droits des femmes.`;
  }
}

// ---------------------------------------------------------------------------------------------
// Self-evaluation: per establishment that writes a dossier, what it follows (indicators over the
// latest school years), its self-assessed levels, its emblematic actions and the evidence of its
// library. The four steps of the continuous-improvement cycle are written by `improvementSteps`
// (« ce qui est mesuré » quotes the establishment's own indicators, see `measuredStep`).

/** The indicators the demo establishments follow. */
export type IndicatorKey =
  | "bacSuccess"
  | "insertion"
  | "apprentices"
  | "dropout"
  | "erasmus"
  | "adage"
  | "companies"
  | "openDays"
  | "climate"
  | "digitalTraining"
  | "girlsShare";

export interface IndicatorDefinition {
  name: string;
  kind: IndicatorKind;
  /** Quantitative indicators only. */
  unit: string | null;
  direction: IndicatorDirection;
  target: string | null;
  source: string;
  criteria: readonly CriterionCode[];
}

/** In the order the indicators are created. */
export const INDICATOR_DEFINITIONS: Record<IndicatorKey, IndicatorDefinition> = {
  bacSuccess: {
    name: "Taux de réussite au baccalauréat professionnel",
    kind: "QUANTITATIVE",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: "Au moins 85 % de réussite",
    source: "Cyclades (résultats aux examens)",
    criteria: ["1", "3"],
  },
  insertion: {
    name: "Taux d'insertion dans l'emploi à 6 mois",
    kind: "QUANTITATIVE",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: "Au moins 65 % des sortants en emploi",
    source: "InserJeunes",
    criteria: ["1", "4", "7"],
  },
  apprentices: {
    name: "Nombre d'apprentis accueillis",
    kind: "QUANTITATIVE",
    unit: "apprentis",
    direction: "HIGHER_IS_BETTER",
    target: "Progression chaque année",
    source: "SIFA (enquête annuelle sur les apprentis)",
    criteria: ["2"],
  },
  dropout: {
    name: "Taux de décrochage en cours d'année",
    kind: "QUANTITATIVE",
    unit: "%",
    direction: "LOWER_IS_BETTER",
    target: "Moins de 6 % des élèves",
    source: "Pronote et groupe de prévention du décrochage scolaire",
    criteria: ["3", "7"],
  },
  erasmus: {
    name: "Élèves partis en mobilité Erasmus+",
    kind: "QUANTITATIVE",
    unit: "élèves",
    direction: "HIGHER_IS_BETTER",
    target: "Une vingtaine d'élèves par an",
    source: "Suivi des projets Erasmus+ (Beneficiary Module)",
    criteria: ["6"],
  },
  adage: {
    name: "Actions culturelles renseignées dans ADAGE",
    kind: "QUANTITATIVE",
    unit: "actions",
    direction: "HIGHER_IS_BETTER",
    target: "Au moins une action par classe",
    source: "ADAGE",
    criteria: ["5"],
  },
  companies: {
    name: "Entreprises partenaires accueillant des élèves en PFMP",
    kind: "QUANTITATIVE",
    unit: "entreprises",
    direction: "HIGHER_IS_BETTER",
    target: null,
    source: "Bureau des entreprises (conventions de PFMP)",
    criteria: ["4"],
  },
  openDays: {
    name: "Visiteurs aux journées portes ouvertes",
    kind: "QUANTITATIVE",
    unit: "visiteurs",
    direction: "HIGHER_IS_BETTER",
    target: null,
    source: "Registre d'accueil des journées portes ouvertes",
    criteria: ["8"],
  },
  climate: {
    name: "Perception du climat scolaire",
    kind: "QUALITATIVE",
    unit: null,
    direction: "NEUTRAL",
    target: "Plus de 80 % d'élèves qui se sentent bien au lycée",
    source: "Enquête locale de climat scolaire (élèves et personnels)",
    criteria: ["3", "8"],
  },
  digitalTraining: {
    name: "Enseignants formés au numérique dans l'année",
    kind: "QUANTITATIVE",
    unit: "enseignants",
    direction: "HIGHER_IS_BETTER",
    target: "Tous les enseignants formés en trois ans",
    source: "Plan de formation de l'établissement",
    criteria: ["9a"],
  },
  girlsShare: {
    name: "Part des filles dans les formations industrielles",
    kind: "QUANTITATIVE",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: "15 % de filles",
    source: "SIECLE (base élèves)",
    criteria: ["9b"],
  },
};

const CLIMATE_REMARKS = [
  "les relations en atelier et la circulation de l'information sont les points le plus souvent cités comme à améliorer.",
  "les personnels demandent une information plus régulière sur les projets de l'établissement.",
  "les élèves citent les espaces de vie et le rôle des délégués parmi les points à travailler.",
  "les élèves de CAP restent moins positifs que ceux de baccalauréat professionnel.",
] as const;

/** The yearly appreciation of the (qualitative) school climate indicator. */
export function climateAppreciation(percent: number, yearIndex: number): string {
  const remark = CLIMATE_REMARKS[yearIndex % CLIMATE_REMARKS.length] ?? "";
  return `${formatNumber(percent)} % des élèves interrogés déclarent se sentir bien au lycée ; ${remark}`;
}

/** 9.8 → « 9,8 » (French decimal comma). */
export function formatNumber(value: number): string {
  return String(value).replace(".", ",");
}

export type EvidenceKey =
  | "dashboard"
  | "pedagogicalCouncil"
  | "localCommittee"
  | "partnership"
  | "poster"
  | "press"
  | "brochure"
  | "mobility"
  | "euroscol"
  | "digital"
  | "equality";

export interface EmblematicActionSeed {
  title: string;
  /** Rich text. */
  description: string;
}

export interface DossierProfile {
  /**
   * Values over the latest school years, oldest first, the last one being the latest school year
   * whose results were known when the candidature was opened. For `climate` (qualitative), the share
   * of pupils who feel well at school, turned into an appreciation by `climateAppreciation`.
   */
  indicators: Partial<Record<IndicatorKey, readonly number[]>>;
  /** False: the dossier sets no target (the refused one). */
  targets: boolean;
  /** Self-assessed levels other than MET. */
  levels: Partial<Record<CriterionCode, AttainmentLevel>>;
  actions: Partial<Record<CriterionCode, EmblematicActionSeed>>;
  /** Replaces the default « ce qui est amélioré » of some criteria (rich text). */
  improvements?: Partial<Record<CriterionCode, string>>;
  /** The evidence of its library ("ALL": every piece that fits the candidature's criteria). */
  evidence: readonly EvidenceKey[] | "ALL";
  /** « la fédération … »: the partner of the partnership contract. */
  partner: string;
  /** Title of the poster of its emblematic cultural action. */
  poster: string;
  posterColour: readonly [number, number, number];
  /** A (fictitious) local newspaper and the headline of an article about the establishment. */
  press: { outlet: string; headline: string };
  /** Criterion 6 is met by the Euroscol label (the library holds the label's certificate). */
  euroscol: boolean;
}

export const DOSSIER_PROFILES: Partial<Record<EstablishmentKey, DossierProfile>> = {
  "marseille-jean-moulin": {
    indicators: {
      bacSuccess: [77, 80, 83, 85],
      insertion: [60, 63, 67, 68],
      companies: [150, 168, 175, 182],
      erasmus: [5, 9, 13, 15],
      adage: [6, 9],
      digitalTraining: [8, 12, 19],
    },
    targets: true,
    levels: { "6": "PARTIALLY_MET" },
    actions: {
      "4": {
        title: "Semaine de l'entreprise",
        description:
          "<p>Chaque mois de novembre, une vingtaine d'installateurs et de bureaux d'études interviennent dans les classes, proposent des visites de chantiers et font passer des entretiens blancs aux élèves de terminale.</p>",
      },
      "6": {
        title: "Mobilité Erasmus+ à Valence",
        description:
          "<p>Douze élèves de première effectuent quatre semaines de PFMP chez des installateurs photovoltaïques de Valence, préparées en co-intervention par les professeurs d'espagnol et de génie électrique.</p>",
      },
    },
    evidence: ["dashboard", "localCommittee", "brochure", "mobility"],
    partner: "la fédération départementale des installateurs électriciens",
    poster: "« Lumières de la ville », exposition photographique",
    posterColour: [242, 169, 0],
    press: {
      outlet: "La Gazette des quartiers nord",
      headline: "Des lycéens électriciens équipent leur lycée de panneaux solaires",
    },
    euroscol: false,
  },
  "nice-oliviers": {
    indicators: {
      bacSuccess: [83, 85, 88, 87],
      // Criterion 4 is left to the demo user, who enters this indicator by hand (see the README).
      companies: [210, 230, 245, 252],
      apprentices: [12, 16, 21],
      dropout: [8.2, 7.4, 6.9],
      adage: [8, 10, 13],
      erasmus: [9, 12, 15],
      openDays: [380, 420, 465],
    },
    targets: true,
    levels: { "4": "EXCEEDED" },
    actions: {
      "5": {
        title: "Le musée à la carte",
        description:
          "<p>Après une visite guidée d'un musée niçois, les élèves de cuisine et de service créent un menu inspiré des œuvres, servi aux familles lors d'une soirée au restaurant d'application.</p>",
      },
    },
    evidence: ["dashboard", "partnership", "poster", "press", "mobility"],
    partner: "l'union des professionnels de l'hôtellerie de la Côte d'Azur",
    poster: "« Le musée à la carte », soirée des familles",
    posterColour: [128, 0, 64],
    press: {
      outlet: "Le Courrier de la Baie des Anges",
      headline: "Au lycée Les Oliviers, un menu inspiré des œuvres du musée",
    },
    euroscol: false,
  },
  "cannes-lerins": {
    indicators: {
      bacSuccess: [80, 82, 85],
      companies: [130, 141, 158],
      apprentices: [9, 12, 14],
      dropout: [7.8, 7.1, 6.5],
      erasmus: [6, 8, 11],
      adage: [7, 9, 12],
      openDays: [250, 280, 310],
      // Criterion 9-a, its choice.
      digitalTraining: [6, 11, 17],
    },
    targets: true,
    levels: {},
    actions: {},
    evidence: ["partnership", "pedagogicalCouncil", "poster", "mobility", "digital"],
    partner: "l'association des professionnels de l'événementiel du pays cannois",
    poster: "Visites patrimoniales des îles de Lérins",
    posterColour: [0, 102, 153],
    press: {
      outlet: "L'Écho de la Croisette",
      headline: "Les étudiants de BTS Tourisme guident les visiteurs",
    },
    euroscol: false,
  },
  "menton-agrumes": {
    indicators: {
      bacSuccess: [71, 74, 78],
      insertion: [58, 61, 63],
      apprentices: [5, 7, 10],
      dropout: [10.2, 9.5, 8.7],
      erasmus: [3, 5, 7],
      adage: [4, 6, 8],
      openDays: [150, 170, 190],
    },
    targets: true,
    levels: { "1": "PARTIALLY_MET" },
    actions: {},
    evidence: ["dashboard", "brochure"],
    partner: "le syndicat des producteurs d'agrumes du pays mentonnais",
    poster: "« Commerces d'hier et d'aujourd'hui », spectacle des élèves",
    posterColour: [255, 140, 0],
    press: {
      outlet: "Le Petit Mentonnais",
      headline: "La boutique pédagogique du lycée ouvre pour la saison",
    },
    euroscol: false,
  },
  "toulon-arsenal": {
    indicators: {
      bacSuccess: [79, 82, 84, 87],
      insertion: [58, 61, 64, 66],
      apprentices: [34, 41, 47, 52],
      dropout: [9.8, 8.6, 7.1, 6.4],
      erasmus: [8, 12, 15, 18],
      adage: [11, 14, 18, 21],
      companies: [180, 192, 205, 214],
      openDays: [420, 480, 530, 610],
      climate: [71, 75, 78, 81],
      girlsShare: [6.5, 7.2, 8.4, 9.6],
    },
    targets: true,
    levels: { "4": "EXCEEDED", "9b": "EXCEEDED", "5": "PARTIALLY_MET" },
    actions: {
      "4": {
        title: "Semaine de l'entreprise",
        description:
          "<p>Pendant une semaine, les chantiers de réparation navale et leurs sous-traitants ouvrent leurs ateliers aux élèves de seconde, et des techniciens animent au lycée des ateliers de soudage et de lecture de plans.</p>",
      },
      "6": {
        title: "Mobilité Erasmus+ à La Spezia",
        description:
          "<p>Chaque printemps, dix élèves de chaudronnerie et de maintenance passent trois semaines dans un chantier naval partenaire de La Spezia, accompagnés par un enseignant d'atelier.</p>",
      },
      "9b": {
        title: "Les filles de la navale",
        description:
          "<p>Des techniciennes et ingénieures de la réparation navale témoignent devant les collégiennes du bassin, qui découvrent ensuite les ateliers du lycée lors d'un mini-stage en binôme avec une élève.</p>",
      },
    },
    improvements: {
      "9b": "<p>Les mini-stages réservés aux collégiennes sont désormais proposés dès la classe de quatrième, et une élève ambassadrice accompagne chaque groupe.</p>",
    },
    evidence: "ALL",
    partner: "le groupement des industriels de la réparation navale de la rade",
    poster: "« Métal et mer », sculpture des élèves de chaudronnerie",
    posterColour: [0, 70, 130],
    press: {
      outlet: "L'Écho de la rade",
      headline: "Au lycée de l'Arsenal, les filles prennent le chemin de la navale",
    },
    euroscol: true,
  },
  "embrun-serre-poncon": {
    indicators: {
      bacSuccess: [81, 80, 84, 86],
      insertion: [62, 66, 65, 70],
      apprentices: [18, 22, 27, 29],
      dropout: [7.5, 7.9, 6.2, 5.8],
      erasmus: [6, 10, 14, 16],
      adage: [9, 12, 15, 17],
      companies: [120, 128, 136, 142],
      openDays: [260, 300, 310, 350],
      climate: [74, 76, 80, 82],
    },
    targets: true,
    levels: { "2": "EXCEEDED" },
    actions: {
      "5": {
        title: "Sentier d'interprétation du patrimoine montagnard",
        description:
          "<p>Avec les gardes d'un parc national, les élèves de baccalauréat professionnel Métiers de l'accueil ont conçu les panneaux et la visite guidée d'un sentier consacré aux bergeries d'altitude.</p>",
      },
      "6": {
        title: "Saison d'hiver au Tyrol",
        description:
          "<p>Huit élèves effectuent leur PFMP dans des hôtels de station du Tyrol pendant la saison d'hiver, dans le cadre de l'accréditation Erasmus+ du réseau.</p>",
      },
    },
    evidence: "ALL",
    partner: "le syndicat des stations de sports d'hiver des Hautes-Alpes",
    poster: "« Le sentier des bergers », inauguration",
    posterColour: [46, 125, 50],
    press: {
      outlet: "Le Courrier des Alpes du Sud",
      headline: "Un sentier d'interprétation créé par les lycéens d'Embrun",
    },
    euroscol: false,
  },
  "briancon-hautes-vallees": {
    indicators: {
      bacSuccess: [79, 83, 85],
      insertion: [70, 74, 77],
      apprentices: [25, 31, 36],
      dropout: [8.9, 7.4, 6.8],
      erasmus: [4, 7, 9],
      adage: [7, 10, 12],
      companies: [95, 104, 112],
      openDays: [180, 215, 240],
      climate: [72, 77, 79],
    },
    targets: true,
    levels: { "3": "EXCEEDED", "6": "PARTIALLY_MET" },
    actions: {
      "3": {
        title: "Chantier-école pour une commune du Briançonnais",
        description:
          "<p>De la seconde au BTS, les élèves conçoivent et construisent chaque année un ouvrage en bois commandé par une commune (kiosque, passerelle, abri), de l'étude au montage sur site.</p>",
      },
      "5": {
        title: "Un abri de randonnée en bois",
        description:
          "<p>Pendant une résidence d'architecte, les élèves ont dessiné puis construit un abri de randonnée inauguré avec les habitants de la vallée.</p>",
      },
    },
    evidence: "ALL",
    partner: "la fédération des charpentiers et menuisiers des Hautes-Alpes",
    poster: "« Habiter la montagne », résidence d'architecte",
    posterColour: [121, 85, 61],
    press: {
      outlet: "Le Courrier des Alpes du Sud",
      headline: "Les futurs charpentiers inaugurent leur abri de randonnée",
    },
    euroscol: false,
  },
  "grasse-parfumeurs": {
    indicators: {
      bacSuccess: [84, 86, 89, 90],
      insertion: [64, 67, 71, 72],
      apprentices: [14, 19, 23, 26],
      dropout: [6.1, 5.4, 4.9, 4.2],
      erasmus: [10, 12, 16, 19],
      adage: [12, 15, 17, 20],
      companies: [110, 118, 126, 131],
      openDays: [350, 390, 420, 460],
      climate: [78, 80, 83, 85],
    },
    targets: true,
    levels: { "1": "EXCEEDED", "5": "EXCEEDED" },
    actions: {
      "5": {
        title: "Créations olfactives aux Journées européennes du patrimoine",
        description:
          "<p>Après un travail avec un musée sur l'histoire des senteurs, les élèves présentent au public leurs propres compositions olfactives pendant les Journées européennes du patrimoine.</p>",
      },
      "6": {
        title: "Mobilité Erasmus+ à Florence",
        description:
          "<p>Dix élèves de baccalauréat professionnel effectuent chaque année leur PFMP dans des parfumeries et des instituts de Florence, avec une préparation linguistique en italien.</p>",
      },
    },
    evidence: "ALL",
    partner: "le groupement des maisons de composition du pays de Grasse",
    poster: "« Mémoires de senteurs », Journées européennes du patrimoine",
    posterColour: [156, 39, 176],
    press: {
      outlet: "Le Journal du pays grassois",
      headline: "Les élèves parfumeurs exposent leurs créations au musée",
    },
    euroscol: false,
  },
  "martigues-saint-joseph": {
    indicators: {
      bacSuccess: [71, 68, 72],
      insertion: [55, 57, 54],
      apprentices: [6, 8, 7],
      dropout: [12.4, 13.1, 12.8],
      erasmus: [0, 2, 3],
      adage: [3, 3, 4],
      companies: [52, 55, 60],
      openDays: [140, 150, 145],
      climate: [64, 62, 63],
    },
    targets: false,
    levels: {
      "1": "PARTIALLY_MET",
      "2": "PARTIALLY_MET",
      "3": "PARTIALLY_MET",
      "5": "PARTIALLY_MET",
      "6": "NOT_MET",
      "7": "PARTIALLY_MET",
    },
    actions: {},
    improvements: {
      "3": "<p>Les heures de soutien sont reconduites ; leur effet sur la réussite aux examens n'a pas encore été analysé.</p>",
      "6": "<p>Une première mobilité de trois élèves a été organisée ; le plan d'ouverture internationale reste à formaliser.</p>",
      "7": "<p>Le repérage des absences a été renforcé, mais le taux de décrochage ne baisse pas encore : un groupe de prévention du décrochage est à constituer.</p>",
    },
    evidence: [
      "dashboard",
      "pedagogicalCouncil",
      "localCommittee",
      "partnership",
      "poster",
      "brochure",
      "mobility",
    ],
    partner: "un centre de formation d'apprentis des industries de procédés",
    poster: "Sortie au théâtre des classes de première",
    posterColour: [96, 125, 139],
    press: {
      outlet: "La Gazette de l'étang",
      headline: "Portes ouvertes au lycée Saint-Joseph de l'Étang",
    },
    euroscol: false,
  },
  "marseille-calanques": {
    indicators: {
      bacSuccess: [78, 81, 84, 86],
      insertion: [66, 69, 72, 74],
      apprentices: [15, 19, 24, 28],
      dropout: [9.1, 8.2, 7.4, 6.6],
      erasmus: [6, 9, 12, 14],
      adage: [8, 10, 13, 15],
      companies: [150, 163, 178, 191],
      openDays: [300, 340, 365, 410],
      // Criterion 9-a, its choice.
      digitalTraining: [5, 9, 14, 18],
    },
    targets: true,
    levels: { "4": "EXCEEDED", "6": "PARTIALLY_MET" },
    actions: {
      "4": {
        title: "Une commande, du quai au navire",
        description:
          "<p>Avec un transitaire du port, les élèves de terminale suivent une commande réelle de l'entrepôt au navire : réception, préparation, documents douaniers et empotage du conteneur.</p>",
      },
      "9a": {
        title: "L'entrepôt connecté",
        description:
          "<p>Les élèves pilotent l'entrepôt pédagogique avec le logiciel de gestion d'entrepôt d'un partenaire et analysent sur tablette leurs indicateurs de préparation de commandes.</p>",
      },
    },
    evidence: "ALL",
    partner: "l'union maritime et fluviale de Marseille-Fos",
    poster: "« Conteneurs en couleurs », fresque des élèves sur le Vieux-Port",
    posterColour: [0, 121, 107],
    press: {
      outlet: "La Vigie du port",
      headline: "Des lycéens peignent les conteneurs du Vieux-Port",
    },
    euroscol: false,
  },
  "salon-la-crau": {
    indicators: {
      bacSuccess: [82, 84, 85, 88],
      insertion: [70, 72, 76, 78],
      apprentices: [20, 24, 26, 31],
      dropout: [6.8, 6.5, 5.9, 5.1],
      erasmus: [4, 6, 9, 11],
      adage: [6, 8, 9, 12],
      companies: [105, 112, 124, 133],
      openDays: [280, 320, 360, 395],
      climate: [75, 78, 80, 82],
    },
    targets: true,
    levels: { "3": "EXCEEDED", "5": "PARTIALLY_MET" },
    actions: {
      "3": {
        title: "Visite de maintenance dans le hangar pédagogique",
        description:
          "<p>Par équipes de quatre, les élèves de première réalisent la visite de maintenance complète d'un avion léger, de la documentation à la remise en service, sous le regard d'un mécanicien d'un atelier partenaire.</p>",
      },
    },
    evidence: "ALL",
    partner: "l'association des industriels de l'aéronautique du pays salonais",
    poster: "« L'hélice retrouvée », exposition au musée de l'aviation",
    posterColour: [21, 101, 192],
    press: {
      outlet: "Le Journal du pays salonais",
      headline: "Au lycée de la Crau, les élèves remettent en état un avion de tourisme",
    },
    euroscol: false,
  },
  "avignon-remparts": {
    indicators: {
      bacSuccess: [74, 77, 79, 80],
      insertion: [52, 55, 58, 61],
      apprentices: [8, 11, 12, 15],
      dropout: [11.2, 10.4, 9.8, 9.1],
      erasmus: [3, 5, 6, 8],
      adage: [14, 17, 19, 22],
      companies: [70, 78, 86, 94],
      openDays: [210, 240, 265, 290],
      // Criterion 9-b, its choice: the girls of the technical theatre course.
      girlsShare: [12, 14, 17, 19],
    },
    targets: true,
    levels: { "4": "PARTIALLY_MET", "5": "EXCEEDED", "7": "PARTIALLY_MET" },
    actions: {
      "5": {
        title: "Le défilé-spectacle au théâtre municipal",
        description:
          "<p>Les élèves de couture créent les costumes, ceux de techniques du spectacle conçoivent la lumière et le son : le défilé-spectacle de fin d'année est joué deux soirs devant près de six cents spectateurs.</p>",
      },
      "9b": {
        title: "Les métiers du spectacle, pour toutes et pour tous",
        description:
          "<p>Des régisseuses et des costumiers témoignent devant les collégiens, qui découvrent ensuite en binôme l'atelier de couture et le plateau technique.</p>",
      },
    },
    evidence: "ALL",
    partner: "le syndicat des entreprises du spectacle vivant du Vaucluse",
    poster: "« Fils et lumières », défilé-spectacle des élèves",
    posterColour: [183, 28, 28],
    press: {
      outlet: "Le Petit Avignonnais",
      headline: "Les costumes des lycéens des Remparts à l'affiche du festival",
    },
    euroscol: false,
  },
  "digne-trois-vallees": {
    indicators: {
      bacSuccess: [85, 86, 88, 87],
      insertion: [71, 74, 73, 77],
      apprentices: [10, 12, 15, 18],
      dropout: [6.9, 6.4, 6.6, 5.8],
      erasmus: [2, 4, 4, 6],
      adage: [7, 8, 10, 11],
      companies: [70, 74, 80, 86],
      openDays: [190, 210, 220, 245],
    },
    targets: true,
    levels: { "6": "PARTIALLY_MET", "8": "PARTIALLY_MET" },
    actions: {
      "3": {
        title: "L'appartement pédagogique",
        description:
          "<p>Les élèves de seconde découvrent les gestes professionnels dans un appartement reconstitué avant de les mettre en œuvre en PFMP, filmés puis conseillés par les professionnels partenaires.</p>",
      },
    },
    evidence: "ALL",
    partner:
      "le groupement des établissements d'hébergement pour personnes âgées des Alpes-de-Haute-Provence",
    poster: "« Les âges de la scène », spectacle intergénérationnel",
    posterColour: [0, 137, 123],
    press: {
      outlet: "L'Écho des vallées",
      headline: "À Digne, lycéens et résidents montent sur scène ensemble",
    },
    euroscol: false,
  },
  "hyeres-salins": {
    indicators: {
      bacSuccess: [80, 83, 85, 86],
      insertion: [64, 66, 70, 71],
      apprentices: [12, 15, 17, 21],
      dropout: [7.7, 7.2, 6.5, 6.1],
      erasmus: [5, 7, 10, 12],
      adage: [7, 9, 11, 13],
      companies: [98, 105, 113, 121],
      openDays: [240, 270, 300, 330],
      climate: [73, 76, 79, 81],
    },
    targets: true,
    levels: { "4": "EXCEEDED" },
    actions: {
      "6": {
        title: "Escale en Sardaigne",
        description:
          "<p>Chaque printemps, huit élèves de maintenance nautique passent quatre semaines dans des chantiers de Sardaigne, accompagnés par un enseignant d'atelier et préparés en italien.</p>",
      },
    },
    evidence: "ALL",
    partner: "l'association des professionnels du nautisme de la rade de Hyères",
    poster: "« Prairies sous la mer », exposition sur la posidonie",
    posterColour: [2, 119, 189],
    press: {
      outlet: "Var Littoral",
      headline: "Les lycéens des Salins redonnent vie à un voilier centenaire",
    },
    euroscol: false,
  },
  "aix-sainte-victoire": {
    indicators: {
      bacSuccess: [81, 83, 86, 88],
      insertion: [67, 70, 72, 75],
      apprentices: [22, 26, 29, 33],
      dropout: [7.4, 6.9, 6.2, 5.7],
      erasmus: [5, 8, 10, 13],
      adage: [9, 11, 12, 15],
      companies: [118, 126, 133, 141],
      openDays: [260, 290, 330, 350],
    },
    targets: true,
    levels: { "1": "EXCEEDED" },
    actions: {
      "4": {
        title: "Les vendanges pédagogiques",
        description:
          "<p>Chaque mois de septembre, les élèves participent aux vendanges d'un domaine partenaire et suivent la vinification jusqu'à la mise en bouteille, en lien avec les cours de bio-industries.</p>",
      },
    },
    evidence: "ALL",
    partner: "l'association régionale des industries agroalimentaires",
    poster: "« Le pain en Provence », exposition et dégustations",
    posterColour: [191, 144, 0],
    press: {
      outlet: "Le Courrier d'Aix",
      headline: "Du grain au pain : les lycéens de Sainte-Victoire exposent au musée",
    },
    euroscol: false,
  },
  "brignoles-sainte-baume": {
    indicators: {
      bacSuccess: [76, 79, 81, 84],
      insertion: [61, 63, 66, 68],
      apprentices: [9, 12, 14, 17],
      dropout: [8.8, 8.1, 7.6, 7.0],
      erasmus: [3, 5, 7, 9],
      adage: [6, 7, 9, 10],
      companies: [84, 90, 97, 104],
      openDays: [170, 190, 205, 230],
    },
    targets: true,
    levels: { "6": "PARTIALLY_MET" },
    actions: {
      "2": {
        title: "La boutique du terroir",
        description:
          "<p>Élèves, apprentis et adultes en formation tiennent ensemble la boutique de produits du terroir du lycée, ouverte au public trois jours par semaine.</p>",
      },
    },
    evidence: "ALL",
    partner: "la fédération des caves coopératives de la Provence verte",
    poster: "« Un automne en Provence verte », reportage sur les vendanges",
    posterColour: [106, 27, 154],
    press: {
      outlet: "La Provence verte",
      headline: "Au lycée de la Sainte-Baume, une boutique tenue par les élèves",
    },
    euroscol: false,
  },
  "manosque-durance": {
    indicators: {
      bacSuccess: [84, 86, 87, 90],
      insertion: [72, 74, 78, 80],
      apprentices: [18, 21, 25, 28],
      dropout: [6.2, 5.9, 5.4, 4.8],
      erasmus: [4, 6, 8, 10],
      adage: [6, 8, 10, 11],
      companies: [100, 108, 117, 126],
      openDays: [220, 250, 280, 300],
      // Criterion 9-a, its choice.
      digitalTraining: [4, 8, 12, 16],
    },
    targets: true,
    levels: { "4": "EXCEEDED", "9a": "EXCEEDED" },
    actions: {
      "9a": {
        title: "Supervision à distance de la centrale photovoltaïque",
        description:
          "<p>Les élèves de BTS supervisent à distance la centrale photovoltaïque du lycée, analysent sa production et préparent les interventions de maintenance des élèves de baccalauréat professionnel.</p>",
      },
    },
    evidence: "ALL",
    partner: "le pôle de compétitivité régional des énergies",
    poster: "« Lumières de Durance », installation des élèves électriciens",
    posterColour: [255, 179, 0],
    press: {
      outlet: "Le Journal de Haute-Provence",
      headline: "Les élèves électriciens illuminent la fête de Manosque",
    },
    euroscol: false,
  },
  "la-ciotat-chantiers": {
    indicators: {
      bacSuccess: [79, 82, 84, 87],
      insertion: [68, 71, 75, 77],
      apprentices: [16, 20, 23, 27],
      dropout: [8.1, 7.5, 6.8, 6.0],
      erasmus: [6, 8, 11, 13],
      adage: [8, 10, 11, 14],
      companies: [92, 101, 108, 116],
      openDays: [230, 260, 290, 320],
      climate: [72, 74, 78, 80],
    },
    targets: true,
    levels: { "4": "EXCEEDED" },
    actions: {
      "4": {
        title: "Un navire, une équipe",
        description:
          "<p>Chaque année, une équipe d'élèves chaudronniers et mécaniciens intervient trois semaines sur un yacht en réparation au chantier naval, aux côtés des compagnons des entreprises partenaires.</p>",
      },
    },
    evidence: "ALL",
    partner: "le groupement des entreprises du chantier naval de La Ciotat",
    poster: "« La barque retrouvée », fêtes maritimes",
    posterColour: [13, 71, 161],
    press: {
      outlet: "Le Ciotaden",
      headline: "Les élèves du lycée des Chantiers à bord d'un yacht de soixante mètres",
    },
    euroscol: false,
  },
  "frejus-esterel": {
    indicators: {
      bacSuccess: [72, 74, 75],
      insertion: [55, 57, 58],
      apprentices: [4, 5, 6],
      dropout: [11.6, 11.2, 10.9],
      erasmus: [0, 2, 3],
      adage: [4, 5, 6],
      companies: [58, 63, 70],
      openDays: [150, 160, 170],
    },
    targets: true,
    levels: { "3": "PARTIALLY_MET", "6": "PARTIALLY_MET", "7": "PARTIALLY_MET" },
    actions: {},
    evidence: "ALL",
    partner: "l'association des ports de plaisance de l'Estérel",
    poster: "« Forum Julii », visite du port antique",
    posterColour: [0, 150, 136],
    press: {
      outlet: "L'Estérel Matin",
      headline: "Remise à l'eau réussie pour les bateaux du club de voile",
    },
    euroscol: false,
  },
};

export interface ImprovementSteps {
  planned: string;
  done: string;
  improved: string;
}

/** « Ce qui est prévu », « ce qui est fait », « ce qui est amélioré » (rich text) on one criterion. */
export function improvementSteps(
  p: NarrativeProfile,
  d: DossierProfile,
  code: CriterionCode,
): ImprovementSteps {
  const steps = defaultSteps(p, code);
  const improved = d.improvements?.[code];
  return improved === undefined ? steps : { ...steps, improved };
}

function defaultSteps(p: NarrativeProfile, code: CriterionCode): ImprovementSteps {
  switch (code) {
    case "1":
      return {
        planned: `<p>Adapter chaque année l'offre de formation ${p.trades} aux besoins en compétences ${p.territory}, avec la Région et les branches professionnelles, et développer les passerelles entre CAP, baccalauréat professionnel et BTS.</p>`,
        done: `<ul><li>Formations proposées : ${p.pathways}.</li><li>${p.offerChange}</li></ul>`,
        improved:
          "<p>Les passerelles entre CAP et baccalauréat professionnel sont désormais examinées au conseil de classe du deuxième trimestre : plusieurs élèves de CAP poursuivent chaque année en première professionnelle.</p>",
      };
    case "2":
      return {
        planned:
          "<p>Accueillir sur les mêmes plateaux techniques des publics de statuts différents et sécuriser les changements de statut en cours de formation.</p>",
        done: `<ul><li>Publics accueillis : élèves sous statut scolaire, ${p.publics}.</li><li>Mini-stages et journées portes ouvertes pour les collégiens du secteur.</li></ul>`,
        improved:
          "<p>Un livret d'accueil commun aux élèves, apprentis et stagiaires a été rédigé, et chaque changement de statut fait l'objet d'un entretien avec la famille et le futur maître d'apprentissage.</p>",
      };
    case "3":
      return {
        planned:
          "<p>Adapter les parcours aux acquis constatés à l'entrée en formation et repérer au plus tôt les élèves fragiles.</p>",
        done: `<ul><li>Test de positionnement en début de seconde et groupes de besoin en français et en mathématiques.</li><li>${p.pedagogy}</li></ul>`,
        improved:
          "<p>Les groupes de besoin sont recomposés à chaque période au vu des évaluations, et le conseil pédagogique a étendu la co-intervention à toutes les classes de première.</p>",
      };
    case "4":
      return {
        planned: `<p>Entretenir des relations durables avec le tissu économique ${p.territory}, en lien avec la feuille de route du ${p.campus}.</p>`,
        done: `<ul><li>Un bureau des entreprises qui anime un réseau de plus de ${p.companyCount} entreprises d'accueil : ${p.companies}.</li><li>${p.sameFamily}</li></ul>`,
        improved:
          "<p>Les tuteurs évaluent désormais chaque PFMP avec une grille commune, exploitée en conseil pédagogique pour ajuster la préparation des élèves avant leur départ en entreprise.</p>",
      };
    case "5":
      return {
        planned:
          "<p>Offrir à chaque classe au moins une action d'éducation artistique et culturelle mobilisant les trois piliers (rencontrer, pratiquer, connaître), recensée dans ADAGE.</p>",
        done: `<p>${p.culture} La part collective du pass Culture finance au moins une sortie par classe.</p>`,
        improved:
          "<p>Les actions sont programmées dès la rentrée et articulées avec le chef-d'œuvre, ce qui a permis de toucher les classes de CAP jusque-là moins concernées.</p>",
      };
    case "6":
      return {
        planned:
          "<p>Mettre en œuvre un plan d'ouverture internationale formalisé, adossé à l'accréditation Erasmus+ : mobilités d'élèves et de personnels, section européenne et certification en langue.</p>",
        done: `<ul><li>PFMP à l'étranger ${p.abroad}.</li><li>${p.staffMobility}</li></ul>`,
        improved:
          "<p>La préparation linguistique et culturelle des élèves qui partent est assurée en co-intervention par les professeurs de langue et d'enseignement professionnel, et chaque mobilité donne lieu à une restitution devant les classes de seconde.</p>",
      };
    case "7":
      return {
        planned:
          "<p>Prévenir le décrochage par un repérage précoce et proposer des parcours adaptés aux jeunes qui font valoir leur droit au retour en formation.</p>",
        done: `<ul><li>Groupe de prévention du décrochage scolaire réuni tous les quinze jours.</li><li>${p.dropout}</li></ul>`,
        improved:
          "<p>Les sortants sont recontactés à trois et à six mois avec le réseau FOQUALE, et les parcours aménagés sont proposés dès le premier trimestre plutôt qu'en fin d'année.</p>",
      };
    case "8":
      return {
        planned:
          "<p>Mettre en œuvre le plan de communication interne et externe présenté au conseil d'administration et faire connaître le label aux familles et aux entreprises.</p>",
        done: `<ul><li>Lettre d'information mensuelle et espace partagé sur l'ENT.</li><li>${p.communication}</li></ul>`,
        improved:
          "<p>Un comité de communication associant des élèves prépare les publications, et les actualités du site sont mises à jour chaque semaine.</p>",
      };
    case "9a":
      return {
        planned:
          "<p>Développer le numérique au service des métiers : équipements professionnels, formation des enseignants et pratiques collaboratives.</p>",
        done: `<p>${p.digital ?? "Les plateaux techniques sont équipés des outils numériques utilisés dans les entreprises de la filière."}</p>`,
        improved:
          "<p>Un plan de formation au numérique construit avec les équipes a remplacé les formations ponctuelles, et les élèves tiennent un portfolio numérique de leurs réalisations.</p>",
      };
    case "9b":
      return {
        planned:
          "<p>Lutter contre les stéréotypes de genre et favoriser la mixité des filières de formation, de l'orientation des collégiens à l'insertion.</p>",
        done: `<p>${p.equality ?? "Le lycée conduit un plan d'action pour la mixité de ses filières de formation."}</p>`,
        improved:
          "<p>Les rencontres avec des professionnelles sont intégrées aux mini-stages des collégiens, et les supports de présentation des formations ont été revus pour montrer des filles et des garçons dans tous les métiers.</p>",
      };
  }
}

/** One indicator quoted by « ce qui est mesuré ». */
export interface MeasuredIndicator {
  key: IndicatorKey;
  /** Oldest first. */
  values: readonly { schoolYear: string; value: number }[];
}

function measuredValue(key: IndicatorKey, value: number): string {
  const unit = INDICATOR_DEFINITIONS[key].unit ?? "%";
  return `${formatNumber(value)} ${unit}`;
}

/** « Ce qui est mesuré » (rich text): the criterion's indicators, from their first to their last year. */
export function measuredStep(indicators: readonly MeasuredIndicator[]): string {
  const items = indicators.flatMap(({ key, values }) => {
    if (values.length === 0) return [];
    const definition = INDICATOR_DEFINITIONS[key];
    const series = values
      .map((v) => `${measuredValue(key, v.value)} en ${v.schoolYear}`)
      .join(", ");
    const what =
      definition.kind === "QUALITATIVE"
        ? `${definition.name}, part des élèves qui se sentent bien au lycée : ${series}`
        : `${definition.name} : ${series}`;
    return [`<li>${what} ; source : ${definition.source}.</li>`];
  });
  if (items.length === 0) {
    return "<p>Les indicateurs de ce critère sont en cours de construction avec l'équipe de pilotage.</p>";
  }
  return `<ul>${items.join("")}</ul><p>Les résultats sont présentés chaque année au conseil pédagogique et au conseil d'administration.</p>`;
}

// Evidence ---------------------------------------------------------------------------------------

export interface EvidenceSeed {
  key: EvidenceKey;
  title: string;
  kind: EvidenceKind;
  criteria: readonly CriterionCode[];
  format: "PDF" | "PNG";
  /** Effective date of the piece, in days after the candidature was opened (negative: before). */
  daysFromCreation: number;
  /** 2: a provisional version was replaced by an updated one. */
  revisions: 1 | 2;
  /** Paragraphs of the PDF. */
  body: readonly string[];
}

/** The whole library an establishment may hold (the seed keeps the pieces `DossierProfile` lists). */
export function evidenceLibrary(
  p: NarrativeProfile,
  d: DossierProfile,
  lastSchoolYear: string,
): EvidenceSeed[] {
  return [
    {
      key: "dashboard",
      title: `Tableau de bord des indicateurs ${lastSchoolYear}`,
      kind: "DASHBOARD",
      criteria: ["1", "3", "7"],
      format: "PDF",
      daysFromCreation: 45,
      revisions: 2,
      body: [
        "Synthèse des indicateurs suivis par l'équipe de pilotage : réussite aux examens, insertion des sortants, décrochage en cours d'année, mobilités et actions culturelles.",
        `Les valeurs de l'année ${lastSchoolYear} ont été présentées au conseil pédagogique, puis au conseil d'administration.`,
      ],
    },
    {
      key: "pedagogicalCouncil",
      title: "Compte rendu du conseil pédagogique",
      kind: "MEETING_MINUTES",
      criteria: ["3", "7"],
      format: "PDF",
      daysFromCreation: 20,
      revisions: 1,
      body: [
        "Ordre du jour : bilan des tests de positionnement, composition des groupes de besoin, suivi des élèves signalés par le groupe de prévention du décrochage scolaire.",
        p.pedagogy,
      ],
    },
    {
      key: "localCommittee",
      title: `Compte rendu du comité local école-entreprise ${p.territory}`,
      kind: "MEETING_MINUTES",
      criteria: ["4"],
      format: "PDF",
      daysFromCreation: -60,
      revisions: 1,
      body: [`Entreprises représentées : ${p.companies}.`, p.sameFamily],
    },
    {
      key: "partnership",
      title: `Convention de partenariat avec ${d.partner}`,
      kind: "PARTNERSHIP_CONTRACT",
      criteria: ["2", "4"],
      format: "PDF",
      daysFromCreation: -420,
      revisions: 1,
      body: [
        "La convention organise l'accueil des élèves et des apprentis en entreprise, l'intervention de professionnels dans les formations et l'immersion des enseignants en entreprise.",
        "Conclue pour trois ans, elle fait l'objet d'un bilan annuel avec le bureau des entreprises.",
      ],
    },
    {
      key: "poster",
      title: `Affiche : ${d.poster}`,
      kind: "POSTER",
      criteria: ["5"],
      format: "PNG",
      daysFromCreation: -150,
      revisions: 1,
      body: [],
    },
    {
      key: "press",
      title: `${d.press.outlet} : « ${d.press.headline} »`,
      kind: "PRESS_ARTICLE",
      criteria: ["8"],
      format: "PDF",
      daysFromCreation: -90,
      revisions: 1,
      body: [`Article paru dans ${d.press.outlet} (journal fictif).`, p.communication],
    },
    {
      key: "brochure",
      title: "Plaquette de présentation des formations",
      kind: "BROCHURE",
      criteria: ["1", "8"],
      format: "PDF",
      daysFromCreation: -30,
      revisions: 1,
      body: [`Formations proposées : ${p.pathways}.`, p.offerChange],
    },
    {
      key: "mobility",
      title: `Bilan des mobilités Erasmus+ ${lastSchoolYear}`,
      kind: "DASHBOARD",
      criteria: ["6"],
      format: "PDF",
      daysFromCreation: 10,
      revisions: 1,
      body: [`Destinations des PFMP à l'étranger : ${p.abroad}.`, p.staffMobility],
    },
    {
      key: "euroscol",
      title: "Attestation du label Euroscol",
      kind: "EUROSCOL_LABEL",
      criteria: ["6"],
      format: "PDF",
      daysFromCreation: -500,
      revisions: 1,
      body: [
        "Le label Euroscol est attribué à l'établissement par la commission académique pour son engagement européen et international, pour une durée de cinq ans.",
        "Ce label valide de fait le critère 6 (ouverture internationale) du cahier des charges.",
      ],
    },
    {
      key: "digital",
      title: "Plan de formation au numérique des personnels",
      kind: "OTHER",
      criteria: ["9a"],
      format: "PDF",
      daysFromCreation: -45,
      revisions: 1,
      body: [
        p.digital ??
          "Les plateaux techniques sont équipés des outils numériques utilisés dans les entreprises de la filière.",
        "Formations d'initiative locale : outils collaboratifs, ENT et logiciels professionnels de la filière.",
      ],
    },
    {
      key: "equality",
      title: "Bilan du plan d'action pour la mixité des filières",
      kind: "DASHBOARD",
      criteria: ["9b"],
      format: "PDF",
      daysFromCreation: 30,
      revisions: 1,
      body: [
        p.equality ??
          "Le lycée conduit un plan d'action pour la mixité de ses filières de formation.",
      ],
    },
  ];
}

/** A piece common to the network (no establishment), described in the candidature's data. */
export interface NetworkEvidenceSeed {
  title: string;
  kind: EvidenceKind;
  criteria: readonly NationalCriterionCode[];
  daysFromCreation: number;
  body: readonly string[];
}

/** Paragraphs of an engagement letter or of the board minutes approving the candidature. */
export function engagementDocumentBody(
  kind: EngagementDocumentKind,
  establishmentName: string,
  labelTitle: string,
  date: string,
): string[] {
  return kind === "ENGAGEMENT_LETTER"
    ? [
        `${establishmentName} : le chef d'établissement engage l'établissement dans la démarche de labellisation « Lycée des métiers » et s'engage à conduire l'auto-évaluation avec une équipe de pilotage.`,
        `Intitulé envisagé : « ${labelTitle} ».`,
        `Fait le ${date}.`,
      ]
    : [
        `Extrait du procès-verbal de la séance du conseil d'administration du ${date}.`,
        `Le conseil d'administration approuve la candidature de l'établissement au label « ${labelTitle} ».`,
        "Vote : adopté à la majorité des membres présents.",
      ];
}

/** The small print of every demo file. */
export const DEMO_FILE_FOOTER =
  "Document fictif produit pour la démonstration de la plateforme « Lycée des métiers » : toute ressemblance serait fortuite.";

// ---------------------------------------------------------------------------------------------
// School accounts: per establishment taking part in a candidature, its head (SCHOOL_HEAD) and its
// steering team (SCHOOL_STAFF), with the criteria each person pilots. Their e-mail is in their
// académie (`schoolEmail`) and they have no password (DRAFPIC opens their access), except the
// members that are demo accounts (`demoAccount`, see `demo-accounts.ts`).

export interface SeedPerson {
  /** First name then last name. */
  fullName: string;
  jobTitle: string;
  /** Criteria this person pilots. */
  criteria: readonly CriterionCode[];
}

/** A member that is one of the demo accounts (name and job title come from `DEMO_ACCOUNTS`). */
export interface SeedDemoMember {
  demoAccount: DemoAccountEmail;
  criteria: readonly CriterionCode[];
}

export type SeedTeamMember = SeedPerson | SeedDemoMember;

export interface SeedSchoolTeam {
  /** The head of the establishment (« Proviseur » / « Proviseure »). */
  head: SeedTeamMember;
  /** The other members of the steering team. */
  staff: readonly SeedTeamMember[];
}

const DDFPT = "Directeur délégué aux formations professionnelles et technologiques";
const DDFPT_F = "Directrice déléguée aux formations professionnelles et technologiques";
const CPE = "Conseiller principal d'éducation";
const CPE_F = "Conseillère principale d'éducation";

export const SCHOOL_TEAMS: Partial<Record<EstablishmentKey, SeedSchoolTeam>> = {
  "cavaillon-vergers": {
    head: { fullName: "Nathalie Espinasse", jobTitle: "Proviseure", criteria: [] },
    staff: [],
  },
  "marseille-jean-moulin": {
    head: { fullName: "Didier Santoni", jobTitle: "Proviseur", criteria: [] },
    staff: [
      { fullName: "Karim Benali", jobTitle: DDFPT, criteria: ["1", "4"] },
      { fullName: "Laurent Giraud", jobTitle: "Proviseur adjoint", criteria: ["2", "8"] },
      {
        fullName: "Julien Roux",
        jobTitle: "Professeur de génie électrique",
        criteria: ["3", "9a"],
      },
      {
        fullName: "Sophie Marchetti",
        jobTitle: "Professeure de lettres-histoire",
        criteria: ["5"],
      },
      { fullName: "Amélie Fabre", jobTitle: "Professeure d'anglais", criteria: ["6"] },
      { fullName: "Nadia Haddad", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "nice-oliviers": {
    head: { demoAccount: "cheffe@demo.ldm.fr", criteria: ["8"] },
    staff: [
      { fullName: "Thierry Giordano", jobTitle: DDFPT, criteria: ["1"] },
      { fullName: "Marc Lanteri", jobTitle: "Professeur de cuisine", criteria: ["2", "3"] },
      {
        fullName: "Camille Bertrand",
        jobTitle: "Professeure de lettres-histoire",
        criteria: ["5"],
      },
      { demoAccount: "pilote@demo.ldm.fr", criteria: ["4", "6"] },
      { fullName: "Sarah Mansouri", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "cannes-lerins": {
    head: { demoAccount: "chef.cannes@demo.ldm.fr", criteria: [] },
    staff: [
      { fullName: "Philippe Aubert", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Hugo Lambert",
        jobTitle: "Professeur d'économie-gestion",
        criteria: ["2", "3"],
      },
      {
        fullName: "Émilie Durand",
        jobTitle: "Professeure documentaliste",
        criteria: ["5", "8", "9a"],
      },
      { fullName: "Isabelle Ferrand", jobTitle: "Professeure d'anglais", criteria: ["6"] },
      { fullName: "Nicolas Carlier", jobTitle: CPE, criteria: ["7"] },
    ],
  },
  "menton-agrumes": {
    head: { demoAccount: "chef.menton@demo.ldm.fr", criteria: [] },
    staff: [
      {
        fullName: "Stéphanie Orsini",
        jobTitle: "Proviseure adjointe",
        criteria: ["1", "2", "8"],
      },
      {
        fullName: "Antoine Barale",
        jobTitle: "Professeur d'économie-gestion",
        criteria: ["3", "4"],
      },
      { fullName: "Lucie Pastor", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Marco Bianchi", jobTitle: "Professeur d'italien", criteria: ["6"] },
      { fullName: "Fatima Belkacem", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "toulon-arsenal": {
    head: { fullName: "Christophe Morel", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Patrick Sauvaire", jobTitle: DDFPT, criteria: ["1", "4"] },
      { fullName: "Aurélie Costa", jobTitle: "Proviseure adjointe", criteria: ["2"] },
      {
        fullName: "Sébastien Meyer",
        jobTitle: "Professeur de maintenance des systèmes",
        criteria: ["3"],
      },
      { fullName: "Claire Vidal", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Delphine Pons", jobTitle: "Professeure d'anglais", criteria: ["6"] },
      { fullName: "Yannick Le Goff", jobTitle: CPE, criteria: ["7"] },
      {
        fullName: "Mélanie Rossi",
        jobTitle: "Professeure de mathématiques-physique-chimie, référente égalité filles-garçons",
        criteria: ["9b"],
      },
    ],
  },
  "embrun-serre-poncon": {
    head: { fullName: "Anne Reynaud", jobTitle: "Proviseure", criteria: ["8"] },
    staff: [
      { fullName: "Olivier Blanc", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Jérôme Arnaud",
        jobTitle: "Professeur d'hôtellerie-restauration",
        criteria: ["2", "3"],
      },
      { fullName: "Marie Chabrand", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Thomas Garcin", jobTitle: "Professeur d'anglais", criteria: ["6"] },
      { fullName: "Laetitia Faure", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "briancon-hautes-vallees": {
    head: { fullName: "Bruno Gravier", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Cédric Allemand", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Pauline Jouve",
        jobTitle: "Professeure de construction bois",
        criteria: ["2", "3"],
      },
      { fullName: "Romain Eyraud", jobTitle: "Professeur de lettres-histoire", criteria: ["5"] },
      { fullName: "Sandrine Collomb", jobTitle: "Professeure d'italien", criteria: ["6"] },
      { fullName: "Kévin Martinez", jobTitle: CPE, criteria: ["7"] },
    ],
  },
  "grasse-parfumeurs": {
    head: { fullName: "Catherine Baudoin", jobTitle: "Proviseure", criteria: ["8"] },
    staff: [
      { fullName: "Frédéric Musso", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Laura Giraudo",
        jobTitle: "Professeure d'esthétique-cosmétique",
        criteria: ["2", "3"],
      },
      { fullName: "Inès Bouchard", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Gaëlle Martin", jobTitle: "Professeure d'espagnol", criteria: ["6"] },
      { fullName: "Yasmine Cherif", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "martigues-saint-joseph": {
    head: { fullName: "Jean-Pierre Ollivier", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Sylvie Barthélémy", jobTitle: DDFPT_F, criteria: ["1", "4"] },
      {
        fullName: "Mathieu Pellegrin",
        jobTitle: "Professeur de génie chimique",
        criteria: ["2", "3"],
      },
      { fullName: "Agnès Tournier", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Damien Aubry", jobTitle: "Professeur d'anglais", criteria: ["6"] },
      { fullName: "Corinne Silvestre", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "marseille-calanques": {
    head: { fullName: "Sylvain Marcellesi", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Rachid Boualem", jobTitle: DDFPT, criteria: ["1", "4"] },
      { fullName: "Christine Peyre", jobTitle: "Proviseure adjointe", criteria: ["2"] },
      { fullName: "Fabien Caruso", jobTitle: "Professeur de logistique", criteria: ["3", "9a"] },
      { fullName: "Marion Gilly", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Anthony Ferracci", jobTitle: "Professeur d'anglais", criteria: ["6"] },
      { fullName: "Leïla Amrani", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "salon-la-crau": {
    head: { fullName: "Véronique Chabaud", jobTitle: "Proviseure", criteria: ["8"] },
    staff: [
      { fullName: "Pascal Imbert", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Guillaume Autran",
        jobTitle: "Professeur de maintenance aéronautique",
        criteria: ["2", "3"],
      },
      { fullName: "Céline Bonnet", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Thomas Reboul", jobTitle: "Professeur d'anglais", criteria: ["6"] },
      { fullName: "Samia Khelifi", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "avignon-remparts": {
    head: { fullName: "Jean-Luc Reynier", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Agathe Bérard", jobTitle: DDFPT_F, criteria: ["1", "4"] },
      {
        fullName: "Noémie Rouvier",
        jobTitle: "Professeure des métiers de la mode",
        criteria: ["2", "3"],
      },
      { fullName: "Vincent Lagarde", jobTitle: "Professeur de lettres-histoire", criteria: ["5"] },
      { fullName: "Paola Ricci", jobTitle: "Professeure d'italien", criteria: ["6"] },
      { fullName: "Hervé Castel", jobTitle: CPE, criteria: ["7"] },
      {
        fullName: "Lucie Vernet",
        jobTitle: "Professeure de techniques du spectacle, référente égalité filles-garçons",
        criteria: ["9b"],
      },
    ],
  },
  "digne-trois-vallees": {
    head: { fullName: "Martine Honnorat", jobTitle: "Proviseure", criteria: ["8"] },
    staff: [
      { fullName: "Denis Richaud", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Aurore Chaix",
        jobTitle: "Professeure de sciences médico-sociales",
        criteria: ["2", "3"],
      },
      { fullName: "Baptiste Isnard", jobTitle: "Professeur de lettres-histoire", criteria: ["5"] },
      { fullName: "Elena Navarro", jobTitle: "Professeure d'espagnol", criteria: ["6"] },
      { fullName: "Justine Pellegrino", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "hyeres-salins": {
    head: { fullName: "Philippe Gasquet", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Olivier Maurel", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Raphaël Tardieu",
        jobTitle: "Professeur de maintenance nautique",
        criteria: ["2", "3"],
      },
      {
        fullName: "Sandra Albertini",
        jobTitle: "Professeure de lettres-histoire",
        criteria: ["5"],
      },
      { fullName: "Nicolas Pagès", jobTitle: "Professeur d'anglais", criteria: ["6"] },
      { fullName: "Émilie Roustan", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "aix-sainte-victoire": {
    head: { fullName: "Isabelle Coulomb", jobTitle: "Proviseure", criteria: ["8"] },
    staff: [
      { fullName: "Frédéric Aillaud", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Mireille Brun",
        jobTitle: "Professeure de bio-industries",
        criteria: ["2", "3"],
      },
      { fullName: "Damien Sauze", jobTitle: "Professeur de lettres-histoire", criteria: ["5"] },
      { fullName: "Carla Moretti", jobTitle: "Professeure d'italien", criteria: ["6"] },
      { fullName: "Yanis Bouzid", jobTitle: CPE, criteria: ["7"] },
    ],
  },
  "brignoles-sainte-baume": {
    head: { fullName: "Gérard Lombard", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Valérie Teissier", jobTitle: DDFPT_F, criteria: ["1", "4"] },
      { fullName: "Alexandre Icard", jobTitle: "Professeur de vente", criteria: ["2", "3"] },
      { fullName: "Chloé Bernardi", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Miguel Sanchez", jobTitle: "Professeur d'espagnol", criteria: ["6"] },
      { fullName: "Nadège Colomb", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "manosque-durance": {
    head: { fullName: "Thierry Sicard", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Laurent Bourgue", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Julie Féraud",
        jobTitle: "Professeure de génie électrique",
        criteria: ["2", "3", "9a"],
      },
      { fullName: "Marc Arnoux", jobTitle: "Professeur de lettres-histoire", criteria: ["5"] },
      { fullName: "Katrin Weber", jobTitle: "Professeure d'allemand", criteria: ["6"] },
      { fullName: "Stéphane Moulin", jobTitle: CPE, criteria: ["7"] },
    ],
  },
  "la-ciotat-chantiers": {
    head: { fullName: "Pierre-Yves Cassan", jobTitle: "Proviseur", criteria: ["8"] },
    staff: [
      { fullName: "Joël Barbaroux", jobTitle: DDFPT, criteria: ["1", "4"] },
      { fullName: "Franck Lubrano", jobTitle: "Professeur de chaudronnerie", criteria: ["2", "3"] },
      { fullName: "Annie Gavaudan", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Rosa Ferreira", jobTitle: "Professeure d'anglais", criteria: ["6"] },
      { fullName: "Magali Espitalier", jobTitle: CPE_F, criteria: ["7"] },
    ],
  },
  "frejus-esterel": {
    head: { fullName: "Corinne Dalmasso", jobTitle: "Proviseure", criteria: ["8"] },
    staff: [
      { fullName: "Éric Lantermino", jobTitle: DDFPT, criteria: ["1", "4"] },
      {
        fullName: "Mathias Bonifay",
        jobTitle: "Professeur de maintenance nautique",
        criteria: ["2", "3"],
      },
      { fullName: "Laure Giacomini", jobTitle: "Professeure de lettres-histoire", criteria: ["5"] },
      { fullName: "Sébastien Varenne", jobTitle: "Professeur d'anglais", criteria: ["6"] },
      { fullName: "Jordan Mercier", jobTitle: CPE, criteria: ["7"] },
    ],
  },
};

export const ACADEMIE_MAIL_DOMAINS: Record<AcademieCode, string> = {
  AIX_MARSEILLE: "ac-aix-marseille.fr",
  NICE: "ac-nice.fr",
};

/** « Jean-Pierre Le Goff », NICE → « jean-pierre.le-goff@ac-nice.fr ». */
export function schoolEmail(fullName: string, academie: AcademieCode): string {
  const [first = "", ...rest] = fullName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/'/g, "")
    .split(/\s+/)
    .filter((part) => part !== "");
  return `${[first, rest.join("-")].filter((part) => part !== "").join(".")}@${ACADEMIE_MAIL_DOMAINS[academie]}`;
}

// ---------------------------------------------------------------------------------------------
// Candidatures in progress: created through the services (the domain guards apply)

/** Criteria answered (or piloted): a list, or "ALL" for every criterion of the candidature. */
export type CriterionSelection = readonly CriterionCode[] | "ALL";

export interface ActiveMemberSeed {
  establishment: EstablishmentKey;
  isLead: boolean;
  /**
   * The criterion 9 this establishment chose (« au choix de l'établissement »: in a network each
   * co-applicant chooses its own); null: none. The lead's comes with the creation, each
   * co-applicant's head chooses its own afterwards.
   */
  optionalVariant: OptionalCriterionVariant | null;
  /** Engagement letter and board minutes, in days before today; null = not received yet. */
  engagement: { boardMinutesDaysAgo: number; letterDaysAgo: number } | null;
  /**
   * Criteria answered: complete self-evaluations (four steps, level, every expectation addressed),
   * except the `drafts`, where only « ce qui est prévu » and « ce qui est fait » are written and half
   * the expectations ticked. Indicators and evidence come from the establishment's `DossierProfile`.
   */
  responses: CriterionSelection;
  drafts: readonly CriterionCode[];
  /**
   * Criteria answered but left for the demo user to finish by hand (see the README): only « ce qui
   * est prévu » is written and half the expectations ticked, with no level; none of the member's
   * indicators supports them, and no piece of the candidature does (they are taken off every piece,
   * and a piece left without criteria is not uploaded).
   */
  byHand: readonly CriterionCode[];
  pilots: CriterionSelection;
}

export interface ActiveCandidatureSeed {
  /** Short description, used in error messages. */
  ref: string;
  kind: CandidatureKind;
  awardType: AwardType;
  labelTitle: string;
  /** When the candidature was opened on the platform, in days before today. */
  createdDaysAgo: number;
  members: readonly ActiveMemberSeed[];
  /** Audit date in months after today (moved to a working day); null = not scheduled yet. */
  auditInMonths: number | null;
  commonStrategies: Partial<Record<NationalCriterionCode, string>>;
  /** Pieces common to the network, uploaded by the lead's head. */
  networkEvidence: readonly NetworkEvidenceSeed[];
  /**
   * OPEN_DOSSIER is applied (by DRAFPIC, today) before the dossier is written. The candidatures whose
   * dossier is submitted are in `seed-procedure-data.ts`.
   */
  transitions: readonly { transition: "OPEN_DOSSIER"; comment: string }[];
}

export const OPENING_COMMENT =
  "Dossier ouvert par la DRAFPIC après réception des lettres d'engagement et des procès-verbaux des conseils d'administration.";

/** Both demo auditors: they audited the historical dossiers of the demo. */
const DEMO_AUDIT_TEAM: readonly DemoAuditorEmail[] = ["auditrice@demo.ldm.fr", "cee@demo.ldm.fr"];

export const ACTIVE_CANDIDATURES: readonly ActiveCandidatureSeed[] = [
  {
    ref: "candidature individuelle en phase d'engagement (Cavaillon)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de l'agroalimentaire et de la logistique",
    createdDaysAgo: 12,
    members: [
      {
        establishment: "cavaillon-vergers",
        isLead: true,
        optionalVariant: null,
        engagement: null,
        responses: [],
        drafts: [],
        byHand: [],
        pilots: [],
      },
    ],
    auditInMonths: null,
    commonStrategies: {},
    networkEvidence: [],
    transitions: [],
  },
  {
    ref: "candidature individuelle, dossier ouvert (Marseille)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de l'électricité, du numérique et de la transition énergétique",
    createdDaysAgo: 95,
    members: [
      {
        establishment: "marseille-jean-moulin",
        isLead: true,
        optionalVariant: "A",
        engagement: { boardMinutesDaysAgo: 75, letterDaysAgo: 61 },
        responses: ["1", "4", "5", "6", "9a"],
        drafts: ["5", "9a"],
        byHand: [],
        pilots: ["1", "3", "4", "5", "6", "9a"],
      },
    ],
    auditInMonths: 5,
    commonStrategies: {},
    networkEvidence: [],
    transitions: [{ transition: "OPEN_DOSSIER", comment: OPENING_COMMENT }],
  },
  {
    ref: "candidature en réseau de la Riviera, dossier ouvert (Nice, Cannes, Menton)",
    kind: "NETWORK",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de l'hôtellerie, de la restauration et du tourisme",
    createdDaysAgo: 110,
    // Criterion 9 is each establishment's choice: 9-a for Cannes, none for Menton, none yet for Les
    // Oliviers (its head chooses in the demo).
    members: [
      {
        establishment: "nice-oliviers",
        isLead: true,
        optionalVariant: null,
        engagement: { boardMinutesDaysAgo: 92, letterDaysAgo: 70 },
        responses: "ALL",
        drafts: [],
        byHand: ["4"],
        pilots: "ALL",
      },
      {
        establishment: "cannes-lerins",
        isLead: false,
        optionalVariant: "A",
        engagement: { boardMinutesDaysAgo: 86, letterDaysAgo: 68 },
        responses: "ALL",
        drafts: [],
        byHand: [],
        pilots: "ALL",
      },
      {
        establishment: "menton-agrumes",
        isLead: false,
        optionalVariant: null,
        engagement: { boardMinutesDaysAgo: 81, letterDaysAgo: 66 },
        responses: "ALL",
        drafts: [],
        byHand: [],
        pilots: "ALL",
      },
    ],
    // The audit leaves time to submit (at the latest two months before it).
    auditInMonths: 5,
    // Strategy 4 is a short draft: the demo users complete it by hand (two at once, see the README).
    commonStrategies: {
      "4": "Premières pistes : un fichier commun des entreprises d'accueil et un forum des métiers de la Riviera ouvert aux collégiens. À compléter par les pilotes du critère 4.",
      "5": "Les trois lycées construisent un parcours culturel commun autour du patrimoine gastronomique et touristique de la Riviera, recensé dans ADAGE. Chaque année, une manifestation réunit les élèves des trois établissements autour d'un thème partagé, comme « Cuisines et paysages de la Méditerranée ».",
      "6": "Le réseau porte une accréditation Erasmus+ commune qui finance les mobilités des élèves et des personnels vers l'Italie, Malte et l'Espagne. Les partenaires étrangers sont partagés entre les trois lycées : un élève de Menton peut partir avec un groupe de Nice ou de Cannes, et les professeurs de langues des trois établissements préparent ensemble les départs. Un bilan commun des mobilités est présenté chaque année aux trois conseils d'administration.",
      "8": "Le plan de communication commun prévoit une identité visuelle partagée, une page du réseau sur le site de chaque lycée et une lettre d'information trimestrielle adressée aux familles et aux partenaires des trois lycées. La démarche de labellisation est présentée ensemble lors des salons de l'orientation des Alpes-Maritimes et au forum des métiers de la Riviera.",
    },
    networkEvidence: [
      {
        title: "Convention constitutive du réseau de la Riviera",
        kind: "PARTNERSHIP_CONTRACT",
        criteria: ["4", "5", "6", "8"],
        daysFromCreation: -20,
        body: [
          "Les lycées Les Oliviers (Nice), des Îles de Lérins (Cannes) et Les Agrumes (Menton) constituent un réseau pour préparer ensemble leur candidature au label « Lycée des métiers ».",
          "Le lycée Les Oliviers est l'établissement porteur ; un comité de pilotage commun se réunit chaque trimestre.",
        ],
      },
    ],
    transitions: [{ transition: "OPEN_DOSSIER", comment: OPENING_COMMENT }],
  },
];

// ---------------------------------------------------------------------------------------------
// Historical candidatures: decided in the past, written directly (today's date guards would refuse
// their past dates); the seed replays every step through the domain's lifecycle at its own date.

export interface HistoricalStepSeed {
  transition: TransitionName;
  /** Effective date, in days after the audit date (negative: before); moved to a working day. */
  daysFromAudit: number;
  comment: string | null;
}

export interface HistoricalCandidatureSeed {
  ref: string;
  kind: CandidatureKind;
  awardType: AwardType;
  labelTitle: string;
  /**
   * Every member answered and piloted every criterion it retains (the national ones and the criterion
   * 9 it chose, `optionalVariant`), followed its indicators and built its evidence library (the
   * dossier was submitted complete): see `DOSSIER_PROFILES`.
   */
  members: readonly {
    establishment: EstablishmentKey;
    isLead: boolean;
    optionalVariant: OptionalCriterionVariant | null;
  }[];
  /** Audit date in months before today (moved to a working day). */
  auditMonthsAgo: number;
  createdDaysFromAudit: number;
  boardMinutesDaysFromAudit: number;
  engagementLetterDaysFromAudit: number;
  /** From ENGAGEMENT to `finalState`; PUBLISH_LABEL's date is the BOEN publication date. */
  steps: readonly HistoricalStepSeed[];
  finalState: "LABELLED" | "MID_TERM_REVIEWED" | "REFUSED";
  /**
   * Demo auditors assigned by DRAFPIC (dated from the submission of the dossier); an audited
   * candidature's team holds at least one inspector (`assertAuditTeam`).
   */
  auditors: readonly DemoAuditorEmail[];
}

export const HISTORICAL_CANDIDATURES: readonly HistoricalCandidatureSeed[] = [
  {
    ref: "candidature individuelle labellisée il y a deux ans (Grasse)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de la parfumerie, de la cosmétique et de l'esthétique",
    members: [{ establishment: "grasse-parfumeurs", isLead: true, optionalVariant: null }],
    auditMonthsAgo: 31,
    createdDaysFromAudit: -300,
    boardMinutesDaysFromAudit: -285,
    engagementLetterDaysFromAudit: -270,
    steps: [
      { transition: "OPEN_DOSSIER", daysFromAudit: -255, comment: OPENING_COMMENT },
      { transition: "SUBMIT_DOSSIER", daysFromAudit: -75, comment: "Dossier complet déposé." },
      {
        transition: "RECORD_PREPARATORY_VISIT",
        daysFromAudit: -45,
        comment: "Visite préparatoire de la DRAFPIC.",
      },
      {
        transition: "RECEIVE_AUDIT_PLAN",
        daysFromAudit: -21,
        comment: "Plan d'audit reçu de la proviseure.",
      },
      {
        transition: "RECORD_AUDIT",
        daysFromAudit: 0,
        comment:
          "Audit conduit par deux inspecteurs et une conseillère entreprises pour l'école. Axe de progrès : formaliser les indicateurs de suivi des mobilités internationales.",
      },
      { transition: "SUBMIT_REPORT", daysFromAudit: 20, comment: "Rapport d'audit favorable." },
      {
        transition: "RECORD_GRALM_PROPOSAL",
        daysFromAudit: 60,
        comment: "Proposition favorable du GRALM.",
      },
      { transition: "RECORD_CAEN_OPINION", daysFromAudit: 100, comment: "Avis favorable du CAEN." },
      {
        transition: "RECORD_RECTOR_APPROVAL",
        daysFromAudit: 130,
        comment: "Décision favorable du recteur.",
      },
      {
        transition: "PUBLISH_LABEL",
        daysFromAudit: 212,
        comment: "Publication au Bulletin officiel de l'éducation nationale.",
      },
    ],
    finalState: "LABELLED",
    auditors: DEMO_AUDIT_TEAM,
  },
  {
    ref: "candidature individuelle refusée (Martigues)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers des industries de procédés et de la sécurité",
    members: [{ establishment: "martigues-saint-joseph", isLead: true, optionalVariant: null }],
    auditMonthsAgo: 14,
    createdDaysFromAudit: -290,
    boardMinutesDaysFromAudit: -280,
    engagementLetterDaysFromAudit: -268,
    steps: [
      { transition: "OPEN_DOSSIER", daysFromAudit: -250, comment: OPENING_COMMENT },
      { transition: "SUBMIT_DOSSIER", daysFromAudit: -70, comment: "Dossier déposé." },
      {
        transition: "RECORD_PREPARATORY_VISIT",
        daysFromAudit: -40,
        comment:
          "Visite préparatoire de la DRAFPIC : les indicateurs des critères 3 et 7 sont suivis sans cible ni analyse des écarts ; à compléter avant l'audit.",
      },
      { transition: "RECEIVE_AUDIT_PLAN", daysFromAudit: -18, comment: "Plan d'audit reçu." },
      {
        transition: "RECORD_AUDIT",
        daysFromAudit: 0,
        comment:
          "Audit réalisé. Les auditeurs relèvent des indicateurs sans cible ni exploitation sur les critères 3 et 7, un décrochage qui ne baisse pas et une ouverture internationale encore embryonnaire.",
      },
      { transition: "SUBMIT_REPORT", daysFromAudit: 21, comment: "Rapport d'audit réservé." },
      {
        transition: "RECORD_GRALM_PROPOSAL",
        daysFromAudit: 65,
        comment: "Proposition défavorable du GRALM.",
      },
      {
        transition: "RECORD_CAEN_OPINION",
        daysFromAudit: 110,
        comment: "Avis défavorable du CAEN.",
      },
      {
        transition: "RECORD_RECTOR_REFUSAL",
        daysFromAudit: 140,
        comment:
          "Le recteur ne retient pas la candidature ; une nouvelle candidature est encouragée une fois les indicateurs de suivi exploités et le plan d'ouverture internationale formalisé.",
      },
    ],
    finalState: "REFUSED",
    // Audited: the team held an inspector (no audit is recorded without one).
    auditors: DEMO_AUDIT_TEAM,
  },
  {
    // The label the Toulon renewal renews: published about 55 months ago, it expires in about
    // 5 months; the renewal was opened within the last year of its validity.
    ref: "label individuel publié il y a quatre ans et demi, suivi intermédiaire fait (Toulon)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de la maintenance navale et industrielle",
    members: [{ establishment: "toulon-arsenal", isLead: true, optionalVariant: "B" }],
    auditMonthsAgo: 62,
    createdDaysFromAudit: -310,
    boardMinutesDaysFromAudit: -290,
    engagementLetterDaysFromAudit: -276,
    steps: [
      { transition: "OPEN_DOSSIER", daysFromAudit: -262, comment: OPENING_COMMENT },
      { transition: "SUBMIT_DOSSIER", daysFromAudit: -80, comment: "Dossier complet déposé." },
      {
        transition: "RECORD_PREPARATORY_VISIT",
        daysFromAudit: -48,
        comment: "Visite préparatoire de la DRAFPIC.",
      },
      { transition: "RECEIVE_AUDIT_PLAN", daysFromAudit: -20, comment: "Plan d'audit reçu." },
      {
        transition: "RECORD_AUDIT",
        daysFromAudit: 0,
        comment:
          "Audit conduit par une inspectrice et un conseiller entreprises pour l'École, à bord du navire-école et dans les ateliers de maintenance.",
      },
      { transition: "SUBMIT_REPORT", daysFromAudit: 21, comment: "Rapport d'audit favorable." },
      {
        transition: "RECORD_GRALM_PROPOSAL",
        daysFromAudit: 62,
        comment: "Proposition favorable du GRALM.",
      },
      { transition: "RECORD_CAEN_OPINION", daysFromAudit: 105, comment: "Avis favorable du CAEN." },
      {
        transition: "RECORD_RECTOR_APPROVAL",
        daysFromAudit: 135,
        comment: "Décision favorable du recteur.",
      },
      {
        transition: "PUBLISH_LABEL",
        daysFromAudit: 212,
        comment: "Publication au Bulletin officiel de l'éducation nationale.",
      },
      {
        transition: "RECORD_MID_TERM_REVIEW",
        daysFromAudit: 1130,
        comment:
          "Suivi intermédiaire : les indicateurs sont suivis et les axes de progrès de l'audit ont été traités.",
      },
    ],
    finalState: "MID_TERM_REVIEWED",
    auditors: DEMO_AUDIT_TEAM,
  },
];
