/**
 * Données de démonstration — FICTIVES.
 *
 * Les établissements, codes UAI, personnes, adresses électroniques, partenaires et récits ci-dessous
 * sont inventés pour la démonstration de la plateforme : toute ressemblance avec un établissement
 * ou une personne réels serait fortuite. Les communes, départements et académies sont réels.
 *
 * Les dates sont relatives au jour du chargement (`parisToday()`) : voir `seed.ts`. Les comptes de
 * démonstration (un par rôle) sont dans `demo-accounts.ts`.
 */
import type {
  AcademieCode,
  AwardType,
  CandidatureKind,
  CriterionCode,
  EstablishmentKind,
  EstablishmentSector,
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
    head: { fullName: "Sabine Grimaldi", jobTitle: "Proviseure", criteria: [] },
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
        criteria: ["5", "8"],
      },
      { fullName: "Isabelle Ferrand", jobTitle: "Professeure d'anglais", criteria: ["6"] },
      { fullName: "Nicolas Carlier", jobTitle: CPE, criteria: ["7"] },
    ],
  },
  "menton-agrumes": {
    head: { fullName: "Alain Cottalorda", jobTitle: "Proviseur", criteria: [] },
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
  /** Engagement letter and board minutes, in days before today; null = not received yet. */
  engagement: { boardMinutesDaysAgo: number; letterDaysAgo: number } | null;
  responses: CriterionSelection;
  pilots: CriterionSelection;
}

export interface ActiveCandidatureSeed {
  /** Short description, used in error messages. */
  ref: string;
  kind: CandidatureKind;
  awardType: AwardType;
  labelTitle: string;
  optionalVariant: OptionalCriterionVariant | null;
  /** When the candidature was opened on the platform, in days before today. */
  createdDaysAgo: number;
  members: readonly ActiveMemberSeed[];
  /** Audit date in months after today (moved to a weekday); null = not scheduled yet. */
  auditInMonths: number | null;
  commonStrategies: Partial<Record<NationalCriterionCode, string>>;
  /**
   * OPEN_DOSSIER is applied before the dossier is written, the other steps after. SUBMIT_DOSSIER is
   * performed by the lead's head, the others by DRAFPIC.
   */
  transitions: readonly { transition: TransitionName; comment: string }[];
  /** Demo auditors assigned by DRAFPIC once the steps are done. */
  auditors: readonly DemoAuditorEmail[];
}

const OPENING_COMMENT =
  "Dossier ouvert par la DRAFPIC après réception des lettres d'engagement et des procès-verbaux des conseils d'administration.";

/** Both demo auditors: they audit the submitted dossiers of the demo. */
const DEMO_AUDIT_TEAM: readonly DemoAuditorEmail[] = ["auditrice@demo.ldm.fr", "cee@demo.ldm.fr"];

