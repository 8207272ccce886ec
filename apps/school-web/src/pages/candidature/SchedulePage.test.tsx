import { GraphQLError } from "graphql";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Outlet } from "react-router";
import { renderRoutes } from "../../test/renderWithProviders";
import type { CandidatureShell } from "./candidatureContext";
import { AuditDayScheduleQuery } from "./schedule/queries";
import { SchedulePage } from "./SchedulePage";

const shell: CandidatureShell = {
  id: "c1",
  labelTitle: "Métiers de la mer",
  kind: "NETWORK",
  state: "DOSSIER_OPEN",
  awardType: "FIRST_AWARD",
  criteria: [
    { code: "1", number: 1, shortTitle: "Orientation", optional: false },
    { code: "9a", number: 9, shortTitle: "Numérique", optional: true },
  ],
};

const PILOTS = [
  "Claire Dubois, proviseure (Lycée professionnel Jean Moulin)",
  "Karim Benali (Lycée polyvalent Marie Curie)",
];

const slot = (
  kind: string,
  start: string,
  end: string,
  durationMinutes: number,
  criterionCode: string | null = null,
  speakers: string[] = [],
) => ({
  __typename: "ScheduleSlot",
  kind,
  start,
  end,
  durationMinutes,
  criterionCode,
  title: kind,
  speakers,
});

const options = (startTime: string, lunchStart = "12:00") => ({
  startTime,
  lunchStart,
  breakEveryCriteria: 3,
});

function scheduleMock(startTime: string, firstSlotStart: string) {
  return {
    request: {
      query: AuditDayScheduleQuery,
      variables: { id: "c1", options: options(startTime) },
    },
    result: {
      data: {
        candidature: {
          __typename: "Candidature",
          id: "c1",
          auditDaySchedule: {
            __typename: "AuditDaySchedule",
            start: firstSlotStart,
            end: "13:00",
            totalMinutes: 270,
            criteriaWithoutPilot: ["9a"],
            slots: [
              slot("WELCOME_VISIT", firstSlotStart, "09:15", 45),
              slot("CRITERION_PRESENTATION", "09:45", "10:00", 15, "1", PILOTS),
              slot("CRITERION_EXCHANGE", "10:00", "10:15", 15, "1", PILOTS),
              slot("CRITERION_PRESENTATION", "10:15", "10:30", 15, "9a"),
              slot("CRITERION_EXCHANGE", "10:30", "10:45", 15, "9a"),
              slot("CONCLUSIONS", "12:15", "13:00", 45),
            ],
          },
        },
      },
    },
  };
}

/** The API's refusal of a set of options: a BAD_USER_INPUT on the field, which answers null. */
function refusalMock(opts: ReturnType<typeof options>, message: string) {
  return {
    request: { query: AuditDayScheduleQuery, variables: { id: "c1", options: opts } },
    result: {
      data: { candidature: { __typename: "Candidature", id: "c1", auditDaySchedule: null } },
      errors: [
        new GraphQLError(message, {
          path: ["candidature", "auditDaySchedule"],
          extensions: { code: "BAD_USER_INPUT" },
        }),
      ],
    },
  };
}

function renderPage(mocks: object[]) {
  return renderRoutes(
    [
      {
        path: "/candidatures/:candidatureId",
        element: <Outlet context={shell} />,
        children: [{ path: "programme-audit", element: <SchedulePage /> }],
      },
    ],
    { mocks: mocks as never, initialPath: "/candidatures/c1/programme-audit" },
  );
}

