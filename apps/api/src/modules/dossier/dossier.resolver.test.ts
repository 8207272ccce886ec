import type { Viewer } from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser, rowCounts } from "../../test/fixtures";

const RESPONSE = `mutation($input: UpdateCriterionResponseInput!) {
  updateCriterionResponse(input: $input) { planned done narrative selfAssessedLevel addressedExpectationIds qualeducFicheCodes metByEuroscol version }
}`;
const CREATE_INDICATOR = `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id criterionCodes } }`;
const SET_VALUE = `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { id values { schoolYear numericValue } trend { trend improving } } }`;
const TABLES = ["criterion_response", "indicator", "indicator_value", "audit_log"];

describe("dossier content", () => {
  let app: TestApp;
  let candidatureId: string;
  let establishmentId: string;
  let head: Viewer;

  beforeAll(async () => {
    app = await createTestApp();
    const e = await insertEstablishment(app.dataSource);
    establishmentId = e.id;
    head = (await insertUser(app.dataSource, { role: "SCHOOL_HEAD", establishmentId })).viewer;
    candidatureId = ok(
      await app.execute<{ createIndividualCandidature: { id: string } }>(
        `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id } }`,
        { input: { establishmentId } },
        head,
      ),
    ).createIndividualCandidature.id;
  });
  afterAll(() => app.close());

  const respond = (fields: Record<string, unknown>, criterionCode = "4") =>
    app.execute(
      RESPONSE,
      { input: { candidatureId, establishmentId, criterionCode, ...fields } },
      head,
    );

  it("stores the self-evaluation with sanitised rich text", async () => {
    const saved = ok(
      await respond({
        planned:
          '<p>Plan <strong>partenarial</strong> <a href="https://ac-nice.fr">lien</a></p><p class="x">Suite</p>',
        done: "<ul><li>Bureau des entreprises</li></ul>",
        selfAssessedLevel: "PARTIALLY_MET",
        addressedExpectationIds: ["4.2", "4.1"],
        qualeducFicheCodes: ["Q.3.5"],
      }),
    ) as { updateCriterionResponse: Record<string, unknown> };
    expect(saved.updateCriterionResponse).toMatchObject({
      planned:
        '<p>Plan <strong>partenarial</strong> <a href="https://ac-nice.fr" rel="noopener noreferrer">lien</a></p><p>Suite</p>',
      selfAssessedLevel: "PARTIALLY_MET",
      addressedExpectationIds: ["4.1", "4.2"],
      qualeducFicheCodes: ["Q.3.5"],
      version: 1,
    });
  });

  it("refuses scripts, unknown expectations or fiches, Euroscol outside criterion 6 and stale versions, writing nothing", async () => {
    const before = await rowCounts(app.dataSource, TABLES);
    const script = refused(await respond({ planned: "<p>Bonjour</p><script>alert(1)</script>" }));
    expect(script.code).toBe("BAD_USER_INPUT");
    expect(script.message).toMatch(/contenu actif interdit/);
    expect(refused(await respond({ done: '<img src=x onerror="alert(1)">' })).code).toBe(
      "BAD_USER_INPUT",
    );
    expect(refused(await respond({ done: '<a href="javascript:alert(1)">x</a>' })).code).toBe(
      "BAD_USER_INPUT",
    );
    expect(refused(await respond({ addressedExpectationIds: ["9.9"] })).message).toMatch(
      /Attendu\(s\) inconnu\(s\)/,
    );
    expect(refused(await respond({ qualeducFicheCodes: ["Q.0.0"] })).message).toMatch(
      /Qualéduc inconnue/,
    );
    expect(refused(await respond({ metByEuroscol: true }, "5")).message).toMatch(
      /Seul le critère 6/,
    );
    expect(refused(await respond({ selfAssessedLevel: "PARFAIT" })).code).toBe("BAD_USER_INPUT");
    expect(refused(await respond({ improved: "x", expectedVersion: 7 })).code).toBe("CONFLICT");
    expect(await rowCounts(app.dataSource, TABLES)).toEqual(before);
    expect(ok(await respond({ metByEuroscol: true }, "6"))).toBeTruthy();
  });

  it("follows indicators per school year with their trend, refusing bad years and criteria", async () => {
    const base = {
      candidatureId,
      establishmentId,
      name: "Taux de décrochage",
      kind: "QUANTITATIVE",
      unit: "%",
      direction: "LOWER_IS_BETTER",
      source: "SIECLE",
    };
    const before = await rowCounts(app.dataSource, TABLES);
    expect(
      refused(
        await app.execute(CREATE_INDICATOR, { input: { ...base, criterionCodes: ["12"] } }, head),
      ).message,
    ).toMatch(/critère/);
    expect(
      refused(await app.execute(CREATE_INDICATOR, { input: { ...base, criterionCodes: [] } }, head))
        .code,
    ).toBe("BAD_USER_INPUT");
    expect(
      refused(
        await app.execute(
          CREATE_INDICATOR,
          { input: { ...base, unit: null, criterionCodes: ["7"] } },
          head,
        ),
      ).message,
    ).toMatch(/unité/);
    expect(await rowCounts(app.dataSource, TABLES)).toEqual(before);
    const indicator = ok(
      await app.execute<{ createIndicator: { id: string; criterionCodes: string[] } }>(
        CREATE_INDICATOR,
        { input: { ...base, criterionCodes: ["7", "3", "7"] } },
        head,
      ),
    ).createIndicator;
    expect(indicator.criterionCodes).toEqual(["7", "3"]);
    const bad = refused(
      await app.execute(
        SET_VALUE,
        { input: { indicatorId: indicator.id, schoolYear: "2021-2023", numericValue: 4 } },
        head,
      ),
    );
    expect(bad).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(bad.message).toMatch(/2021-2023/);
    expect(
      refused(
        await app.execute(
          SET_VALUE,
          { input: { indicatorId: indicator.id, schoolYear: "2021-2022" } },
          head,
        ),
      ).message,
    ).toMatch(/valeur numérique/);
    type V = {
      setIndicatorValue: {
        values: { schoolYear: string }[];
        trend: { trend: string; improving: boolean | null };
      };
    };
    let last: V | null = null;
    for (const [schoolYear, numericValue] of [
      ["2023-2024", 6.1],
      ["2021-2022", 9.5],
      ["2022-2023", 8],
    ] as const) {
      last = ok(
        await app.execute<V>(
          SET_VALUE,
          { input: { indicatorId: indicator.id, schoolYear, numericValue } },
          head,
        ),
      );
    }
    expect(last!.setIndicatorValue.values.map((v) => v.schoolYear)).toEqual([
      "2021-2022",
      "2022-2023",
      "2023-2024",
    ]);
    expect(last!.setIndicatorValue.trend).toEqual({ trend: "FALLING", improving: true });
  });

  it("lets only the head or the criteria's pilot handle an indicator", async () => {
    const other = await insertEstablishment(app.dataSource);
    const stranger = (
      await insertUser(app.dataSource, { role: "SCHOOL_HEAD", establishmentId: other.id })
    ).viewer;
    const staff = (await insertUser(app.dataSource, { role: "SCHOOL_STAFF", establishmentId }))
      .viewer;
    const input = {
      candidatureId,
      establishmentId,
      name: "Apprentis",
      kind: "QUANTITATIVE",
      unit: "apprentis",
      source: "CFA",
      criterionCodes: ["2"],
    };
    expect(refused(await app.execute(CREATE_INDICATOR, { input }, stranger)).code).toBe(
      "NOT_FOUND",
    );
    expect(refused(await app.execute(CREATE_INDICATOR, { input }, staff)).code).toBe("FORBIDDEN");
    expect(refused(await app.execute(CREATE_INDICATOR, { input })).code).toBe("FORBIDDEN");
  });
});
