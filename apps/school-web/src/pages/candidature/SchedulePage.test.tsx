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

const slot = (
  kind: string,
  start: string,
  end: string,
  durationMinutes: number,
  criterionCode: string | null = null,
) => ({
  __typename: "ScheduleSlot",
  kind,
  start,
  end,
  durationMinutes,
  criterionCode,
  title: kind,
});

function scheduleMock(startTime: string, firstSlotStart: string) {
  return {
    request: {
      query: AuditDayScheduleQuery,
      variables: {
        criteria: ["1", "9a"],
        options: { startTime, lunchStart: "12:00", breakEveryCriteria: 3 },
      },
    },
    result: {
      data: {
        auditDaySchedule: {
          __typename: "AuditDaySchedule",
          start: firstSlotStart,
          end: "13:00",
          totalMinutes: 270,
          slots: [
            slot("WELCOME_VISIT", firstSlotStart, "09:15", 45),
            slot("CRITERION_PRESENTATION", "09:45", "10:00", 15, "1"),
            slot("CRITERION_EXCHANGE", "10:00", "10:15", 15, "1"),
            slot("CRITERION_PRESENTATION", "10:15", "10:30", 15, "9a"),
            slot("CRITERION_EXCHANGE", "10:30", "10:45", 15, "9a"),
            slot("CONCLUSIONS", "12:15", "13:00", 45),
          ],
        },
      },
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
