import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The label of an establishment, created by the BOEN publication of the candidature that obtained it:
 * title, start (publication), end (five years later), mid-term follow-up due date, status.
 */
export class Label1796600000000 implements MigrationInterface {
  name = "Label1796600000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "label" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid NOT NULL, "title" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "mid_term_review_due_date" date NOT NULL, "status" text NOT NULL DEFAULT \'CURRENT\', "boen_reference" text, CONSTRAINT "uq_label_candidature_establishment" UNIQUE ("candidature_id", "establishment_id"), CONSTRAINT "ck_label_dates" CHECK (start_date < mid_term_review_due_date AND mid_term_review_due_date < end_date), CONSTRAINT "ck_label_status" CHECK (status IN (\'CURRENT\',\'EXPIRED\',\'SUPERSEDED\')), CONSTRAINT "PK_5692ac5348861d3776eb5843672" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_56e2dad6ed1e3a0aa929c1fba4" ON "label"  ("candidature_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6eb91fccde1a83e987b219baa1" ON "label"  ("establishment_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ddc7458b30abccb35b26ec1f07" ON "label"  ("end_date")',
    );
    await queryRunner.query('CREATE INDEX "IDX_b5ea1b0071defa784bea0b629f" ON "label"  ("status")');
    await queryRunner.query('CREATE INDEX "idx_label_start" ON "label"  ("start_date", "id")');
    await queryRunner.query(
      'ALTER TABLE "label" ADD CONSTRAINT "FK_56e2dad6ed1e3a0aa929c1fba46" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "label" ADD CONSTRAINT "FK_6eb91fccde1a83e987b219baa1a" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "label" DROP CONSTRAINT "FK_6eb91fccde1a83e987b219baa1a"');
    await queryRunner.query('ALTER TABLE "label" DROP CONSTRAINT "FK_56e2dad6ed1e3a0aa929c1fba46"');
    await queryRunner.query('DROP INDEX "public"."idx_label_start"');
    await queryRunner.query('DROP INDEX "public"."IDX_b5ea1b0071defa784bea0b629f"');
    await queryRunner.query('DROP INDEX "public"."IDX_ddc7458b30abccb35b26ec1f07"');
    await queryRunner.query('DROP INDEX "public"."IDX_6eb91fccde1a83e987b219baa1"');
    await queryRunner.query('DROP INDEX "public"."IDX_56e2dad6ed1e3a0aa929c1fba4"');
    await queryRunner.query('DROP TABLE "label"');
  }
}
