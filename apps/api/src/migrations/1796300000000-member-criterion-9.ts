import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Criterion 9 is « au choix de l'établissement »: in a network each co-applicant chooses 9-a, 9-b or
 * none. The choice moves from the candidature (one for all) to each member, which keeps the value its
 * candidature had; the candidature's column goes (the lead's choice is read from its member row).
 */
export class MemberOptionalCriterion1796300000000 implements MigrationInterface {
  name = "MemberOptionalCriterion1796300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "co_applicant" ADD "optional_criterion_variant" text');
    await queryRunner.query(
      `UPDATE "co_applicant" m SET "optional_criterion_variant" = c."optional_criterion_variant"
         FROM "candidature" c WHERE c."id" = m."candidature_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_applicant" ADD CONSTRAINT "ck_co_applicant_optional_criterion" CHECK (optional_criterion_variant IN ('A','B'))`,
    );
    await queryRunner.query('ALTER TABLE "candidature" DROP COLUMN "optional_criterion_variant"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "candidature" ADD "optional_criterion_variant" text');
    // One value per candidature again: the lead's choice.
    await queryRunner.query(
      `UPDATE "candidature" c SET "optional_criterion_variant" = m."optional_criterion_variant"
         FROM "co_applicant" m WHERE m."candidature_id" = c."id" AND m."is_lead"`,
    );
    await queryRunner.query(
      'ALTER TABLE "co_applicant" DROP CONSTRAINT "ck_co_applicant_optional_criterion"',
    );
    await queryRunner.query('ALTER TABLE "co_applicant" DROP COLUMN "optional_criterion_variant"');
  }
}