describe("SchedulePage", () => {
  it("previews the audit day with a slot per criterion, as a table", async () => {
    renderPage([scheduleMock("08:30", "08:30")]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Programme de la journée d'audit" }),
    ).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: /Journée d'audit de 08:30 à 13:00/ });
    expect(
      within(table).getByRole("rowheader", { name: "Présentation : Critère 1 — Orientation" }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole("rowheader", {
        name: "Échanges avec les auditeurs : Critère 9 — Numérique",
      }),
    ).toBeInTheDocument();
    const welcome = within(table).getByRole("row", { name: /Accueil et visite/ });
    expect(within(welcome).getByText("08:30 – 09:15")).toBeInTheDocument();
    expect(within(welcome).getByText("45 min")).toBeInTheDocument();
    expect(screen.getByText(/le plan d'audit réel sera établi avec les auditeurs/)).toBeVisible();
  });

  it("names the speakers of each criterion and flags the criteria without a pilot", async () => {
    renderPage([scheduleMock("08:30", "08:30")]);
    const table = await screen.findByRole("table", { name: /Journée d'audit de 08:30/ });
    expect(within(table).getByRole("columnheader", { name: "Intervenants" })).toBeInTheDocument();
    const presentation = within(table).getByRole("row", {
      name: /Présentation : Critère 1 — Orientation/,
    });
    const names = within(presentation).getAllByRole("listitem");
    expect(names.map((n) => n.textContent)).toEqual(PILOTS);
    const ninth = within(table).getByRole("row", { name: /Présentation : Critère 9 — Numérique/ });
    expect(within(ninth).getByText("Aucun pilote désigné")).toBeInTheDocument();
    const welcome = within(table).getByRole("row", { name: /Accueil et visite/ });
    expect(within(welcome).getByText("Aucun intervenant désigné")).toHaveClass("fr-sr-only");

    const warning = screen.getByText("Un critère n'a pas de pilote").closest(".fr-alert");
    expect(warning).toHaveClass("fr-alert--warning");
    expect(within(warning as HTMLElement).getByText("Critère 9 — Numérique")).toBeInTheDocument();
    expect(
      within(warning as HTMLElement).getByRole("link", {
        name: "Désigner les pilotes dans l'équipe de pilotage",
      }),
    ).toHaveAttribute("href", "/candidatures/c1/equipe");
  });

  it("shows the API's French refusals instead of the programme", async () => {
    const user = userEvent.setup();
    const late =
      "La journée d'audit se terminerait à 18 h 30 : elle doit s'achever à 18 h au plus tard. Commencez au plus tard à 9 h 40, ou réduisez les durées ou le nombre de critères.";
    const lunch =
      "Le déjeuner se prend entre 11 h 30 et 14 h : avec 60 min de déjeuner, son heure (13 h 30) doit être comprise entre 11 h 30 et 13 h.";
    renderPage([
      scheduleMock("08:30", "08:30"),
      refusalMock(options("10:00"), late),
      refusalMock(options("08:30", "13:30"), lunch),
    ]);
    await screen.findByRole("table", { name: /de 08:30/ });
    const start = screen.getByLabelText(/Heure de début/);
    await user.clear(start);
    await user.type(start, "10:00");
    await user.click(screen.getByRole("button", { name: "Actualiser le programme" }));
    expect(await screen.findByText(late)).toBeInTheDocument();
    expect(screen.getByText("Le programme n'a pas pu être calculé")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();

    await user.clear(start);
    await user.type(start, "08:30");
    const lunchStart = screen.getByLabelText(/Déjeuner à partir de/);
    await user.clear(lunchStart);
    await user.type(lunchStart, "13:30");
    await user.click(screen.getByRole("button", { name: "Actualiser le programme" }));
    expect(await screen.findByText(lunch)).toBeInTheDocument();
    expect(screen.queryByText(late)).not.toBeInTheDocument();
  });

  it("recomputes the day from another start time", async () => {
    const user = userEvent.setup();
    renderPage([scheduleMock("08:30", "08:30"), scheduleMock("09:00", "09:00")]);
    await screen.findByRole("table", { name: /de 08:30/ });
    const start = screen.getByLabelText(/Heure de début/);
    await user.clear(start);
    await user.type(start, "09:00");
    await user.click(screen.getByRole("button", { name: "Actualiser le programme" }));
    expect(await screen.findByRole("table", { name: /de 09:00/ })).toBeInTheDocument();
  });
});
