import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer } from "./server";
import { createTestApp, TEST_AUTH, type TestApp } from "./test/test-app";

describe("the built portal served by the API", () => {
  let app: TestApp;
  let url: string;
  let stop: () => Promise<void>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-site-"));

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, "assets"));
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Portail</title>");
    fs.writeFileSync(path.join(dir, "assets", "app-1234.js"), "console.log(1)");
    app = await createTestApp();
    const server = await createServer(app.dataSource, TEST_AUTH, {
      staticSites: [{ path: "/", dir }],
    });
    await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
    const address = server.httpServer.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    stop = async () => {
      await server.stop();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    };
  });
  afterAll(async () => {
    await stop();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves the portal's files and falls back to index.html for its routes, not for the API's", async () => {
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("<title>Portail</title>");
    expect(await (await fetch(`${url}/assets/app-1234.js`)).text()).toBe("console.log(1)");
    const route = await fetch(`${url}/candidatures/abc/criteres/4`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain("Portail");
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "ok" });
    const graphql = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ referentialVersions }" }),
    });
    expect(await graphql.json()).toEqual({ data: { referentialVersions: ["paca-2024.1"] } });
  });
});