export const ACTIVE_CANDIDATURES: readonly ActiveCandidatureSeed[] = [
  {
    ref: "candidature individuelle en phase d'engagement (Cavaillon)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de l'agroalimentaire et de la logistique",
    optionalVariant: null,
    createdDaysAgo: 12,
    members: [
      {
        establishment: "cavaillon-vergers",
        isLead: true,
        engagement: null,
        responses: [],
        pilots: [],
      },
    ],
    auditInMonths: null,
    commonStrategies: {},
    transitions: [],
    auditors: [],
  },
  {
    ref: "candidature individuelle, dossier ouvert (Marseille)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de l'électricité, du numérique et de la transition énergétique",
    optionalVariant: "A",
    createdDaysAgo: 95,
    members: [
      {
        establishment: "marseille-jean-moulin",
        isLead: true,
        engagement: { boardMinutesDaysAgo: 75, letterDaysAgo: 61 },
        responses: ["1", "4", "5", "6", "9a"],
        pilots: ["1", "3", "4", "5", "6", "9a"],
      },
    ],
    auditInMonths: 5,
    commonStrategies: {},
    transitions: [{ transition: "OPEN_DOSSIER", comment: OPENING_COMMENT }],
    auditors: [],
  },
  {
    ref: "candidature en réseau de la Riviera, dossier ouvert (Nice, Cannes, Menton)",
    kind: "NETWORK",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de l'hôtellerie, de la restauration et du tourisme",
    optionalVariant: null,
    createdDaysAgo: 110,
    members: [
      {
        establishment: "nice-oliviers",
        isLead: true,
        engagement: { boardMinutesDaysAgo: 92, letterDaysAgo: 70 },
        responses: ["1", "4", "5"],
        pilots: ["1", "4", "5", "6", "8"],
      },
      {
        establishment: "cannes-lerins",
        isLead: false,
        engagement: { boardMinutesDaysAgo: 86, letterDaysAgo: 68 },
        responses: ["1", "4"],
        pilots: ["1", "4"],
      },
      {
        establishment: "menton-agrumes",
        isLead: false,
        engagement: { boardMinutesDaysAgo: 81, letterDaysAgo: 66 },
        responses: ["1"],
        pilots: ["1"],
      },
    ],
    auditInMonths: 6,
    commonStrategies: {
      "4": "Le réseau mutualise son bureau des entreprises : un fichier commun de plus de 400 entreprises d'accueil, des rencontres annuelles avec les professionnels de l'hôtellerie, de la restauration et du tourisme, et une convention cadre avec les organisations professionnelles du département. Les trois lycées organisent ensemble un forum des métiers de la Riviera ouvert aux collégiens.",
      "5": "Les trois lycées construisent un parcours culturel commun autour du patrimoine gastronomique et touristique de la Riviera, recensé dans ADAGE. Chaque année, une manifestation réunit les élèves des trois établissements autour d'un thème partagé, comme « Cuisines et paysages de la Méditerranée ».",
      "6": "Premiers éléments : le réseau prépare une demande d'accréditation Erasmus+ commune pour mutualiser les mobilités vers l'Italie et Malte. Le partage des partenaires étrangers entre les trois lycées reste à formaliser.",
      "8": "À compléter : une lettre d'information commune aux familles des trois lycées est en cours de conception.",
    },
    transitions: [{ transition: "OPEN_DOSSIER", comment: OPENING_COMMENT }],
    auditors: [],
  },
  {
    ref: "renouvellement individuel déposé (Toulon)",
    kind: "INDIVIDUAL",
    awardType: "RENEWAL",
    labelTitle: "Lycée des métiers de la maintenance navale et industrielle",
    optionalVariant: "B",
    createdDaysAgo: 175,
    members: [
      {
        establishment: "toulon-arsenal",
        isLead: true,
        engagement: { boardMinutesDaysAgo: 152, letterDaysAgo: 140 },
        responses: "ALL",
        pilots: "ALL",
      },
    ],
    auditInMonths: 4,
    commonStrategies: {},
    transitions: [
      { transition: "OPEN_DOSSIER", comment: OPENING_COMMENT },
      {
        transition: "SUBMIT_DOSSIER",
        comment: "Dossier complet déposé par le proviseur, annexes comprises.",
      },
    ],
    auditors: DEMO_AUDIT_TEAM,
  },
  {
    ref: "candidature en réseau des Hautes-Alpes, visite préparatoire faite (Embrun, Briançon)",
    kind: "NETWORK",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de la montagne : tourisme, construction bois et pleine nature",
    optionalVariant: null,
    createdDaysAgo: 190,
    members: [
      {
        establishment: "embrun-serre-poncon",
        isLead: true,
        engagement: { boardMinutesDaysAgo: 165, letterDaysAgo: 150 },
        responses: "ALL",
        pilots: "ALL",
      },
      {
        establishment: "briancon-hautes-vallees",
        isLead: false,
        engagement: { boardMinutesDaysAgo: 158, letterDaysAgo: 148 },
        responses: "ALL",
        pilots: "ALL",
      },
    ],
    auditInMonths: 3,
    commonStrategies: {
      "4": "Les deux lycées partagent un bureau des entreprises commun à la vallée de la Durance et au Briançonnais : fichier d'entreprises unique, calendrier concerté des PFMP adapté aux saisons touristiques et aux chantiers, rencontres annuelles avec les stations, les bases de loisirs et les artisans du bois. Le réseau est représenté au comité local école-entreprise et au Campus des métiers et des qualifications du tourisme de montagne.",
      "5": "Le parcours culturel commun porte sur le patrimoine et les paysages de montagne : chaque année, les élèves des deux lycées mènent ensemble un projet avec le parc national (sentier d'interprétation, exposition de photographies, construction d'un abri en bois). Toutes les actions sont recensées dans ADAGE, et l'activation du pass Culture est accompagnée dans les deux établissements.",
      "6": "Le réseau porte une accréditation Erasmus+ commune qui finance les mobilités des élèves et des personnels vers l'Italie, la Suisse et l'Autriche. Les partenaires étrangers sont partagés : un élève de Briançon peut partir avec un groupe d'Embrun, et les enseignants des deux lycées préparent les mobilités ensemble. Un bilan commun des mobilités est présenté chaque année aux deux conseils d'administration.",
      "8": "Le plan de communication commun prévoit une identité visuelle partagée, une page du réseau sur le site de chaque lycée et une lettre d'information trimestrielle adressée aux familles et aux partenaires. La démarche de labellisation est présentée conjointement lors des salons de l'orientation des Hautes-Alpes et dans la presse locale.",
    },
    transitions: [
      { transition: "OPEN_DOSSIER", comment: OPENING_COMMENT },
      {
        transition: "SUBMIT_DOSSIER",
        comment: "Dossier commun déposé par l'établissement porteur.",
      },
      {
        transition: "RECORD_PREPARATORY_VISIT",
        comment:
          "Visite préparatoire de la DRAFPIC dans les deux établissements : les équipes de pilotage sont en place ; mieux mettre en avant les indicateurs de suivi des mobilités.",
      },
    ],
    auditors: DEMO_AUDIT_TEAM,
  },
];

