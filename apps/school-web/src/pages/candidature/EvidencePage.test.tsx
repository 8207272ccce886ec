import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { UploadError, uploadFile, type UploadProgress } from "@ldm/ui";
import { renderRoutes } from "../../test/renderWithProviders";
import { CANDIDATURE_ID, candidatureRoutes, OWN, meMock, members } from "./criterion/testing";
import { DeleteEvidenceMutation } from "./evidence/EvidenceDelete";
import { EvidencePage, EvidencePageQuery } from "./EvidencePage";

jest.mock("@ldm/ui", () => ({
  ...jest.requireActual<object>("@ldm/ui"),
  uploadFile: jest.fn(),
}));
const upload = jest.mocked(uploadFile);

const evidence = {
  __typename: "Evidence",
  id: "ev1",
  title: "Convention avec la CCI",
  kind: "PARTNERSHIP_CONTRACT",
  effectiveDate: "2025-09-15",
  criterionCodes: ["4"],
  cited: true,
  currentRevision: 2,
  downloadUrl: "/files/evidence/ev1",
  establishment: OWN,
  currentFile: {
    __typename: "EvidenceRevision",
    id: "rev2",
    revision: 2,
    fileName: "convention-v2.pdf",
    sizeBytes: 245760,
    mediaType: "application/pdf",
    createdAt: "2026-01-10T10:00:00.000Z",
  },
  revisions: [
    {
      __typename: "EvidenceRevision",
      id: "rev2",
      revision: 2,
      fileName: "convention-v2.pdf",
      sizeBytes: 245760,
      createdAt: "2026-01-10T10:00:00.000Z",
    },
    {
      __typename: "EvidenceRevision",
      id: "rev1",
      revision: 1,
      fileName: "convention.pdf",
      sizeBytes: 200000,
      createdAt: "2025-10-01T10:00:00.000Z",
    },
  ],
};

const pageMock = {
  request: { query: EvidencePageQuery, variables: { id: CANDIDATURE_ID } },
  maxUsageCount: 5,
  result: {
    data: {
      candidature: {
        __typename: "Candidature",
        id: CANDIDATURE_ID,
        state: "DOSSIER_OPEN",
        members,
        criteria: [
          { __typename: "Criterion", code: "4", number: 4, shortTitle: "Monde économique" },
          { __typename: "Criterion", code: "6", number: 6, shortTitle: "Ouverture internationale" },
        ],
        pilots: [],
        evidence: [evidence],
      },
    },
  },
};

function renderPage(mocks: object[] = []) {
  return renderRoutes(candidatureRoutes("pieces-justificatives", <EvidencePage />), {
    mocks: [meMock(), pageMock, ...mocks] as never,
    initialPath: `/candidatures/${CANDIDATURE_ID}/pieces-justificatives`,
  });
}

async function fillNewEvidence(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.type(await screen.findByLabelText(/Titre de la pièce/), "Affiche des portes ouvertes");
  await user.selectOptions(screen.getByLabelText(/Nature de la pièce/), "POSTER");
  await user.click(screen.getByRole("checkbox", { name: "Critère 6 — Ouverture internationale" }));
  await user.upload(screen.getByLabelText("Fichier de la pièce"), file);
}

beforeEach(() => upload.mockReset());

