import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Before the audit: each establishment's inspecteur référent (an inspector's account, or a name), the
 * preparatory visit of a candidature with its attendees, and the audit plan (versioned JSON content,
 * `@ldm/contracts`' audit-plan contract).
 */
export class Preparation1796400000000 implements MigrationInterface {
  name = "Preparation1796400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "referent_inspector" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "establishment_id" uuid NOT NULL, "user_id" uuid, "full_name" text, "email" text, CONSTRAINT "ck_referent_inspector_email" CHECK (user_id IS NULL OR email IS NULL), CONSTRAINT "ck_referent_inspector_identity" CHECK ((user_id IS NULL) <> (full_name IS NULL)), CONSTRAINT "PK_040e6696ccefabbf18ac6ae233e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_056a01573f3bbeb836f54b4489" ON "referent_inspector"  ("establishment_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_609eab370ec9637c7e0a0268f6" ON "referent_inspector"  ("user_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "preparatory_visit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "planned_on" date NOT NULL, "held_on" date, "notes" text, "recorded_at" TIMESTAMP(3) WITH TIME ZONE, "recorded_by" uuid, CONSTRAINT "uq_preparatory_visit_candidature" UNIQUE ("candidature_id"), CONSTRAINT "PK_748d07335e453d5b777c3308df6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_581d2f1524813e609222b40961" ON "preparatory_visit"  ("candidature_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "preparatory_visit_attendee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "visit_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "user_id" uuid, "establishment_id" uuid, "full_name" text NOT NULL, "job_title" text, CONSTRAINT "ck_visit_attendee_kind" CHECK (kind IN (\'DRAFPIC\',\'REFERENT_INSPECTOR\',\'OTHER\')), CONSTRAINT "PK_3d5fdc09d679e0a7fc54be8dee6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8f8fcfb43bdcbdafe0ff946add" ON "preparatory_visit_attendee"  ("visit_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_72ae4737fb1fb3216888c421ee" ON "preparatory_visit_attendee"  ("user_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "content" jsonb NOT NULL, "audit_date" date, "due_date" date, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "submitted_by" uuid, "updated_by" uuid, CONSTRAINT "uq_audit_plan_candidature" UNIQUE ("candidature_id"), CONSTRAINT "PK_3fff9309dfdb68dc606ac5efd54" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_55fab7bf920fa1bdcaf7efc0ac" ON "audit_plan"  ("candidature_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "referent_inspector" ADD CONSTRAINT "FK_056a01573f3bbeb836f54b44892" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "referent_inspector" ADD CONSTRAINT "FK_609eab370ec9637c7e0a0268f65" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "preparatory_visit" ADD CONSTRAINT "FK_581d2f1524813e609222b409610" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "preparatory_visit_attendee" ADD CONSTRAINT "FK_8f8fcfb43bdcbdafe0ff946add1" FOREIGN KEY ("visit_id") REFERENCES "preparatory_visit"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "preparatory_visit_attendee" ADD CONSTRAINT "FK_72ae4737fb1fb3216888c421ee9" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "preparatory_visit_attendee" ADD CONSTRAINT "FK_f1303afa70158eb39d88ebb758b" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_plan" ADD CONSTRAINT "FK_55fab7bf920fa1bdcaf7efc0acf" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "audit_plan" DROP CONSTRAINT "FK_55fab7bf920fa1bdcaf7efc0acf"',
    );
    await queryRunner.query(
      'ALTER TABLE "preparatory_visit_attendee" DROP CONSTRAINT "FK_f1303afa70158eb39d88ebb758b"',
    );
    await queryRunner.query(
      'ALTER TABLE "preparatory_visit_attendee" DROP CONSTRAINT "FK_72ae4737fb1fb3216888c421ee9"',
    );
    await queryRunner.query(
      'ALTER TABLE "preparatory_visit_attendee" DROP CONSTRAINT "FK_8f8fcfb43bdcbdafe0ff946add1"',
    );
    await queryRunner.query(
      'ALTER TABLE "preparatory_visit" DROP CONSTRAINT "FK_581d2f1524813e609222b409610"',
    );
    await queryRunner.query(
      'ALTER TABLE "referent_inspector" DROP CONSTRAINT "FK_609eab370ec9637c7e0a0268f65"',
    );
    await queryRunner.query(
      'ALTER TABLE "referent_inspector" DROP CONSTRAINT "FK_056a01573f3bbeb836f54b44892"',
    );
    await queryRunner.query('DROP TABLE "audit_plan"');
    await queryRunner.query('DROP TABLE "preparatory_visit_attendee"');
    await queryRunner.query('DROP TABLE "preparatory_visit"');
    await queryRunner.query('DROP TABLE "referent_inspector"');
  }
}
