/** Test data of the dossier reader: a submitted network dossier (two lycées) and its referential. */
import type { RouteObject } from "react-router";
import { CriterionReaderPage } from "./CriterionReaderPage";
import { DossierLayout } from "./DossierLayout";
import { DossierReferentialQueryDocument, SubmittedDossierQueryDocument } from "./dossierData";
import { DossierSummaryPage } from "./DossierSummaryPage";
import { EvidenceReaderPage } from "./EvidenceReaderPage";
import { IndicatorsReaderPage } from "./IndicatorsReaderPage";
import { StrategiesReaderPage } from "./StrategiesReaderPage";

export const CANDIDATURE_ID = "c-riviera";
export const dossierPath = (rest = "") => `/candidatures/${CANDIDATURE_ID}/dossier${rest}`;

export const dossierRoutes: RouteObject[] = [
  {
    path: "/candidatures/:candidatureId/dossier",
    element: <DossierLayout />,
    children: [
      { index: true, element: <DossierSummaryPage /> },
      { path: "criteres/:criterionCode", element: <CriterionReaderPage /> },
      { path: "indicateurs", element: <IndicatorsReaderPage /> },
      { path: "strategies-communes", element: <StrategiesReaderPage /> },
      { path: "pieces-justificatives", element: <EvidenceReaderPage /> },
      { path: "pieces-justificatives/:evidenceId", element: <EvidenceReaderPage /> },
    ],
  },
  { path: "*", element: <p>Autre page</p> },
];

const response = (establishmentId: string, criterionCode: string, extra: object = {}) => ({
  __typename: "FrozenResponse",
  establishmentId,
  criterionCode,
  narrative: "",
  planned: "<p>Prévu.</p>",
  done: "<p>Fait.</p>",
  measured: "<p>Mesuré.</p>",
  improved: "",
  selfAssessedLevel: "MET",
  addressedExpectationIds: [],
  citedEvidenceIds: [],
  qualeducFicheCodes: [],
  emblematicActionTitle: null,
  emblematicActionDescription: null,
  metByEuroscol: false,
  ...extra,
});

const revision = (id: string, n: number, fileName: string, mediaType: string) => ({
  __typename: "FrozenRevision",
  id,
  revision: n,
  fileName,
  mediaType,
  sizeBytes: 2048,
  uploadedAt: "2026-03-01T09:00:00.000Z",
});

