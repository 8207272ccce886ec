import { screen } from "@testing-library/react";
import { renderWithI18n } from "../test-utils";
import { RichTextView } from "./RichTextView";

describe("RichTextView", () => {
  it("renders the allowed tags and nothing that can run", () => {
    const { container } = renderWithI18n(
      <RichTextView
        html={`<p>Un <strong>bureau</strong> des entreprises</p><ul><li>PFMP</li></ul><h3>Bilan</h3><p><a href="javascript:alert(1)">lien</a> <a href="https://example.org">site</a></p><img src=x onerror="alert(1)">`}
      />,
    );
    expect(screen.getByText("bureau").tagName).toBe("STRONG");
    expect(screen.getByRole("listitem")).toHaveTextContent("PFMP");
    // A heading inside a text does not break the page's outline.
    expect(screen.queryByRole("heading")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "site" })).toHaveAttribute(
      "href",
      "https://example.org",
    );
    expect(screen.queryByRole("link", { name: "lien" })).not.toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
  });

  it("shows the placeholder for an empty text", () => {
    renderWithI18n(<RichTextView html="" empty="Non renseigné" />);
    expect(screen.getByText("Non renseigné")).toBeInTheDocument();
  });
});
