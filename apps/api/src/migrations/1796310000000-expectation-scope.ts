import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The expectations that begin « Dans le cas de candidatures en réseau » bind network candidatures only
 * (4.7, 5.6, 6.9, 8.18 in referential paca-2024.1): they are taken off the answers of individual
 * candidatures. « 6.10 » was the Euroscol rule, which is a rule and not an expectation: it is taken off
 * every answer. Frozen dossiers (submitted) keep what was filed. The lists are written out here, not
 * read from @ldm/domain, so that this migration does the same thing whatever the referential becomes.
 */
const NETWORK_ONLY_EXPECTATION_IDS = ["4.7", "5.6", "6.9", "8.18"];
const RETIRED_EXPECTATION_IDS = ["6.10"];

export class ExpectationScope1796310000000 implements MigrationInterface {
  name = "ExpectationScope1796310000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "criterion_response" r
          SET "addressed_expectation_ids" = ARRAY(
            SELECT id FROM unnest(r."addressed_expectation_ids") WITH ORDINALITY AS a(id, n)
             WHERE id <> ALL($1::text[]) ORDER BY n)
         WHERE r."addressed_expectation_ids" && $1::text[]`,
      [RETIRED_EXPECTATION_IDS],
    );
    await queryRunner.query(
      `UPDATE "criterion_response" r
          SET "addressed_expectation_ids" = ARRAY(
            SELECT id FROM unnest(r."addressed_expectation_ids") WITH ORDINALITY AS a(id, n)
             WHERE id <> ALL($1::text[]) ORDER BY n)
         FROM "candidature" c
        WHERE c."id" = r."candidature_id" AND c."kind" = 'INDIVIDUAL'
          AND r."addressed_expectation_ids" && $1::text[]`,
      [NETWORK_ONLY_EXPECTATION_IDS],
    );
  }

  async down(): Promise<void> {
    // Nothing to put back: those ids were not answers a candidature of that kind could give.
  }
}
