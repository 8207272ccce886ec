import {
  ACADEMIES,
  ESTABLISHMENT_KIND_LABELS,
  ESTABLISHMENT_SECTOR_LABELS,
  academieOfDepartement,
  getAcademie,
} from "./academies";

describe("académies", () => {
  it("lists Aix-Marseille and Nice with their départements", () => {
    expect(ACADEMIES.map((a) => a.name)).toEqual(["Aix-Marseille", "Nice"]);
    expect(getAcademie("AIX_MARSEILLE").departements.map((d) => d.code)).toEqual([
      "04",
      "05",
      "13",
      "84",
    ]);
    expect(getAcademie("NICE").departements.map((d) => d.code)).toEqual(["06", "83"]);
    expect(() => getAcademie("LYON")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("finds the académie of a département", () => {
    expect(academieOfDepartement("13").code).toBe("AIX_MARSEILLE");
    expect(academieOfDepartement("013").code).toBe("AIX_MARSEILLE");
    expect(academieOfDepartement("006").code).toBe("NICE");
    expect(academieOfDepartement("83").code).toBe("NICE");
    for (const bad of ["75", "075", "2A", "", "abc"]) {
      expect(() => academieOfDepartement(bad)).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT" }),
      );
    }
  });

  it("labels establishments in French", () => {
    expect(ESTABLISHMENT_KIND_LABELS.LP).toBe("Lycée professionnel");
    expect(ESTABLISHMENT_KIND_LABELS.EREA).toBe("Établissement régional d'enseignement adapté");
    expect(ESTABLISHMENT_SECTOR_LABELS.PRIVATE_UNDER_CONTRACT).toBe("Privé sous contrat");
  });
});
