/**
 * A script-side client of the e2e server, for what a test prepares or checks outside the browser: one
 * session cookie (the `login` mutation), JSON GraphQL, and the multipart uploads of `/files/*`.
 */
import { baseUrl } from "./server-handle";
import { DEMO_PASSWORD } from "./browser";

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; details?: Record<string, unknown> };
}

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

export class ApiClient {
  private cookie = "";

  constructor(private readonly url: string = baseUrl()) {}

  /** Logs in (opens a session whose cookie the next calls carry). */
  static async loggedIn(email: string, password: string = DEMO_PASSWORD): Promise<ApiClient> {
    const client = new ApiClient();
    await client.ok(`mutation E2eLogin($input: LoginInput!) { login(input: $input) { id } }`, {
      input: { email, password },
    });
    return client;
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      if (pair?.startsWith("ldm_session=")) this.cookie = pair;
    }
  }

  async gql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    this.remember(response);
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return { status: response.status, ...body };
  }

  /** The data of a successful operation; throws with the errors otherwise. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const answer = await this.gql<T>(query, variables);
    if (answer.errors?.length || !answer.data) {
      const name = /(query|mutation)\s+(\w+)/.exec(query)?.[2] ?? query.slice(0, 80);
      throw new Error(
        `GraphQL ${name} refusé (HTTP ${answer.status}) : ${JSON.stringify(answer.errors)}`,
      );
    }
    return answer.data;
  }

  /** A multipart upload (fields first, then the file), as the portal does. Throws unless 201. */
  async upload(
    route: "/files/evidence" | "/files/engagement",
    fields: Record<string, string | readonly string[]>,
    file: Buffer,
    fileName: string,
  ): Promise<Record<string, unknown>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of typeof value === "string" ? [value] : value) form.append(name, v);
    }
    form.append("file", new Blob([new Uint8Array(file)], { type: "application/pdf" }), fileName);
    const response = await fetch(`${this.url}${route}`, {
      method: "POST",
      headers: { cookie: this.cookie, "x-ldm-csrf": "1" },
      body: form,
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status !== 201) {
      throw new Error(`Envoi ${route} refusé (HTTP ${response.status}) : ${JSON.stringify(body)}`);
    }
    return body;
  }
}
