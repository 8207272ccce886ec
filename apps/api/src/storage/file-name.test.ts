import { detectFileType } from "./file-type";
import { sanitizeFileName, withDetectedExtension } from "./file-name";

describe("sanitizeFileName", () => {
  it("keeps only the base name, whatever the separator", () => {
    expect(sanitizeFileName("../../etc/passwd.pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("..\\..\\Windows\\system32\\rapport.pdf")).toBe("rapport.pdf");
    expect(sanitizeFileName("C:\\Users\\prof\\Bureau\\bilan 2025.pdf")).toBe("bilan 2025.pdf");
    expect(sanitizeFileName("C:bilan.pdf")).toBe("bilan.pdf");
    expect(sanitizeFileName("/var/www/../.htaccess")).toBe("htaccess");
  });

  it("removes control, disguising and Windows-illegal characters, and collapses spaces", () => {
    expect(sanitizeFileName("rapport\u0000\u0007.pdf")).toBe("rapport.pdf");
    expect(sanitizeFileName("facture\u202Efdp.exe")).toBe("facturefdp.exe");
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf')).toBe("abcdefgh.pdf");
    expect(sanitizeFileName("  compte \t rendu \n CA  .pdf ")).toBe("compte rendu CA .pdf");
    expect(sanitizeFileName("bilan.pdf. . ")).toBe("bilan.pdf");
    expect(sanitizeFileName("CON.pdf")).toBe("_CON.pdf");
    expect(sanitizeFileName("Élève – année 2025.pdf")).toBe("Élève – année 2025.pdf");
  });

  it("shortens long names to 150 characters, keeping the extension", () => {
    const name = sanitizeFileName(`${"é".repeat(300)}.docx`);
    expect(Array.from(name)).toHaveLength(150);
    expect(name.endsWith("é.docx")).toBe(true);
    const emoji = sanitizeFileName(`${"😀".repeat(200)}.pdf`);
    expect(Array.from(emoji)).toHaveLength(150);
    expect(emoji.endsWith(".pdf")).toBe(true);
  });

  it("refuses a name left empty, with a French message", () => {
    for (const raw of [
      "",
      "   ",
      "..",
      "../..",
      "///",
      "dossier/",
      "\u0000\u0001",
      undefined,
      null,
    ]) {
      expect(() => sanitizeFileName(raw)).toThrow(
        expect.objectContaining({
          code: "BAD_USER_INPUT",
          message: expect.stringMatching(/^Le nom du fichier/),
        }),
      );
    }
  });
});

describe("withDetectedExtension", () => {
  const pdf = detectFileType(Buffer.from("%PDF-1.4"))!;
  const png = detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))!;
  const jpeg = detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))!;

  it("keeps a matching extension, replaces another format's, adds a missing one", () => {
    expect(withDetectedExtension("bilan.PDF", pdf)).toBe("bilan.PDF");
    expect(withDetectedExtension("photo.jpeg", jpeg)).toBe("photo.jpeg");
    expect(withDetectedExtension("photo.pdf", png)).toBe("photo.png");
    expect(withDetectedExtension("bilan", pdf)).toBe("bilan.pdf");
    expect(withDetectedExtension("CR du 12.03.2025", pdf)).toBe("CR du 12.03.2025.pdf");
  });
});
