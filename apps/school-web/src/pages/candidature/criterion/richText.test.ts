import { htmlToText, isBlank, textToHtml } from "./richText";

describe("rich text markup", () => {
  it("writes paragraphs, bullets, numbers, bold, italics and links as the API's HTML", () => {
    const text =
      "Premier paragraphe\nsur deux lignes.\n\n- un **point** fort\n- un *autre*\n\n1. étape\n2. [lien](https://exemple.fr)";
    expect(textToHtml(text)).toBe(
      "<p>Premier paragraphe<br>sur deux lignes.</p>" +
        "<ul><li>un <strong>point</strong> fort</li><li>un <em>autre</em></li></ul>" +
        '<ol><li>étape</li><li><a href="https://exemple.fr">lien</a></li></ol>',
    );
  });

  it("escapes what is typed: nothing becomes active HTML", () => {
    expect(textToHtml('<script>alert("x")</script>')).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>",
    );
  });

  it("reads the API's HTML back into the markup, and round-trips", () => {
    const html =
      "<p>Adapter <strong>chaque année</strong> l'offre.</p><ul><li>Formations : CAP, bac pro.</li><li>Passerelles</li></ul>";
    const text = htmlToText(html);
    expect(text).toBe(
      "Adapter **chaque année** l'offre.\n\n- Formations : CAP, bac pro.\n- Passerelles",
    );
    expect(textToHtml(text)).toBe(html);
  });

  it("knows an empty text", () => {
    expect(htmlToText("")).toBe("");
    expect(isBlank(" \n- \n")).toBe(true);
    expect(isBlank("- a")).toBe(false);
  });
});