// ---------------------------------------------------------------------------------------------
// Historical candidatures: decided in the past, written directly (today's date guards would refuse
// their past dates); the seed replays every step through the domain's lifecycle at its own date.

export interface HistoricalStepSeed {
  transition: TransitionName;
  /** Effective date, in days after the audit date (negative: before); moved to a weekday. */
  daysFromAudit: number;
  comment: string | null;
}

export interface HistoricalCandidatureSeed {
  ref: string;
  kind: CandidatureKind;
  awardType: AwardType;
  labelTitle: string;
  optionalVariant: OptionalCriterionVariant | null;
  /** Every member answered and piloted every criterion (the dossier was submitted). */
  members: readonly { establishment: EstablishmentKey; isLead: boolean }[];
  /** Audit date in months before today (moved to a weekday). */
  auditMonthsAgo: number;
  createdDaysFromAudit: number;
  boardMinutesDaysFromAudit: number;
  engagementLetterDaysFromAudit: number;
  /** From ENGAGEMENT to `finalState`; PUBLISH_LABEL's date is the BOEN publication date. */
  steps: readonly HistoricalStepSeed[];
  finalState: "LABELLED" | "REFUSED";
  /** Demo auditors assigned by DRAFPIC (dated from the submission of the dossier). */
  auditors: readonly DemoAuditorEmail[];
}

export const HISTORICAL_CANDIDATURES: readonly HistoricalCandidatureSeed[] = [
  {
    ref: "candidature individuelle labellisée il y a deux ans (Grasse)",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    labelTitle: "Lycée des métiers de la parfumerie, de la cosmétique et de l'esthétique",
    optionalVariant: null,
    members: [{ establishment: "grasse-parfumeurs", isLead: true }],
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
    optionalVariant: null,
    members: [{ establishment: "martigues-saint-joseph", isLead: true }],
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
          "Visite préparatoire de la DRAFPIC : les indicateurs des critères 3 et 7 sont à construire avant l'audit.",
      },
      { transition: "RECEIVE_AUDIT_PLAN", daysFromAudit: -18, comment: "Plan d'audit reçu." },
      {
        transition: "RECORD_AUDIT",
        daysFromAudit: 0,
        comment:
          "Audit réalisé. Les auditeurs relèvent l'absence d'indicateurs de suivi sur les critères 3 et 7 et une ouverture internationale encore embryonnaire.",
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
          "Le recteur ne retient pas la candidature ; une nouvelle candidature est encouragée une fois les indicateurs de suivi mis en place.",
      },
    ],
    finalState: "REFUSED",
    auditors: [],
  },
];
