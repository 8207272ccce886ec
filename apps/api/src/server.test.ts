import { uaiCheckLetter } from "@ldm/domain";
import { createTestApp, type TestApp } from "./test/test-app";
import { insertUser } from "./test/fixtures";

/** Session cookie of the logged-in DRAFPIC account, sent with every request. */
let cookie = "";

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = response.headers.get("set-cookie");
  if (setCookie?.startsWith("ldm_session=")) cookie = setCookie.split(";")[0]!;
  return {
    status: response.status,
    body: (await response.json()) as {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of arbitrary GraphQL answers
      data?: Record<string, any>;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

describe("the API over HTTP", () => {
  let app: TestApp;
  let url: string;
  beforeAll(async () => {
    app = await createTestApp();
    url = await app.listen();
    const password = "Un-mot-de-passe-solide-2026";
    const { user } = await insertUser(app.dataSource, { role: "DRAFPIC", password });
    const login = await post(
      url,
      `mutation($input: LoginInput!) { login(input: $input) { id role } }`,
      {
        input: { email: user.email, password },
      },
    );
    expect(login.body.data?.login).toEqual({ id: user.id, role: "DRAFPIC" });
    expect(cookie).toMatch(/^ldm_session=/);
  });
  afterAll(() => app.close());

  it("creates a network candidature and reads it back", async () => {
    const ids: string[] = [];
    for (const [digits, name, dep] of [
      ["0060777", "Lycée Les Eucalyptus", "06"],
      ["0830778", "Lycée Jean Aicard", "83"],
    ] as const) {
      const created = await post(
        url,
        `mutation($input: CreateEstablishmentInput!) { createEstablishment(input: $input) { id } }`,
        {
          input: {
            uai: digits + uaiCheckLetter(digits),
            name,
            kind: "LP",
            sector: "PUBLIC",
            city: "Nice",
            departementCode: dep,
          },
        },
      );
      expect(created.status).toBe(200);
      ids.push(created.body.data?.createEstablishment.id);
    }
    const created = await post(
      url,
      `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id state } }`,
      {
        input: {
          members: [{ establishmentId: ids[0], isLead: true }, { establishmentId: ids[1] }],
          labelTitle: "Hôtellerie-restauration",
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data?.createNetworkCandidature.id;
    const read = await post(
      url,
      `query($id: ID!) { candidature(id: $id) { id kind state labelTitle members { isLead establishment { name academie { name } } } } }`,
      { id },
    );
    expect(read.body.data?.candidature).toEqual({
      id,
      kind: "NETWORK",
      state: "ENGAGEMENT",
      labelTitle: "Hôtellerie-restauration",
      members: [
        {
          isLead: true,
          establishment: { name: "Lycée Les Eucalyptus", academie: { name: "Nice" } },
        },
        { isLead: false, establishment: { name: "Lycée Jean Aicard", academie: { name: "Nice" } } },
      ],
    });
  });

  it("answers coded French errors, and keeps CSRF prevention on", async () => {
    const invalid = await post(url, `{ nope }`);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(invalid.body.errors?.[0]?.message).toMatch(/^Requête GraphQL invalide/);
    const csrf = await fetch(
      `${url}/graphql?query=${encodeURIComponent("{ academies { code } }")}`,
    );
    expect(csrf.status).toBe(400);
    const simple = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ academies { code } }" }),
    });
    expect(simple.status).toBe(400);
  });

  it("serves health and readiness", async () => {
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${url}/ready`)).json()).toEqual({ status: "ready" });
  });
});
