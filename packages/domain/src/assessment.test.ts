import {
  ATTAINMENT_LEVELS,
  ATTAINMENT_LEVEL_LABELS,
  attainmentRank,
  isAttainmentLevel,
} from "./assessment";
import { PERSONAL_DATA_FIELDS, isPersonalDataField } from "./personal-data";

describe("attainment levels", () => {
  it("has four ordered levels with French labels", () => {
    expect(ATTAINMENT_LEVELS.map(attainmentRank)).toEqual([1, 2, 3, 4]);
    expect(ATTAINMENT_LEVELS.map((l) => ATTAINMENT_LEVEL_LABELS[l])).toEqual([
      "Non atteint",
      "Partiellement atteint",
      "Atteint",
      "Dépassé",
    ]);
    expect(isAttainmentLevel("MET")).toBe(true);
    expect(isAttainmentLevel("GOOD")).toBe(false);
  });
});

describe("personal data", () => {
  it("marks the criterion pilot's contact fields", () => {
    expect(PERSONAL_DATA_FIELDS.User).toEqual(["fullName", "email", "phone"]);
    expect(isPersonalDataField("User", "email")).toBe(true);
    expect(isPersonalDataField("User", "role")).toBe(false);
    expect(isPersonalDataField("Establishment", "name")).toBe(false);
  });
});
