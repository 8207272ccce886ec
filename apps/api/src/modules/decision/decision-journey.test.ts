/**
 * Over HTTP against the real database: a network candidature across Aix-Marseille and Nice whose audit
 * report is submitted goes through a GRALM session (its Excel list read back), the CAEN, one rector's
 * decision per académie and the BOEN publication; its labels then appear, with their dates, in the
 * public registry (GraphQL without authentication, and the /registre page).
 */
import { labelExpiryDate, midTermReviewDueDate } from "@ldm/domain";
import { createTestApp, type GraphQLResult, type TestApp } from "../../test/test-app";
import { inDays, insertEstablishment } from "../../test/fixtures";
import { readWorkbook, reportedCandidature, sessionCookieFor } from "../../test/decision-fixtures";

describe("decision journey over HTTP", () => {
  let app: TestApp;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    app = await createTestApp();
    base = await app.listen();
    cookie = await sessionCookieFor(app.dataSource, app.drafpic.userId);
  });
  afterAll(() => app.close());

  async function graphql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = { cookie },
  ): Promise<T> {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResult<T>;
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  }

  it("labels a network from its GRALM session to the public registry", async () => {
    const lead = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel Les Calanques",
      departementCode: "13",
    });
    const partner = await insertEstablishment(app.dataSource, {
      name: "Lycée polyvalent Riviera",
      departementCode: "06",
      kind: "LPO",
    });
    const c = await reportedCandidature(app.dataSource, [lead, partner], {
      reportOn: inDays(-45),
      labelTitle: "de l'hôtellerie et de la restauration",
    });

    const { createGralmSession: session } = await graphql<{
      createGralmSession: { id: string; listUrl: string };
    }>(
      `
        mutation ($input: CreateGralmSessionInput!) {
          createGralmSession(input: $input) {
            id
            listUrl
          }
        }
      `,
      {
        input: {
          sessionDate: inDays(-35),
          members: [
            { fullName: "Claire Martin", role: "DRAFPIC" },
            { fullName: "Inès Belkacem", role: "IA-IPR, académie de Nice" },
          ],
        },
      },
    );
    await graphql(
      `
        mutation ($input: GralmSessionCandidatureInput!) {
          addCandidatureToGralmSession(input: $input) {
            id
          }
        }
      `,
      { input: { sessionId: session.id, candidatureId: c.id } },
    );
    await graphql(
      `
        mutation ($input: RecordGralmProposalInput!) {
          recordGralmProposal(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          sessionId: session.id,
          candidatureId: c.id,
          proposal: "FAVOURABLE",
          motivation: "Stratégies communes abouties sur les critères 4, 5, 6 et 8.",
        },
      },
    );
    const list = await fetch(`${base}${session.listUrl}`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const workbook = await readWorkbook(list);
    const row = workbook.getWorksheet("Candidatures")!.getRow(2);
    expect(row.getCell(3).value).toBe("Aix-Marseille, Nice");
    expect(row.getCell(8).value).toBe("Proposition favorable");

    const step = async (mutation: string, input: Record<string, unknown>) =>
      (
        await graphql<Record<string, { state: string }>>(
          `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { state } }`,
          { input },
        )
      )[mutation]!.state;
    expect(
      await step("recordCaenOpinion", {
        candidatureId: c.id,
        opinionDate: inDays(-25),
        opinion: "FAVOURABLE",
      }),
    ).toBe("CAEN_CONSULTED");
    expect(
      await step("recordRectorDecision", {
        candidatureId: c.id,
        academieCode: "NICE",
        decidedOn: inDays(-15),
        outcomes: [{ establishmentId: partner.id, outcome: "APPROVED" }],
      }),
    ).toBe("CAEN_CONSULTED");
    expect(
      await step("recordRectorDecision", {
        candidatureId: c.id,
        academieCode: "AIX_MARSEILLE",
        decidedOn: inDays(-12),
        outcomes: [{ establishmentId: lead.id, outcome: "APPROVED" }],
      }),
    ).toBe("RECTOR_APPROVED");
    const publication = inDays(-4);
    expect(
      await step("recordBoenPublication", {
        candidatureId: c.id,
        publicationDate: publication,
        boenReference: "BO n° 14 du 3 avril 2026",
      }),
    ).toBe("LABELLED");

    // The public registry, without authentication.
    const { publicLabelRegistry } = await graphql<{
      publicLabelRegistry: { uai: string; title: string; startDate: string; endDate: string }[];
    }>(
      `
        {
          publicLabelRegistry {
            uai
            title
            startDate
            endDate
          }
        }
      `,
      {},
      {},
    );
    const title = "Lycée des métiers de l'hôtellerie et de la restauration";
    expect(publicLabelRegistry.filter((e) => e.title === title)).toEqual(
      [lead, partner].map((e) => ({
        uai: e.uai,
        title,
        startDate: publication,
        endDate: labelExpiryDate(publication),
      })),
    );
    const { labels } = await graphql<{
      labels: { edges: { node: { midTermReviewDueDate: string; candidatureId: string } }[] };
    }>(`
      {
        labels(first: 10, filter: { status: CURRENT }) {
          edges {
            node {
              midTermReviewDueDate
              candidatureId
            }
          }
        }
      }
    `);
    expect(
      labels.edges
        .filter((e) => e.node.candidatureId === c.id)
        .map((e) => e.node.midTermReviewDueDate),
    ).toEqual([midTermReviewDueDate(publication), midTermReviewDueDate(publication)]);
    const page = await (await fetch(`${base}/registre`)).text();
    expect(page).toContain("Lycée professionnel Les Calanques");
    expect(page).toContain("Lycée polyvalent Riviera");
    expect(page).toContain(title.replace("'", "&#39;"));
  });
});
