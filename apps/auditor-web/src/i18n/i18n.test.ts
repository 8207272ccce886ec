import { uiResources } from "@ldm/ui";
import { enTranslation as en, frTranslation as fr } from "./index";

/** Every key path of a translation file (`login.title`…). */
function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("English has every French key of the portal", () => {
    expect(keys(fr).filter((k) => !keys(en).includes(k))).toEqual([]);
  });

  it("English has every French key of the shared UI", () => {
    expect(keys(uiResources.fr).filter((k) => !keys(uiResources.en).includes(k))).toEqual([]);
  });
});