describe("EvidencePage", () => {
  it("lists the evidence with its file, revisions and whether it is cited", async () => {
    renderPage();
    expect(
      await screen.findByRole("heading", { name: "1 pièce justificative" }),
    ).toBeInTheDocument();
    const row = screen.getByRole("article", { name: "Convention avec la CCI" });
    expect(row).toHaveTextContent("Contrat de partenariat");
    expect(row).toHaveTextContent("convention-v2.pdf");
    expect(row).toHaveTextContent("convention-v2.pdf — PDF, 240 ko");
    expect(row).toHaveTextContent("2 versions");
    expect(row).toHaveTextContent("citée");
    expect(
      within(row).getByRole("link", { name: "Télécharger « Convention avec la CCI »" }),
    ).toHaveAttribute("href", "/files/evidence/ev1");
    expect(
      within(row).getByRole("button", {
        name: "Ouvrir dans un nouvel onglet « Convention avec la CCI »",
      }),
    ).toBeInTheDocument();
  });

  it("uploads with the fields first, the file last, and shows the progress", async () => {
    const user = userEvent.setup();
    let report: ((p: UploadProgress) => void) | undefined;
    let finish: ((v: unknown) => void) | undefined;
    upload.mockImplementation((_url, _form, onProgress) => {
      report = onProgress;
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    renderPage();
    const file = new File(["%PDF-1.7 affiche"], "affiche.pdf", { type: "application/pdf" });
    await fillNewEvidence(user, file);
    expect(screen.getByText("Fichier choisi : affiche.pdf (16 octets).")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Envoyer la pièce" }));

    expect(upload).toHaveBeenCalledTimes(1);
    const [url, form] = upload.mock.calls[0]!;
    expect(url).toBe("/files/evidence");
    expect([...form.keys()]).toEqual([
      "candidatureId",
      "establishmentId",
      "title",
      "kind",
      "effectiveDate",
      "criterionCodes",
      "file",
    ]);
    expect(form.get("title")).toBe("Affiche des portes ouvertes");
    expect(form.getAll("criterionCodes")).toEqual(["6"]);

    act(() => report?.({ loaded: 42, total: 100, percent: 42 }));
    const bar = screen.getByRole("progressbar", { name: "Envoi du fichier : 42 %" });
    expect(bar).toHaveAttribute("value", "42");
    expect(screen.getByRole("button", { name: "Annuler l'envoi" })).toBeInTheDocument();

    await act(async () => {
      finish?.({
        evidenceId: "ev2",
        revision: 1,
        fileName: "affiche.pdf",
        sizeBytes: 16,
        mediaType: "application/pdf",
      });
      await Promise.resolve();
    });
    expect(
      await screen.findByText("Fichier « affiche.pdf » enregistré (version 1)."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("shows the API's French refusal of an upload", async () => {
    const user = userEvent.setup();
    const message =
      "Le fichier « notes.txt » n'est pas d'un format accepté (le type est reconnu d'après le contenu du fichier, pas d'après son nom).";
    upload.mockRejectedValue(new UploadError(message, "UNSUPPORTED_FILE_TYPE", 415));
    renderPage();
    await fillNewEvidence(user, new File(["bonjour"], "notes.txt", { type: "text/plain" }));
    await user.click(screen.getByRole("button", { name: "Envoyer la pièce" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Le fichier n'a pas été envoyé");
    expect(alert).toHaveTextContent(message);
  });

  it("accepts a dropped file, and asks for the missing fields", async () => {
    const user = userEvent.setup();
    renderPage();
    const zone = await screen.findByTestId("drop-zone");
    const file = new File(["%PDF"], "depose.pdf", { type: "application/pdf" });
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    expect(screen.getByText("Fichier choisi : depose.pdf (4 octets).")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Envoyer la pièce" }));
    expect(screen.getByLabelText(/Titre de la pièce/)).toHaveAccessibleDescription(
      "Indiquez le titre de la pièce.",
    );
    expect(upload).not.toHaveBeenCalled();
  });

  it("shows the refusal to delete a cited evidence", async () => {
    const user = userEvent.setup();
    const message =
      "La pièce « Convention avec la CCI » est citée par la réponse au critère 4 : retirez-la d'abord de cette réponse.";
    renderPage([
      {
        request: { query: DeleteEvidenceMutation, variables: { input: { evidenceId: "ev1" } } },
        result: { errors: [new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } })] },
      },
    ]);
    await user.click(
      await screen.findByRole("button", { name: "Supprimer « Convention avec la CCI »" }),
    );
    expect(
      screen.getByRole("heading", { name: "Supprimer « Convention avec la CCI »" }),
    ).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Supprimer définitivement" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("La pièce n'a pas été supprimée");
    expect(alert).toHaveTextContent(message);
  });
});
