import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AUDITOR, DRAFPIC, meMock, pageRoutes } from "../../test/fixtures";
import { renderRoutes } from "../../test/renderWithProviders";
import { ActorNameQuery, CandidatureAuditTrailQuery } from "./AuditTrail";
import { CandidaturePage, CandidaturePageQuery } from "./CandidaturePage";

const ID = "c-montagne";

const pageMock = {
  request: { query: CandidaturePageQuery, variables: { id: ID } },
  maxUsageCount: 5,
  result: {
    data: {
      candidature: {
        __typename: "Candidature",
        id: ID,
        labelTitle: "Lycée des métiers de la montagne",
        kind: "NETWORK",
        awardType: "FIRST_AWARD",
        state: "PREPARATORY_VISIT_DONE",
        referentialVersion: "paca-2024.1",
        auditDate: "2027-03-02",
        createdAt: "2026-05-26T08:00:00.000Z",
        submittedAt: "2026-12-01T23:24:07.000Z",
        publicationDate: null,
        members: [
          {
            __typename: "CoApplicant",
            id: "m2",
            isLead: false,
            engagementLetterOn: "2026-07-07",
            boardMinutesOn: "2026-06-27",
            optionalCriterionVariant: "B",
            establishment: {
              __typename: "Establishment",
              id: "e2",
              name: "Lycée des Hautes Vallées",
              city: "Briançon",
              uai: "0050007B",
              academie: { __typename: "Academie", code: "AIX_MARSEILLE", name: "Aix-Marseille" },
            },
          },
          {
            __typename: "CoApplicant",
            id: "m1",
            isLead: true,
            engagementLetterOn: "2026-07-05",
            boardMinutesOn: "2026-06-20",
            optionalCriterionVariant: null,
            establishment: {
              __typename: "Establishment",
              id: "e1",
              name: "Lycée de Serre-Ponçon",
              city: "Embrun",
              uai: "0050006A",
              academie: { __typename: "Academie", code: "AIX_MARSEILLE", name: "Aix-Marseille" },
            },
          },
        ],
        auditors: [
          {
            __typename: "User",
            id: "a1",
            fullName: "Françoise Delmas",
            auditorProfile: "INSPECTOR",
          },
        ],
        history: [
          {
            __typename: "CandidatureTransitionRecord",
            id: "h2",
            transition: "SUBMIT_DOSSIER",
            fromState: "DOSSIER_OPEN",
            toState: "SUBMITTED",
            effectiveDate: "2026-12-01",
            comment: "Dossier commun déposé par l'établissement porteur.",
            createdAt: "2026-12-01T23:24:07.000Z",
          },
          {
            __typename: "CandidatureTransitionRecord",
            id: "h1",
            transition: "OPEN_DOSSIER",
            fromState: "ENGAGEMENT",
            toState: "DOSSIER_OPEN",
            effectiveDate: "2026-07-10",
            comment: null,
            createdAt: "2026-07-10T08:00:00.000Z",
          },
        ],
        submittedDossier: {
          __typename: "DossierSnapshot",
          id: "s1",
          submittedAt: "2026-12-01T23:24:07.000Z",
        },
      },
    },
  },
};

const entry = (id: string, extra: object) => ({
  __typename: "AuditLogEdge",
  cursor: id,
  node: {
    __typename: "AuditLogEntry",
    id,
    occurredAt: "2026-12-01T23:24:07.000Z",
    operation: "transitionCandidature",
    action: "UPDATE",
    actorRole: "DRAFPIC",
    actorUserId: "u-drafpic",
    entityType: "Candidature",
    changes: {},
    ...extra,
  },
});

function trailMock(after: string | null, edges: object[], hasNextPage: boolean) {
  return {
    request: { query: CandidatureAuditTrailQuery, variables: { entityId: ID, after } },
    result: {
      data: {
        auditTrail: {
          __typename: "AuditLogConnection",
          totalCount: 2,
          pageInfo: { __typename: "PageInfo", endCursor: "t1", hasNextPage },
          edges,
        },
      },
    },
  };
}

const actorMock = {
  request: { query: ActorNameQuery, variables: { id: "u-drafpic" } },
  maxUsageCount: 5,
  result: {
    data: {
      user: {
        __typename: "User",
        id: "u-drafpic",
        fullName: "Hélène Garnier",
        email: "drafpic@demo.ldm.fr",
      },
    },
  },
};

function renderPage(user: object, mocks: object[] = []) {
  return renderRoutes(pageRoutes("/candidatures/:candidatureId", <CandidaturePage />), {
    mocks: [meMock(user), pageMock, ...mocks] as never,
    initialPath: `/candidatures/${ID}`,
  });
}

describe("CandidaturePage", () => {
  it("shows the regional team the candidature, its history and its audit trail", async () => {
    const user = userEvent.setup();
    renderPage(DRAFPIC, [
      trailMock(
        null,
        [
          entry("t1", {
            changes: {
              state: { before: "SUBMITTED", after: "PREPARATORY_VISIT_DONE" },
              auditDate: { before: null, after: "2027-03-02" },
            },
          }),
        ],
        true,
      ),
      trailMock(
        "t1",
        [
          entry("t2", {
            action: "CREATE",
            operation: "createNetworkCandidature",
            actorUserId: null,
            actorRole: null,
            changes: { kind: { before: null, after: "NETWORK" } },
          }),
        ],
        false,
      ),
      actorMock,
    ]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Lycée des métiers de la montagne" }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("link", { name: "Lire le dossier déposé le 2 décembre 2026" }),
    ).toHaveAttribute("href", `/candidatures/${ID}/dossier`);
    // The lead first.
    const members = screen.getByRole("region", { name: "Établissements candidats" });
    expect(within(members).getAllByRole("listitem")[0]).toHaveTextContent(
      "Lycée de Serre-Ponçon (Embrun, Aix-Marseille, UAI 0050006A) — établissement porteur",
    );
    expect(members).toHaveTextContent("critère 9-b retenu");
    expect(screen.getByRole("region", { name: "Équipe d'audit" })).toHaveTextContent(
      "Françoise Delmas — Inspecteur de l'académie",
    );

    const history = screen.getByRole("table", { name: /Étapes franchies/ });
    const rows = within(history).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
      "Ouvrir le dossier en ligne",
      "Déposer le dossier",
    ]);
    expect(rows[1]).toHaveTextContent("Dossier ouvert → Dossier déposé");

    const trail = await screen.findByRole("table", {
      name: "Journal des modifications de la candidature",
    });
    expect(await within(trail).findByText("Hélène Garnier")).toBeInTheDocument();
    expect(trail).toHaveTextContent("state : Dossier déposé → Visite préparatoire effectuée");
    expect(trail).toHaveTextContent("auditDate : — → 2 mars 2027");
    expect(screen.getByText("1 modifications affichées sur 2.")).toBeInTheDocument();
    await user.click(
      screen.getByRole("button", { name: "Afficher les modifications plus anciennes" }),
    );
    expect(await within(trail).findByText("Commande d'administration")).toBeInTheDocument();
    expect(trail).toHaveTextContent("kind : — → Candidature en réseau");
    expect(screen.queryByRole("button", { name: /plus anciennes/ })).toBeNull();
  });

  it("shows an auditor the candidature without the audit trail", async () => {
    renderPage(AUDITOR);
    await screen.findByRole("heading", { level: 1, name: "Lycée des métiers de la montagne" });
    expect(screen.getByRole("heading", { name: "Étapes franchies" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Journal des modifications" })).toBeNull();
    expect(screen.getByRole("link", { name: "Mes audits" })).toHaveAttribute("href", "/audits");
  });
});
