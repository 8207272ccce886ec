/**
 * The registry of labels: every label, current and past, for authenticated callers (filtered by
 * académie — from the establishment's département —, status as of today, establishment), the public
 * query of the establishments labelled today (no personal data) and its public HTML page (GET
 * /registre), also behind the portal's SPA fallback.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addYears, formatFrenchDate, labelExpiryDate } from "@ldm/domain";
import { buildAppSchema } from "../../schema";
import { createServer } from "../../server";
import { createTestApp, ok, refused, TEST_AUTH, type TestApp } from "../../test/test-app";
import { inDays, insertEstablishment, insertUser } from "../../test/fixtures";
import { insertLabel } from "../../test/decision-fixtures";
import type { Establishment } from "../establishment/establishment.entity";
import type { Label } from "./label.entity";

const LABELS = `query($first: Int, $after: String, $filter: LabelFilter) { labels(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id title startDate endDate midTermReviewDueDate status statusLabel valid candidatureId establishment { id name } } } } }`;
const PUBLIC = `query($academieCode: String) { publicLabelRegistry(academieCode: $academieCode) {
  uai establishmentName city departementCode academieCode academieName title startDate endDate } }`;
const ESTABLISHMENT = `query($id: ID!) { establishment(id: $id) { id labels { title status } } }`;

interface Node {
  id: string;
  title: string;
  status: string;
  valid: boolean;
  establishment: { id: string; name: string };
}
type Labels = {
  labels: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

describe("label registry", () => {
  let app: TestApp;
  let base: string;
  let marseille: Establishment;
  let toulon: Establishment;
  let grasse: Establishment;
  let digne: Establishment;
  let current: Label;
  let lapsed: Label;
  let superseded: Label;
  let renewed: Label;
  let nice: Label;

  beforeAll(async () => {
    app = await createTestApp();
    base = await app.listen();
    const ds = app.dataSource;
    marseille = await insertEstablishment(ds, {
      name: "Lycée professionnel <La Calade> & Cie",
      departementCode: "13",
    });
    toulon = await insertEstablishment(ds, {
      name: "Lycée professionnel Arsenal",
      departementCode: "83",
    });
    grasse = await insertEstablishment(ds, { name: "Lycée Les Parfumeurs", departementCode: "06" });
    digne = await insertEstablishment(ds, { name: "Lycée Beau de Rochas", departementCode: "04" });
    current = await insertLabel(ds, marseille, { publishedOn: inDays(-100), title: "de la mer" });
    // Past its five years, never recorded as expired: reads EXPIRED.
    lapsed = await insertLabel(ds, digne, {
      publishedOn: addYears(inDays(-20), -5),
      title: "de la montagne",
    });
    superseded = await insertLabel(ds, toulon, {
      publishedOn: addYears(inDays(-30), -4),
      status: "SUPERSEDED",
      title: "de la maintenance navale",
    });
    renewed = await insertLabel(ds, toulon, {
      publishedOn: inDays(-30),
      title: "de la maintenance navale et industrielle",
    });
    nice = await insertLabel(ds, grasse, { publishedOn: inDays(-400), title: "de la parfumerie" });
  });
  afterAll(() => app.close());

  const list = (variables: Record<string, unknown> = {}, viewer = app.drafpic) =>
    app.execute<Labels>(LABELS, variables, viewer);
  const ids = (r: Labels) => r.labels.edges.map((e) => e.node.id);

  it("lists every label, current and past, the latest published first, to any authenticated caller", async () => {
    const head = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: grasse.id,
    });
    const all = ok(await list({}, head.viewer));
    expect(ids(all)).toEqual([renewed.id, current.id, nice.id, superseded.id, lapsed.id]);
    expect(all.labels.edges.map((e) => [e.node.status, e.node.valid])).toEqual([
      ["CURRENT", true],
      ["CURRENT", true],
      ["CURRENT", true],
      ["SUPERSEDED", false],
      ["EXPIRED", false],
    ]);
    expect(all.labels.edges[0]?.node).toMatchObject({
      title: "Lycée des métiers de la maintenance navale et industrielle",
      statusLabel: "En vigueur",
      establishment: { id: toulon.id },
    });
    expect(refused(await list({}, null as never)).code).toBe("UNAUTHENTICATED");
  });

  it("pages with a cursor", async () => {
    const first = ok(await list({ first: 2 }));
    expect(first.labels.totalCount).toBe(5);
    expect(first.labels.pageInfo.hasNextPage).toBe(true);
    const second = ok(await list({ first: 2, after: first.labels.pageInfo.endCursor }));
    const third = ok(await list({ first: 2, after: second.labels.pageInfo.endCursor }));
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual([
      renewed.id,
      current.id,
      nice.id,
      superseded.id,
      lapsed.id,
    ]);
    expect(third.labels.pageInfo.hasNextPage).toBe(false);
  });

  it("filters by académie (from the département), status as of today and establishment", async () => {
    expect(ids(ok(await list({ filter: { academieCode: "NICE" } }))).sort()).toEqual(
      [renewed.id, superseded.id, nice.id].sort(),
    );
    expect(ids(ok(await list({ filter: { academieCode: "AIX_MARSEILLE" } })))).toEqual([
      current.id,
      lapsed.id,
    ]);
    expect(ids(ok(await list({ filter: { status: "CURRENT" } })))).toEqual([
      renewed.id,
      current.id,
      nice.id,
    ]);
    expect(ids(ok(await list({ filter: { status: "EXPIRED" } })))).toEqual([lapsed.id]);
    expect(ids(ok(await list({ filter: { status: "SUPERSEDED" } })))).toEqual([superseded.id]);
    expect(
      ids(ok(await list({ filter: { establishmentId: toulon.id, status: "CURRENT" } }))),
    ).toEqual([renewed.id]);
    expect(refused(await list({ filter: { academieCode: "LYON" } })).code).toBe("NOT_FOUND");
  });

  it("shows an establishment's labels", async () => {
    const read = ok(
      await app.execute<{ establishment: { labels: { status: string }[] } }>(ESTABLISHMENT, {
        id: toulon.id,
      }),
    ).establishment;
    expect(read.labels.map((l) => l.status)).toEqual(["CURRENT", "SUPERSEDED"]);
  });

  it("answers the public registry without authentication: the establishments labelled today, no personal data", async () => {
    const all = ok(
      await app.execute<{ publicLabelRegistry: Record<string, string>[] }>(PUBLIC, {}, null),
    ).publicLabelRegistry;
    expect(all.map((e) => e.establishmentName)).toEqual([marseille.name, grasse.name, toulon.name]);
    expect(all[0]).toEqual({
      uai: marseille.uai,
      establishmentName: marseille.name,
      city: "Marseille",
      departementCode: "13",
      academieCode: "AIX_MARSEILLE",
      academieName: "Aix-Marseille",
      title: "Lycée des métiers de la mer",
      startDate: inDays(-100),
      endDate: labelExpiryDate(inDays(-100)),
    });
    const onlyNice = ok(
      await app.execute<{ publicLabelRegistry: { uai: string }[] }>(
        PUBLIC,
        { academieCode: "NICE" },
        null,
      ),
    ).publicLabelRegistry;
    expect(onlyNice.map((e) => e.uai)).toEqual([grasse.uai, toulon.uai]);
    // The public type holds no field the domain marks as personal, nor any link to other objects.
    const schema = await buildAppSchema();
    const type = schema.getType("PublicLabel") as { getFields(): Record<string, unknown> };
    expect(Object.keys(type.getFields()).sort()).toEqual(
      [
        "academieCode",
        "academieName",
        "city",
        "departementCode",
        "endDate",
        "establishmentName",
        "startDate",
        "title",
        "uai",
      ].sort(),
    );
  });

  it("serves the public registry page, in French, accessible, without script", async () => {
    const response = await fetch(`${base}/registre`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<a class="skip" href="#contenu">Aller au contenu</a>');
    expect(html).toContain("<h1>Registre des lycées des métiers</h1>");
    expect(html).not.toContain("<script");
    // Escaped: the establishment's name is text, never markup.
    expect(html).toContain("Lycée professionnel &lt;La Calade&gt; &amp; Cie");
    expect(html).toContain('<th scope="col">Intitulé du label</th>');
    expect(html).toContain("Lycée des métiers de la parfumerie");
    expect(html).toContain(
      `du ${formatFrenchDate(inDays(-30))} au ${formatFrenchDate(labelExpiryDate(inDays(-30)))}`,
    );
    expect(html).not.toContain("de la montagne");
    expect(html).not.toContain("Lycée des métiers de la maintenance navale<");
    expect(html).toContain("3 établissements labellisés.");

    const nicePage = await (await fetch(`${base}/registre?academie=NICE`)).text();
    expect(nicePage).toContain('aria-current="page">Académie de Nice</a>');
    expect(nicePage).toContain("Lycée des métiers de la parfumerie");
    expect(nicePage).not.toContain("La Calade");
    const unknown = await fetch(`${base}/registre?academie=LYON`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Académie inconnue");
  });

  it("is left alone by the portal's SPA fallback", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-site-"));
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Portail</title>");
    const server = await createServer(app.dataSource, TEST_AUTH, {
      staticSites: [{ path: "/", dir }],
    });
    await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
    const address = server.httpServer.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      expect(await (await fetch(`${url}/registre`)).text()).toContain(
        "Registre des lycées des métiers",
      );
      expect((await fetch(`${url}/registre/autre`)).status).toBe(404);
      expect(await (await fetch(`${url}/candidatures`)).text()).toContain("Portail");
    } finally {
      await server.stop();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
