/**
 * Indicator targets in the PDF charts, read by the domain's one parser (`parseIndicatorTarget`): a range
 * (« entre 10 et 20 % ») draws its two bounds and the band between them, a bound (« au moins 80 % »)
 * one line, a target that is not a number (« en hausse ») none. Checked on the text (pdftotext) and on
 * the pixels of the rendered page (pdftoppm): the red dashed target lines are counted in each chart.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { CURRENT_REFERENTIAL_VERSION } from "@ldm/domain";
import type { DossierExport, ExportIndicator } from "./dossier-export";
import { writeDossierPdf } from "./dossier-pdf";

const ESTABLISHMENT = "00000000-0000-4000-8000-000000000001";
const YEARS = ["2021-2022", "2022-2023", "2023-2024"];
/** Rendering resolution: 2 pixels per point. */
const DPI = 144;

function indicator(name: string, target: string, values: number[], id: string): ExportIndicator {
  return {
    id,
    establishmentId: ESTABLISHMENT,
    name,
    kind: "QUANTITATIVE",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target,
    source: "InserJeunes",
    criterionCodes: ["1"],
    values: values.map((numericValue, i) => ({
      schoolYear: YEARS[i]!,
      numericValue,
      textValue: null,
    })),
  };
}

const dossier: DossierExport = {
  source: "LIVE",
  generatedAt: new Date("2025-03-14T10:00:00Z"),
  snapshot: null,
  candidature: {
    id: "00000000-0000-4000-8000-0000000000c1",
    kind: "INDIVIDUAL",
    awardType: "FIRST_AWARD",
    state: "DOSSIER_OPEN",
    referentialVersion: CURRENT_REFERENTIAL_VERSION,
    labelTitle: "Métiers de la mer",
    submittedAt: null,
    auditDate: null,
  },
  members: [
    {
      establishmentId: ESTABLISHMENT,
      name: "Lycée professionnel Jean Moulin",
      uai: "0130100N",
      city: "Marseille",
      academieName: "Aix-Marseille",
      isLead: true,
      engagementLetterOn: null,
      boardMinutesOn: null,
      optionalCriterionVariant: null,
    },
  ],
  responses: [],
  commonStrategies: [],
  pilots: [],
  indicators: [
    // Left chart of the first row, right chart, then alone on the second row.
    indicator("Taux de remplissage des sections", "entre 10 et 20 %", [8, 14, 22], "i1"),
    indicator("Taux d'insertion à six mois", "au moins 80 %", [62, 68.5, 74], "i2"),
    indicator("Taux de poursuite d'études", "en hausse", [30, 35, 41], "i3"),
  ],
  evidence: [],
  engagementDocuments: [],
};

let dir: string;
let pdf: Buffer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-pdf-cible-"));
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await writeDossierPdf(dossier, sink);
  pdf = Buffer.concat(chunks);
  fs.writeFileSync(path.join(dir, "dossier.pdf"), pdf);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function poppler(tool: "pdftotext" | "pdftoppm", args: string[]): Buffer {
  try {
    return execFileSync(
      tool,
      [...args, path.join(dir, "dossier.pdf"), ...(tool === "pdftotext" ? ["-"] : [])],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(
        `${tool} est introuvable : installez poppler-utils (apt-get install -y poppler-utils) pour lancer ce test.`,
      );
    }
    throw error;
  }
}

function pageText(page: number): string {
  return poppler("pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page)])
    .toString("utf8")
    .replace(/\s+/g, " ")
    .trim();
}

interface Image {
  width: number;
  height: number;
  rgb: Buffer;
}

/** One page rendered in colour by pdftoppm (binary PPM). */
function render(page: number): Image {
  const ppm = poppler("pdftoppm", ["-r", String(DPI), "-f", String(page), "-l", String(page)]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString("latin1", 0, 40));
  if (!header) throw new Error("pdftoppm n'a pas produit d'image PPM.");
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    rgb: ppm.subarray(header[0].length),
  };
}

/** The target's red (#c9191e), anti-aliased or not; not the light band. */
function isRed(img: Image, x: number, y: number): boolean {
  const i = (y * img.width + x) * 3;
  const [r = 0, g = 0, b = 0] = img.rgb.subarray(i, i + 3);
  return r > 150 && g < 130 && b < 130 && r - g > 70;
}

/** The light red band between the bounds of a range (red at 8 % over white). */
function isBand(img: Image, x: number, y: number): boolean {
  const i = (y * img.width + x) * 3;
  const [r = 0, g = 0, b = 0] = img.rgb.subarray(i, i + 3);
  return r > 240 && g >= 215 && g <= 245 && b >= 215 && b <= 245 && r - g > 8;
}

/**
 * Horizontal red dashed lines longer than `minSpan` pixels in the columns [x0, x1): each is a group of
 * consecutive rows, given by its middle row. Text in red (the legend) spans far less.
 */
function redLines(img: Image, x0: number, x1: number, minSpan: number): number[] {
  const rows: number[] = [];
  for (let y = 0; y < img.height; y++) {
    let first = -1;
    let last = -1;
    let count = 0;
    for (let x = x0; x < x1; x++) {
      if (!isRed(img, x, y)) continue;
      if (first < 0) first = x;
      last = x;
      count++;
    }
    if (last - first >= minSpan && count >= minSpan * 0.4) rows.push(y);
  }
  const lines: number[][] = [];
  for (const y of rows) {
    const current = lines.at(-1);
    if (current && y - (current.at(-1) ?? 0) <= 1) current.push(y);
    else lines.push([y]);
  }
  return lines.map((group) => group[Math.floor(group.length / 2)]!);
}

describe("indicator targets in the PDF", () => {
  test("the legend writes the target as the domain reads it", () => {
    const text = pageText(2);
    expect(text).toContain("Taux de remplissage des sections");
    expect(text).toContain("Cible : entre 10 et 20 %");
    expect(text).toContain("Cible : ≥ 80 %");
    // The table keeps the target as written; a target that is not a number has no line nor legend.
    expect(text).toContain("en hausse");
    expect(text.match(/Cible : /g)).toHaveLength(2);
  });

  test("a range draws its two bounds and the band between them, a bound one line", () => {
    const img = render(2);
    const mid = Math.floor(img.width / 2);
    const minSpan = 100 * (DPI / 72); // a chart's plot is about 185 points wide
    const left = redLines(img, 0, mid, minSpan);
    const right = redLines(img, mid, img.width, minSpan);
    // First row of charts: the range (left), the bound (right); the third chart (no target) has none.
    expect(left).toHaveLength(2);
    expect(right).toHaveLength(1);
    const [max = 0, min = 0] = left;
    // The upper line (20) lies well above the lower one (10): the scale runs from 0 to 30.
    expect(min - max).toBeGreaterThan(10 * (DPI / 72));
    // The band fills the space between the two bounds, not outside.
    const x = Math.floor(mid / 2);
    const between = Math.floor((min + max) / 2);
    expect(isBand(img, x, between) || isBand(img, x + 3, between)).toBe(true);
    expect(isBand(img, x, max - 6) || isBand(img, x, min + 6)).toBe(false);
  });
});
