/**
 * A browser-like client of the API over HTTP, for the journey tests: one session cookie (set by a real
 * `login`), JSON GraphQL, multipart uploads and downloads.
 */

/** The password the journey tests give the accounts they log in with. */
export const TEST_PASSWORD = "Falaise-Sardine-Lavande-2027";

export interface GqlAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; details?: Record<string, unknown> } }[];
}

export class Client {
  private cookie = "";
  constructor(private readonly url: string) {}

  async gql<T>(query: string, variables?: Record<string, unknown>): Promise<GqlAnswer<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie?.startsWith("ldm_session=")) this.cookie = setCookie.split(";")[0]!;
    const body = (await response.json()) as { data?: T; errors?: GqlAnswer<T>["errors"] };
    return { status: response.status, ...body };
  }

  /** The data of a successful operation (the test fails with the errors otherwise). */
  async ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const answer = await this.gql<T>(query, variables);
    if (answer.errors?.length || !answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data;
  }

  /** The first error of an operation expected to be refused (the test fails if it succeeds). */
  async refused(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ code: string | undefined; message: string; details?: Record<string, unknown> }> {
    const answer = await this.gql(query, variables);
    const [error] = answer.errors ?? [];
    if (!error) throw new Error(`Refus attendu, succès obtenu : ${JSON.stringify(answer.data)}`);
    return {
      code: error.extensions?.code,
      message: error.message,
      ...(error.extensions?.details ? { details: error.extensions.details } : {}),
    };
  }

  async login(email: string, password = TEST_PASSWORD): Promise<void> {
    await this.ok(`mutation($input: LoginInput!) { login(input: $input) { id } }`, {
      input: { email, password },
    });
  }

  async upload(
    route: string,
    fields: Record<string, string | string[]>,
    file: Buffer,
    fileName: string,
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    }
    form.append("file", new Blob([file]), fileName);
    const response = await fetch(`${this.url}${route}`, {
      method: "POST",
      headers: { cookie: this.cookie, "x-ldm-csrf": "1" },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async download(route: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const response = await fetch(`${this.url}${route}`, { headers: { cookie: this.cookie } });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  /** The raw response of a GET with this client's session (to read an Excel file, a page…). */
  get(route: string): Promise<Response> {
    return fetch(`${this.url}${route}`, { headers: { cookie: this.cookie } });
  }
}
