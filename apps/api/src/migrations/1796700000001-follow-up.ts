import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The label's five years: the mid-term follow-up (who came, the status of each commitment of the audit)
 * and where a renewal's copied indicators and evidence come from.
 */
export class FollowUp1796700000001 implements MigrationInterface {
  name = "FollowUp1796700000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mid_term_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "held_on" date NOT NULL, "findings" text NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "recorded_by" uuid, CONSTRAINT "uq_mid_term_review_candidature" UNIQUE ("candidature_id"), CONSTRAINT "PK_9ed0e025e45b740cdd73486831c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d1ae18560ebd418abcf55402d6" ON "mid_term_review"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mid_term_review_attendee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "review_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "user_id" uuid, "establishment_id" uuid, "full_name" text NOT NULL, "job_title" text, CONSTRAINT "ck_mid_term_attendee_kind" CHECK (kind IN (\'DRAFPIC\',\'REFERENT_INSPECTOR\',\'OTHER\')), CONSTRAINT "PK_79441d4e367588463a344e140d7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a826dcc6edf36e17719300b862" ON "mid_term_review_attendee"  ("review_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2a36ab4eb655995db540973fdc" ON "mid_term_review_attendee"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "commitment_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "review_id" uuid NOT NULL, "commitment_id" uuid NOT NULL, "position" integer NOT NULL, "progress" text NOT NULL, "comment" text, CONSTRAINT "uq_commitment_review" UNIQUE ("review_id", "commitment_id"), CONSTRAINT "ck_commitment_review_progress" CHECK (progress IN (\'DONE\',\'IN_PROGRESS\',\'NOT_STARTED\',\'ABANDONED\')), CONSTRAINT "PK_c183881d028e724762baeba4765" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ee12e91bfc03401c6daf9acbe0" ON "commitment_review"  ("review_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d4ba655777224d2c44fc60dbb1" ON "commitment_review"  ("commitment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "renewal_origin" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "indicator_id" uuid, "evidence_id" uuid, "previous_id" text NOT NULL, CONSTRAINT "ck_renewal_origin_item" CHECK ((indicator_id IS NULL) <> (evidence_id IS NULL)), CONSTRAINT "PK_6ed55b80b6d54c419412cd2bdce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_243f759505923525d2a506457c" ON "renewal_origin"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_6f0c87b299218c73c0804f5d6d" ON "renewal_origin"  ("indicator_id") WHERE indicator_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9b0d615fef3154651f2c16ab3e" ON "renewal_origin"  ("evidence_id") WHERE evidence_id IS NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "mid_term_review" ADD CONSTRAINT "FK_d1ae18560ebd418abcf55402d62" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mid_term_review_attendee" ADD CONSTRAINT "FK_a826dcc6edf36e17719300b862d" FOREIGN KEY ("review_id") REFERENCES "mid_term_review"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mid_term_review_attendee" ADD CONSTRAINT "FK_2a36ab4eb655995db540973fdcb" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mid_term_review_attendee" ADD CONSTRAINT "FK_0c962f21a0c41482e1e167c598e" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "commitment_review" ADD CONSTRAINT "FK_ee12e91bfc03401c6daf9acbe05" FOREIGN KEY ("review_id") REFERENCES "mid_term_review"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "commitment_review" ADD CONSTRAINT "FK_d4ba655777224d2c44fc60dbb13" FOREIGN KEY ("commitment_id") REFERENCES "audit_commitment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "renewal_origin" ADD CONSTRAINT "FK_243f759505923525d2a506457c1" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "renewal_origin" ADD CONSTRAINT "FK_600ee6759054c2438572eefcf63" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "renewal_origin" ADD CONSTRAINT "FK_917dc1c67778608e16ef922bfcf" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "renewal_origin" DROP CONSTRAINT "FK_917dc1c67778608e16ef922bfcf"',
    );
    await queryRunner.query(
      'ALTER TABLE "renewal_origin" DROP CONSTRAINT "FK_600ee6759054c2438572eefcf63"',
    );
    await queryRunner.query(
      'ALTER TABLE "renewal_origin" DROP CONSTRAINT "FK_243f759505923525d2a506457c1"',
    );
    await queryRunner.query(
      'ALTER TABLE "commitment_review" DROP CONSTRAINT "FK_d4ba655777224d2c44fc60dbb13"',
    );
    await queryRunner.query(
      'ALTER TABLE "commitment_review" DROP CONSTRAINT "FK_ee12e91bfc03401c6daf9acbe05"',
    );
    await queryRunner.query(
      'ALTER TABLE "mid_term_review_attendee" DROP CONSTRAINT "FK_0c962f21a0c41482e1e167c598e"',
    );
    await queryRunner.query(
      'ALTER TABLE "mid_term_review_attendee" DROP CONSTRAINT "FK_2a36ab4eb655995db540973fdcb"',
    );
    await queryRunner.query(
      'ALTER TABLE "mid_term_review_attendee" DROP CONSTRAINT "FK_a826dcc6edf36e17719300b862d"',
    );
    await queryRunner.query(
      'ALTER TABLE "mid_term_review" DROP CONSTRAINT "FK_d1ae18560ebd418abcf55402d62"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_9b0d615fef3154651f2c16ab3e"');
    await queryRunner.query('DROP INDEX "public"."IDX_6f0c87b299218c73c0804f5d6d"');
    await queryRunner.query('DROP INDEX "public"."IDX_243f759505923525d2a506457c"');
    await queryRunner.query('DROP TABLE "renewal_origin"');
    await queryRunner.query('DROP INDEX "public"."IDX_d4ba655777224d2c44fc60dbb1"');
    await queryRunner.query('DROP INDEX "public"."IDX_ee12e91bfc03401c6daf9acbe0"');
    await queryRunner.query('DROP TABLE "commitment_review"');
    await queryRunner.query('DROP INDEX "public"."IDX_2a36ab4eb655995db540973fdc"');
    await queryRunner.query('DROP INDEX "public"."IDX_a826dcc6edf36e17719300b862"');
    await queryRunner.query('DROP TABLE "mid_term_review_attendee"');
    await queryRunner.query('DROP INDEX "public"."IDX_d1ae18560ebd418abcf55402d6"');
    await queryRunner.query('DROP TABLE "mid_term_review"');
  }
}
