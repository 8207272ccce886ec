import { loginPathFor, safeNextPath } from "./nextPath";

describe("safeNextPath", () => {
  it("follows a path of the portal only", () => {
    expect(safeNextPath("/audits/1", "/")).toBe("/audits/1");
    expect(safeNextPath("//evil.example/x", "/")).toBe("/");
    expect(safeNextPath("https://evil.example/", "/")).toBe("/");
    expect(safeNextPath(null, "/candidatures")).toBe("/candidatures");
  });
});

describe("loginPathFor", () => {
  it("carries the page to come back to, except the home page", () => {
    expect(loginPathFor("/connexion", "/audits?x=1", "/")).toBe(
      "/connexion?suite=%2Faudits%3Fx%3D1",
    );
    expect(loginPathFor("/connexion", "/", "/")).toBe("/connexion");
  });
});
