import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderRoutes } from "../../test/renderWithProviders";
import { AUDITOR, meMock } from "../../test/fixtures";
import { dossierMock, dossierPath, dossierRoutes, referentialMock } from "./testing";

function renderReader(path: string) {
  return renderRoutes(dossierRoutes, {
    mocks: [meMock(AUDITOR), dossierMock, referentialMock] as never,
    initialPath: dossierPath(path),
  });
}

describe("the dossier reader", () => {
  it("sums up the submitted dossier: members and each one's self-assessed levels", async () => {
    renderReader("");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Synthèse du dossier déposé" }),
    ).toBeInTheDocument();
    // The lead first.
    const members = screen.getAllByText(/^Lycée (Les Oliviers|des Îles de Lérins)$/, {
      selector: "strong",
    });
    expect(members.map((m) => m.textContent)).toEqual([
      "Lycée Les Oliviers",
      "Lycée des Îles de Lérins",
    ]);
    const levels = screen.getByRole("table", {
      name: "Niveaux auto-évalués par critère et par établissement",
    });
    const row4 = within(levels).getByRole("row", { name: /Critère 4/ });
    expect(
      within(row4)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Dépassé", "Partiellement atteint"]);
    // Criterion 9-a is in the dossier (Cannes chose it), 9-b is not.
    expect(within(levels).getByRole("row", { name: /Critère 9-a/ })).toHaveTextContent(
      "Non retenu",
    );
    expect(within(levels).queryByRole("row", { name: /Critère 9-b/ })).not.toBeInTheDocument();
    expect(within(row4).getByRole("link", { name: /Critère 4 — Partenariat/ })).toHaveAttribute(
      "href",
      dossierPath("/criteres/4"),
    );
  });

  it("reads a criterion: the common strategy, then each establishment's answer", async () => {
    renderReader("/criteres/4");
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Critère 4 — Partenariat avec le tissu économique",
      }),
    ).toBeInTheDocument();
    expect(document.title).toBe(
      "Critère 4 — Partenariat avec le tissu économique — Label Lycée des métiers",
    );
    const strategy = screen.getByRole("region", { name: "Stratégie commune du réseau" });
    expect(strategy).toHaveTextContent("Un fichier commun des entreprises d'accueil.");

    const nice = screen.getByRole("region", { name: /Réponse de Lycée Les Oliviers/ });
    expect(nice).toHaveTextContent("Niveau d'atteinte auto-évalué : Dépassé");
    expect(within(nice).getByText("bureau des entreprises").tagName).toBe("STRONG");
    expect(within(nice).getByRole("heading", { name: "Ce qui est amélioré" })).toBeInTheDocument();
    expect(nice).toHaveTextContent("Non renseigné.");
    expect(nice).toHaveTextContent("Action emblématique : Forum des métiers");
    // A network addresses the network-only expectations too: 1 of 3.
    await userEvent.click(
      within(nice).getByRole("button", {
        name: "Attendus du cahier des charges traités (1 / 3)",
      }),
    );
    expect(within(nice).getByText(/4\.1 Une stratégie de partenariat\./)).toHaveTextContent(
      "Traité",
    );
    expect(within(nice).getByText(/4\.9 Dans le cas de candidatures en réseau/)).toHaveTextContent(
      "Non traité",
    );
    expect(
      within(nice).getByRole("button", { name: "Fiche Qualéduc mobilisée (1)" }),
    ).toBeInTheDocument();
    expect(within(nice).getByRole("link", { name: "Convention avec l'UMIH" })).toHaveAttribute(
      "href",
      dossierPath("/pieces-justificatives/ev-pdf"),
    );
    // The indicator supporting the criterion, with the shared chart and its target line.
    expect(
      within(nice).getByRole("img", {
        name: "Évolution de l'indicateur « Taux d'insertion à 6 mois » par année scolaire",
      }),
    ).toBeInTheDocument();
    expect(within(nice).getAllByTestId("indicator-target-line")).toHaveLength(1);

    const cannes = screen.getByRole("region", { name: /Réponse de Lycée des Îles de Lérins/ });
    expect(cannes).toHaveTextContent("Partiellement atteint");
    expect(cannes).toHaveTextContent("Aucun indicateur de cet établissement n'étaye ce critère.");
  });

  it("shows criterion 9-a with the answers of the establishments that chose it only", async () => {
    renderReader("/criteres/9a");
    await screen.findByRole("heading", { level: 1, name: /Critère 9-a/ });
    expect(
      screen.getByRole("region", { name: /Réponse de Lycée des Îles de Lérins/ }),
    ).toBeVisible();
    expect(screen.queryByRole("region", { name: /Réponse de Lycée Les Oliviers/ })).toBeNull();
    expect(screen.queryByRole("region", { name: "Stratégie commune du réseau" })).toBeNull();
  });

  it("lists the evidence by establishment, the network's common pieces last", async () => {
    renderReader("/pieces-justificatives");
    await screen.findByRole("heading", { level: 1, name: "Pièces justificatives" });
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "Lycée Les Oliviers",
      "Lycée des Îles de Lérins",
      "Pièces communes au réseau",
    ]);
    const common = screen.getByRole("table", {
      name: "Pièces justificatives : Pièces communes au réseau",
    });
    expect(within(common).getByRole("row", { name: /Affiche du forum/ })).toHaveTextContent(
      "Affiche",
    );
  });

  describe("the evidence viewer", () => {
    const createObjectURL = jest.fn(() => "blob:convention");
    const revokeObjectURL = jest.fn();
    let fetchSpy: jest.SpyInstance;

    beforeEach(() => {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      fetchSpy = jest.spyOn(globalThis, "fetch").mockResolvedValue(
        new Response(new Blob(["%PDF-1.4"], { type: "application/pdf" }), {
          status: 200,
          headers: { "content-type": "application/pdf" },
        }),
      );
    });

    afterEach(() => {
      fetchSpy.mockRestore();
    });

    it("shows a PDF in the page, from the submitted revision, with the session cookie", async () => {
      const { unmount } = renderReader("/pieces-justificatives/ev-pdf");
      const heading = await screen.findByRole("heading", {
        level: 2,
        name: "Convention avec l'UMIH",
      });
      const frame = await screen.findByTitle("Document PDF : Convention avec l'UMIH");
      expect(frame.tagName).toBe("IFRAME");
      expect(frame).toHaveAttribute("src", "blob:convention");
      expect(fetchSpy).toHaveBeenCalledWith("/files/evidence/ev-pdf/revisions/2", {
        credentials: "include",
      });
      // The piece opened takes the focus; the older revision can be chosen.
      await waitFor(() => expect(heading).toHaveFocus());
      expect(screen.getByLabelText("Version du fichier")).toHaveValue("2");
      unmount();
      expect(revokeObjectURL).toHaveBeenCalledWith("blob:convention");
    });

    it("shows an image as an image, and says when a type cannot be shown", async () => {
      renderReader("/pieces-justificatives/ev-img");
      const image = await screen.findByRole("img", {
        name: "Pièce justificative « Affiche du forum » (image)",
      });
      expect(image).toHaveAttribute("src", "/files/evidence/ev-img/revisions/1");
      expect(fetchSpy).not.toHaveBeenCalled();

      await userEvent.click(screen.getByRole("link", { name: "Pièce précédente" }));
      expect(
        await screen.findByText(/ne s'affiche pas dans le navigateur : téléchargez-le/),
      ).toBeInTheDocument();
      expect(screen.getByRole("link", { name: "Télécharger le fichier" })).toHaveAttribute(
        "href",
        "/files/evidence/ev-doc/revisions/1",
      );
    });

    it("says so when the file cannot be read", async () => {
      fetchSpy.mockResolvedValue(
        new Response(
          JSON.stringify({ errors: [{ message: "Le fichier est introuvable dans le stockage." }] }),
          { status: 404, headers: { "content-type": "application/json" } },
        ),
      );
      renderReader("/pieces-justificatives/ev-pdf");
      const alert = await screen.findByRole("alert");
      expect(alert).toHaveTextContent("Le document n'a pas pu être affiché");
      expect(alert).toHaveTextContent("Le fichier est introuvable dans le stockage.");
    });
  });
});
