/**
 * The audit-day programme over GraphQL: the public preview (no speakers), a candidature's own programme
 * (its criteria, its pilots as speakers, names hidden from analysts, read through the DataLoaders) and
 * the coded refusals (day ending after 18:00 with the latest start, lunch outside 11:30–14:00).
 */
import type { Logger } from "typeorm";
import type { Viewer } from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser } from "../../test/fixtures";
import { AppUser } from "../identity/user.entity";
import type { Establishment } from "../establishment/establishment.entity";

class CountingLogger implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const PUBLIC = `query($criteria: [String!]!, $options: AuditDayScheduleOptionsInput) {
  auditDaySchedule(criteria: $criteria, options: $options) {
    start end criteriaWithoutPilot slots { kind start end criterionCode speakers }
  }
}`;

const OWN = `query($id: ID!, $options: AuditDayScheduleOptionsInput, $requirePilots: Boolean) {
  candidature(id: $id) {
    id
    auditDaySchedule(options: $options, requirePilots: $requirePilots) {
      start end criteriaWithoutPilot slots { kind start end criterionCode speakers }
    }
  }
}`;

const PAGE = `query($first: Int) { candidatures(first: $first) { edges { node {
  id auditDaySchedule { end criteriaWithoutPilot slots { speakers } }
} } } }`;

interface Slot {
  kind: string;
  start: string;
  end: string;
  criterionCode: string | null;
  speakers: string[];
}
interface Schedule {
  start: string;
  end: string;
  criteriaWithoutPilot: string[];
  slots: Slot[];
}

const NATIONAL = ["1", "2", "3", "4", "5", "6", "7", "8"];

