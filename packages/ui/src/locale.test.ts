import { localeOf } from "./locale";

describe("localeOf", () => {
  it("maps French to France's French and leaves other languages as they are", () => {
    expect(localeOf("fr")).toBe("fr-FR");
    expect(localeOf("en")).toBe("en");
  });
});