export const dossierMock = {
  request: { query: SubmittedDossierQueryDocument, variables: { id: CANDIDATURE_ID } },
  maxUsageCount: 10,
  result: {
    data: {
      candidature: {
        __typename: "Candidature",
        id: CANDIDATURE_ID,
        labelTitle: "Lycée des métiers de l'hôtellerie et du tourisme",
        state: "SUBMITTED",
        referentialVersion: "paca-2024.1",
        submittedDossier: {
          __typename: "DossierSnapshot",
          id: "s1",
          submittedAt: "2026-03-02T10:30:00.000Z",
          sha256: "ab12".repeat(16),
          dossier: {
            __typename: "FrozenDossier",
            schemaVersion: 2,
            candidature: {
              __typename: "FrozenCandidature",
              id: CANDIDATURE_ID,
              kind: "NETWORK",
              awardType: "FIRST_AWARD",
              labelTitle: "Lycée des métiers de l'hôtellerie et du tourisme",
              auditDate: "2026-06-02",
              referentialVersion: "paca-2024.1",
            },
            members: [
              {
                __typename: "FrozenMember",
                establishmentId: "e-cannes",
                name: "Lycée des Îles de Lérins",
                uai: "0060002B",
                isLead: false,
                engagementLetterOn: "2025-10-01",
                boardMinutesOn: "2025-09-20",
                optionalCriterionVariant: "A",
              },
              {
                __typename: "FrozenMember",
                establishmentId: "e-nice",
                name: "Lycée Les Oliviers",
                uai: "0060001A",
                isLead: true,
                engagementLetterOn: "2025-10-02",
                boardMinutesOn: "2025-09-22",
                optionalCriterionVariant: null,
              },
            ],
            responses: [
              response("e-nice", "4", {
                narrative: "<p>Un <strong>bureau des entreprises</strong> actif.</p>",
                selfAssessedLevel: "EXCEEDED",
                addressedExpectationIds: ["4.1"],
                citedEvidenceIds: ["ev-pdf"],
                qualeducFicheCodes: ["Q.3.5"],
                emblematicActionTitle: "Forum des métiers",
                emblematicActionDescription: "<p>Chaque printemps.</p>",
              }),
              response("e-cannes", "4", { selfAssessedLevel: "PARTIALLY_MET" }),
              response("e-cannes", "9a", { selfAssessedLevel: "MET" }),
            ],
            commonStrategies: [
              {
                __typename: "FrozenCommonStrategy",
                criterionCode: "4",
                text: "<p>Un fichier commun des entreprises d'accueil.</p>",
              },
            ],
            indicators: [
              {
                __typename: "FrozenIndicator",
                id: "ind-1",
                establishmentId: "e-nice",
                name: "Taux d'insertion à 6 mois",
                kind: "QUANTITATIVE",
                unit: "%",
                direction: "HIGHER_IS_BETTER",
                target: "au moins 70 %",
                source: "InserJeunes",
                criterionCodes: ["4"],
                values: [
                  {
                    __typename: "FrozenIndicatorValue",
                    schoolYear: "2023-2024",
                    numericValue: 66,
                    textValue: null,
                  },
                  {
                    __typename: "FrozenIndicatorValue",
                    schoolYear: "2022-2023",
                    numericValue: 61,
                    textValue: null,
                  },
                ],
              },
            ],
            evidence: [
              {
                __typename: "FrozenEvidence",
                id: "ev-pdf",
                establishmentId: "e-nice",
                title: "Convention avec l'UMIH",
                kind: "PARTNERSHIP_CONTRACT",
                effectiveDate: "2025-11-15",
                criterionCodes: ["4"],
                currentRevision: 2,
                revisions: [
                  revision("r1", 1, "convention-v1.pdf", "application/pdf"),
                  revision("r2", 2, "convention.pdf", "application/pdf"),
                ],
              },
              {
                __typename: "FrozenEvidence",
                id: "ev-img",
                establishmentId: null,
                title: "Affiche du forum",
                kind: "POSTER",
                effectiveDate: "2026-01-10",
                criterionCodes: ["4", "8"],
                currentRevision: 1,
                revisions: [revision("r3", 1, "affiche.png", "image/png")],
              },
              {
                __typename: "FrozenEvidence",
                id: "ev-doc",
                establishmentId: "e-cannes",
                title: "Plan de communication",
                kind: "COMMUNICATION_MATERIAL",
                effectiveDate: "2026-01-12",
                criterionCodes: ["8"],
                currentRevision: 1,
                revisions: [
                  revision(
                    "r4",
                    1,
                    "plan.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  ),
                ],
              },
            ],
          },
        },
      },
    },
  },
};

const criterion = (code: string, number: number, shortTitle: string, extra: object = {}) => ({
  __typename: "Criterion",
  code,
  number,
  title: `${shortTitle} (intitulé complet)`,
  shortTitle,
  optional: false,
  networkCommonStrategy: false,
  metByEuroscolNote: null,
  expectations: [],
  qualeducFiches: [],
  ...extra,
});

export const referentialMock = {
  request: { query: DossierReferentialQueryDocument, variables: { version: "paca-2024.1" } },
  maxUsageCount: 10,
  result: {
    data: {
      referential: {
        __typename: "Referential",
        version: "paca-2024.1",
        title: "Cahier des charges",
        criteria: [
          criterion("1", 1, "Offre de formation"),
          criterion("4", 4, "Partenariat avec le tissu économique", {
            networkCommonStrategy: true,
            expectations: [
              {
                __typename: "Expectation",
                id: "4.1",
                text: "Une stratégie de partenariat.",
                scope: "ALL",
              },
              {
                __typename: "Expectation",
                id: "4.2",
                text: "Un bureau des entreprises.",
                scope: "ALL",
              },
              {
                __typename: "Expectation",
                id: "4.9",
                text: "Dans le cas de candidatures en réseau, une stratégie commune.",
                scope: "NETWORK",
              },
            ],
            qualeducFiches: [
              { __typename: "QualeducFiche", code: "Q.3.5", title: "Travailler en réseau" },
              { __typename: "QualeducFiche", code: "Q.1.8", title: "Préparer à l'emploi" },
            ],
          }),
          criterion("9a", 9, "Le numérique au service des métiers", { optional: true }),
          criterion("9b", 9, "Égalité filles-garçons", { optional: true }),
        ],
      },
    },
  },
};
