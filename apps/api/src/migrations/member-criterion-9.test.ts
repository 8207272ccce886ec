/**
 * The data the criterion 9 and expectation-scope migrations carry over: each member keeps its
 * candidature's criterion 9 (and going down, the candidature takes its lead's back); network-only
 * expectations leave the answers of individual candidatures, the retired « 6.10 » every answer.
 */
import { DataSource } from "typeorm";
import { CURRENT_REFERENTIAL_VERSION, getReferential } from "@ldm/domain";
import { adminQuery, randomDatabaseName } from "../db/throw-away-database";
import { createDataSource, runMigrations } from "../db/data-source";
import { ENTITIES } from "../db/entities";
import { insertEstablishment } from "../test/fixtures";
import { TEST_ENV } from "../test/test-env";
import { MIGRATIONS } from "./index";
import { MemberOptionalCriterion1796300000000 } from "./1796300000000-member-criterion-9";

const adminUrl = () => process.env[TEST_ENV.adminUrl]!;
const urlFor = (db: string) => process.env[TEST_ENV.urlPattern]!.replace("__DB__", db);

/** The migrations before the ones under test. */
const BEFORE = MIGRATIONS.slice(
  0,
  MIGRATIONS.findIndex((M) => M === MemberOptionalCriterion1796300000000),
);

describe("criterion 9 per member and expectation scope (data migrations)", () => {
  it("copies the candidature's criterion 9 to each member and cleans the answers, and back down", async () => {
    const name = randomDatabaseName("ldm_test_mig");
    await adminQuery(adminUrl(), `CREATE DATABASE ${name}`);
    try {
      // The schema as it was, with data in it.
      const old = new DataSource({
        type: "postgres",
        url: urlFor(name),
        entities: ENTITIES,
        migrations: BEFORE,
        migrationsTableName: "typeorm_migrations",
        uuidExtension: "pgcrypto",
        installExtensions: false,
      });
      await old.initialize();
      const ids: Record<string, string> = {};
      try {
        await old.runMigrations({ transaction: "each" });
        const [a, b, c] = [
          await insertEstablishment(old),
          await insertEstablishment(old),
          await insertEstablishment(old),
        ];
        const candidature = async (kind: string, variant: string | null) => {
          const [row] = (await old.query(
            `INSERT INTO candidature (kind, award_type, state, referential_version, optional_criterion_variant)
             VALUES ($1, 'FIRST_AWARD', 'DOSSIER_OPEN', $2, $3) RETURNING id`,
            [kind, CURRENT_REFERENTIAL_VERSION, variant],
          )) as { id: string }[];
          return row!.id;
        };
        ids.network = await candidature("NETWORK", "B");
        ids.individual = await candidature("INDIVIDUAL", "A");
        for (const [candidatureId, establishmentId, isLead] of [
          [ids.network, a!.id, true],
          [ids.network, b!.id, false],
          [ids.individual, c!.id, true],
        ] as const) {
          await old.query(
            "INSERT INTO co_applicant (candidature_id, establishment_id, is_lead) VALUES ($1, $2, $3)",
            [candidatureId, establishmentId, isLead],
          );
        }
        const answer = async (
          candidatureId: string,
          establishmentId: string,
          code: string,
          expectations: string[],
        ) =>
          old.query(
            `INSERT INTO criterion_response (candidature_id, establishment_id, criterion_code, addressed_expectation_ids)
             VALUES ($1, $2, $3, $4)`,
            [candidatureId, establishmentId, code, expectations],
          );
        await answer(ids.network, a!.id, "4", ["4.1", "4.7", "4.8"]);
        await answer(ids.network, a!.id, "6", ["6.1", "6.9", "6.10"]);
        await answer(ids.individual, c!.id, "4", ["4.7", "4.1", "4.8"]);
        await answer(ids.individual, c!.id, "6", ["6.10", "6.9", "6.2"]);
        await answer(ids.individual, c!.id, "8", ["8.18"]);
        await answer(ids.individual, c!.id, "1", ["1.1", "1.2"]);
      } finally {
        await old.destroy();
      }

      const ds = createDataSource({ url: urlFor(name) });
      await ds.initialize();
      try {
        expect(await runMigrations(ds)).toHaveLength(MIGRATIONS.length - BEFORE.length);
        const members = (await ds.query(
          "SELECT candidature_id, is_lead, optional_criterion_variant AS v FROM co_applicant ORDER BY candidature_id, is_lead DESC",
        )) as { candidature_id: string; is_lead: boolean; v: string | null }[];
        const variantsOf = (id: string) =>
          members.filter((m) => m.candidature_id === id).map((m) => m.v);
        expect(variantsOf(ids.network!)).toEqual(["B", "B"]);
        expect(variantsOf(ids.individual!)).toEqual(["A"]);
        const answers = async (id: string) =>
          Object.fromEntries(
            (
              (await ds.query(
                "SELECT criterion_code, addressed_expectation_ids FROM criterion_response WHERE candidature_id = $1",
                [id],
              )) as { criterion_code: string; addressed_expectation_ids: string[] }[]
            ).map((r) => [r.criterion_code, r.addressed_expectation_ids]),
          );
        // A network keeps its network-only expectations; nobody keeps « 6.10 »; the order stays.
        expect(await answers(ids.network!)).toEqual({
          "4": ["4.1", "4.7", "4.8"],
          "6": ["6.1", "6.9"],
        });
        expect(await answers(ids.individual!)).toEqual({
          "4": ["4.1", "4.8"],
          "6": ["6.2"],
          "8": [],
          "1": ["1.1", "1.2"],
        });
        // The list written in the migration is the referential's.
        const networkOnly = getReferential(CURRENT_REFERENTIAL_VERSION)
          .criteria.flatMap((c) => c.expectations)
          .filter((e) => e.scope === "NETWORK")
          .map((e) => e.id);
        expect(networkOnly).toEqual(["4.7", "5.6", "6.9", "8.18"]);

        // Down: the candidature takes its lead's choice back.
        await ds.query(
          "UPDATE co_applicant SET optional_criterion_variant = 'A' WHERE candidature_id = $1 AND is_lead",
          [ids.network],
        );
        // Every migration after BEFORE goes down (the later ones first), the two under test last.
        for (let n = MIGRATIONS.length - BEFORE.length; n > 0; n--) await ds.undoLastMigration();
        expect(
          await ds.query("SELECT id, optional_criterion_variant AS v FROM candidature ORDER BY id"),
        ).toEqual(
          [
            { id: ids.network, v: "A" },
            { id: ids.individual, v: "A" },
          ].sort((x, y) => x.id!.localeCompare(y.id!)),
        );
      } finally {
        await ds.destroy();
      }
    } finally {
      await adminQuery(adminUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
