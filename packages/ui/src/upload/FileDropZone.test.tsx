import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { renderWithI18n } from "../test-utils";
import { FileDropZone } from "./FileDropZone";
import { UploadProgressBar } from "./UploadProgressBar";

function Zone() {
  const [file, setFile] = useState<File | null>(null);
  return (
    <FileDropZone
      label="Fichier de l'annuaire"
      hint="CSV, 20 Mo au plus."
      file={file}
      onFile={setFile}
      formatFileSize={(bytes) => `${bytes} octets`}
    />
  );
}

describe("FileDropZone", () => {
  it("takes a file from the labelled input and announces it", async () => {
    renderWithI18n(<Zone />);
    const input = screen.getByLabelText("Fichier de l'annuaire");
    expect(input).toHaveAccessibleDescription(/CSV, 20 Mo au plus\./);
    await userEvent.upload(input, new File(["uai;nom"], "annuaire.csv", { type: "text/csv" }));
    expect(screen.getByText("Fichier choisi : annuaire.csv (7 octets).")).toBeInTheDocument();
  });

  it("takes a dropped file", () => {
    renderWithI18n(<Zone />);
    const file = new File(["%PDF"], "plan.pdf", { type: "application/pdf" });
    fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [file] } });
    expect(screen.getByText("Fichier choisi : plan.pdf (4 octets).")).toBeInTheDocument();
  });
});

describe("UploadProgressBar", () => {
  it("labels the progress with its percentage", () => {
    renderWithI18n(<UploadProgressBar percent={42} />);
    expect(screen.getByLabelText("Envoi du fichier : 42 %")).toHaveAttribute("value", "42");
  });
});