describe("audit-day schedule", () => {
  const logger = new CountingLogger();
  let app: TestApp;
  let lead: Establishment;
  let partner: Establishment;
  let candidatureId: string;
  let analyst: Viewer;
  let partnerHead: Viewer;

  beforeAll(async () => {
    app = await createTestApp({ logger });
    lead = await insertEstablishment(app.dataSource, { name: "Lycée professionnel Jean Moulin" });
    partner = await insertEstablishment(app.dataSource, {
      name: "Lycée polyvalent Marie Curie",
      departementCode: "06",
    });
    const head = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: lead.id,
      fullName: "Claire Dubois",
    });
    await app.dataSource
      .getRepository(AppUser)
      .update({ id: head.user.id }, { jobTitle: "proviseure" });
    const staff = await insertUser(app.dataSource, {
      role: "SCHOOL_STAFF",
      establishmentId: partner.id,
      fullName: "Karim Benali",
    });
    const partnerHeadUser = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: partner.id,
    });
    partnerHead = partnerHeadUser.viewer;
    analyst = (await insertUser(app.dataSource, { role: "ANALYST" })).viewer;

    candidatureId = ok(
      await app.execute<{ createNetworkCandidature: { id: string } }>(
        `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`,
        {
          input: {
            members: [
              { establishmentId: lead.id, isLead: true },
              { establishmentId: partner.id, isLead: false },
            ],
            optionalCriterionVariant: "A",
          },
        },
      ),
    ).createNetworkCandidature.id;
    // Each head designates the pilots of its establishment.
    for (const [criterionCode, pilot, by] of [
      ["1", head, head],
      ["1", staff, partnerHeadUser],
      ["9a", head, head],
    ] as const) {
      ok(
        await app.execute(
          `mutation($input: AssignCriterionPilotInput!) { assignCriterionPilot(input: $input) { id } }`,
          { input: { candidatureId, criterionCode, userId: pilot.user.id } },
          by.viewer,
        ),
      );
    }
  });
  afterAll(() => app.close());

  const own = (variables: Record<string, unknown> = {}, viewer?: Viewer) =>
    app.execute<{ candidature: { id: string; auditDaySchedule: Schedule | null } }>(
      OWN,
      { id: candidatureId, ...variables },
      viewer,
    );

  it("keeps the public preview open to anyone, without speakers", async () => {
    const data = ok(
      await app.execute<{ auditDaySchedule: Schedule }>(PUBLIC, { criteria: ["1", "2"] }, null),
    );
    expect(data.auditDaySchedule.start).toBe("08:30");
    expect(data.auditDaySchedule.criteriaWithoutPilot).toEqual([]);
    expect(data.auditDaySchedule.slots.every((s) => s.speakers.length === 0)).toBe(true);
    expect(data.auditDaySchedule.slots.map((s) => s.criterionCode)).toContain("2");
  });

  it("builds a candidature's programme from its criteria, its pilots speaking", async () => {
    const schedule = ok(await own()).candidature.auditDaySchedule!;
    const presented = [
      ...new Set(schedule.slots.flatMap((s) => (s.criterionCode ? [s.criterionCode] : []))),
    ];
    expect(presented).toEqual([...NATIONAL, "9a"]);
    const speakersOf = (code: string) =>
      schedule.slots
        .filter((s) => s.criterionCode === code)
        .map((s) => [s.kind, s.speakers] as const);
    const firstPilots = [
      "Claire Dubois, proviseure (Lycée professionnel Jean Moulin)",
      "Karim Benali (Lycée polyvalent Marie Curie)",
    ];
    expect(speakersOf("1")).toEqual([
      ["CRITERION_PRESENTATION", firstPilots],
      ["CRITERION_EXCHANGE", firstPilots],
    ]);
    expect(speakersOf("9a")[0]?.[1]).toEqual([firstPilots[0]]);
    expect(speakersOf("2")[0]?.[1]).toEqual([]);
    expect(
      schedule.slots.filter((s) => s.criterionCode === null).every((s) => s.speakers.length === 0),
    ).toBe(true);
    expect(schedule.criteriaWithoutPilot).toEqual(NATIONAL.slice(1));
    expect(schedule.end <= "18:00").toBe(true);
  });

  it("gives analysts the same programme without any name", async () => {
    const schedule = ok(await own({}, analyst)).candidature.auditDaySchedule!;
    expect(schedule.slots.every((s) => s.speakers.length === 0)).toBe(true);
    expect(schedule.criteriaWithoutPilot).toEqual(NATIONAL.slice(1));
    expect(JSON.stringify(schedule)).not.toMatch(/Dubois|Benali/);
  });

  it("refuses a day ending after 18:00, giving the latest start", async () => {
    const late = await own({ options: { startTime: "10:00" } });
    const error = refused(late);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(
      "La journée d'audit se terminerait à 18 h 30 : elle doit s'achever à 18 h au plus tard. Commencez au plus tard à 9 h 40, ou réduisez les durées ou le nombre de critères.",
    );
    expect(error.details).toMatchObject({
      reason: "ENDS_TOO_LATE",
      start: "10:00",
      end: "18:30",
      latestStart: "09:40",
    });
    // Only the field is refused: the candidature is still answered.
    expect(late.data?.candidature).toEqual({ id: candidatureId, auditDaySchedule: null });
    expect(late.errors?.[0]?.path).toEqual(["candidature", "auditDaySchedule"]);
    // The latest start given does fit.
    const fits = ok(await own({ options: { startTime: "09:40" } })).candidature.auditDaySchedule!;
    expect(fits.end <= "18:00").toBe(true);

    const publicLate = refused(
      await app.execute(PUBLIC, { criteria: NATIONAL, options: { startTime: "13:00" } }, null),
    );
    expect(publicLate.code).toBe("BAD_USER_INPUT");
    expect(publicLate.message).toMatch(/Commencez au plus tard à \d+ h/);
  });

  it("refuses a lunch outside 11:30–14:00", async () => {
    for (const lunchStart of ["11:00", "13:30"]) {
      const error = refused(await own({ options: { lunchStart } }));
      expect(error.code).toBe("BAD_USER_INPUT");
      expect(error.message).toBe(
        `Le déjeuner se prend entre 11 h 30 et 14 h : avec 60 min de déjeuner, son heure (${lunchStart === "11:00" ? "11 h" : "13 h 30"}) doit être comprise entre 11 h 30 et 13 h.`,
      );
      expect(error.details).toMatchObject({ field: "lunchStart", value: lunchStart });
    }
    const tooLong = refused(await own({ options: { lunchMinutes: 180 } }));
    expect(tooLong.code).toBe("BAD_USER_INPUT");
    expect(tooLong.message).toBe("Un déjeuner de 180 min ne tient pas entre 11 h 30 et 14 h.");
  });

  it("refuses criteria without pilot when pilots are required", async () => {
    const error = refused(await own({ requirePilots: true }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(
      "Chaque critère est présenté par ses pilotes : les critères 2, 3, 4, 5, 6, 7, 8 n'ont pas de pilote.",
    );
  });

  it("refuses a network whose establishments chose 9-a and 9-b, the programme presenting one", async () => {
    const SET_VARIANT = `mutation($input: SetOptionalCriterionInput!) { setOptionalCriterion(input: $input) { id } }`;
    const variant = async (value: string | null) =>
      ok(
        await app.execute(
          SET_VARIANT,
          { input: { candidatureId, establishmentId: partner.id, variant: value } },
          partnerHead,
        ),
      );
    await variant("B");
    const error = refused(await own());
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/variantes différentes du critère 9 \(9-a et 9-b\)/);
    expect(error.details).toMatchObject({ reason: "BOTH_CRITERION_9_VARIANTS" });
    await variant(null);
    expect(ok(await own()).candidature.auditDaySchedule).not.toBeNull();
  });

  it("reads pilots and names through the request's DataLoaders", async () => {
    for (let i = 0; i < 3; i++) {
      const a = await insertEstablishment(app.dataSource, { departementCode: "84" });
      const b = await insertEstablishment(app.dataSource, { departementCode: "05" });
      const { id } = ok(
        await app.execute<{ createNetworkCandidature: { id: string } }>(
          `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`,
          {
            input: {
              members: [{ establishmentId: a.id, isLead: true }, { establishmentId: b.id }],
            },
          },
        ),
      ).createNetworkCandidature;
      const pilot = await insertUser(app.dataSource, {
        role: "SCHOOL_HEAD",
        establishmentId: a.id,
      });
      ok(
        await app.execute(
          `mutation($input: AssignCriterionPilotInput!) { assignCriterionPilot(input: $input) { id } }`,
          { input: { candidatureId: id, criterionCode: "1", userId: pilot.user.id } },
          pilot.viewer,
        ),
      );
    }
    const statementsFor = async (first: number) => {
      logger.count = 0;
      const data = ok(await app.execute<{ candidatures: { edges: unknown[] } }>(PAGE, { first }));
      expect(data.candidatures.edges).toHaveLength(first);
      return logger.count;
    };
    expect(await statementsFor(4)).toBe(await statementsFor(1));
  });
});
