import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The audit (issue 12, assessment): the team's roles and each auditor's declaration of independence
 * and confidentiality on `candidature_auditor`; the grid (`assessment_entry`: drafts and the team's
 * assessment), the findings (`improvement_area`, `audit_commitment`), the report (`audit_report`) and
 * the log of the writes replayed by offline clients (`assessment_write`).
 */
export class Assessment1796500000000 implements MigrationInterface {
  name = "Assessment1796500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assessment_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid NOT NULL, "criterion_code" text NOT NULL, "expectation_id" text NOT NULL DEFAULT \'\', "auditor_id" uuid, "level" text, "comment" text NOT NULL DEFAULT \'\', "strengths" text NOT NULL DEFAULT \'\', "version" integer NOT NULL DEFAULT \'1\', "updated_by" uuid, CONSTRAINT "ck_assessment_entry_level" CHECK (level IN (\'NOT_MET\',\'PARTIALLY_MET\',\'MET\',\'EXCEEDED\')), CONSTRAINT "PK_47bc7c403c60d0c766c30298a5f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_68293cb6ce623da8cab4b0be5d" ON "assessment_entry"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_46482168cf552a95c534868fae" ON "assessment_entry"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e9011b2d159c2b763b777ec39c" ON "assessment_entry"  ("auditor_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_assessment_entry_team" ON "assessment_entry"  ("candidature_id", "establishment_id", "criterion_code", "expectation_id") WHERE auditor_id IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_assessment_entry_draft" ON "assessment_entry"  ("candidature_id", "establishment_id", "criterion_code", "expectation_id", "auditor_id") WHERE auditor_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "improvement_area" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid, "criterion_code" text, "description" text NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "removed_at" TIMESTAMP(3) WITH TIME ZONE, "updated_by" uuid, "severity" text NOT NULL, CONSTRAINT "ck_improvement_area_severity" CHECK (severity IN (\'MAJOR\',\'MINOR\')), CONSTRAINT "PK_ca8bbb6bdfb92dc1a548ede434f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_acee69b549f25b3050e143becb" ON "improvement_area"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_431090eab10d05e22165db5311" ON "improvement_area"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_commitment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid, "criterion_code" text, "description" text NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "removed_at" TIMESTAMP(3) WITH TIME ZONE, "updated_by" uuid, "owner" text NOT NULL, "due_on" date NOT NULL, "improvement_area_id" uuid, CONSTRAINT "PK_85f8066d0c8cea39592529bbc8a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_58f4a6e277e31fb148a07386ba" ON "audit_commitment"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c94ce107a5c4a23dedd3e83e70" ON "audit_commitment"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_50e10a85273543bfb192c1a2bd" ON "audit_commitment"  ("improvement_area_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "status" text NOT NULL DEFAULT \'DRAFT\', "recommendation" text, "summary" text NOT NULL DEFAULT \'\', "proposed_label_title" text, "version" integer NOT NULL DEFAULT \'1\', "finalised_at" TIMESTAMP(3) WITH TIME ZONE, "finalised_by" uuid, "updated_by" uuid, CONSTRAINT "uq_audit_report_candidature" UNIQUE ("candidature_id"), CONSTRAINT "ck_audit_report_recommendation" CHECK (recommendation IN (\'FAVOURABLE\',\'FAVOURABLE_WITH_RESERVATIONS\',\'UNFAVOURABLE\',\'POSTPONED\')), CONSTRAINT "ck_audit_report_status" CHECK (status IN (\'DRAFT\',\'FINAL\')), CONSTRAINT "PK_527e86de35710ed91fd60d49261" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9c3e41bf073cd6dbced2707b84" ON "audit_report"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_write" ("id" uuid NOT NULL, "candidature_id" uuid NOT NULL, "user_id" uuid NOT NULL, "target_type" text NOT NULL, "target_id" uuid NOT NULL, "content_sha256" text NOT NULL, "result" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_224bac7478d1824733b9acfe989" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8f802925e23383e3665fa5e0ba" ON "assessment_write"  ("candidature_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" ADD "team_role" text NOT NULL DEFAULT \'MEMBER\'',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" ADD "declaration_signed_at" TIMESTAMP(3) WITH TIME ZONE',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" ADD "declaration_text_version" text',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" ADD "declared_establishment_ids" uuid array NOT NULL DEFAULT \'{}\'',
    );
    // Teams formed before: their first inspector leads (DRAFPIC changes it with setAuditTeam).
    await queryRunner.query(
      `UPDATE "candidature_auditor" a SET "team_role" = 'LEAD'
         WHERE a."id" IN (
           SELECT DISTINCT ON (x."candidature_id") x."id"
             FROM "candidature_auditor" x JOIN "app_user" u ON u."id" = x."user_id"
            WHERE u."auditor_profile" = 'INSPECTOR'
            ORDER BY x."candidature_id", x."created_at", x."id")`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_candidature_auditor_lead" ON "candidature_auditor"  ("candidature_id") WHERE team_role = \'LEAD\'',
    );
    await queryRunner.query(
      "ALTER TABLE \"candidature_auditor\" ADD CONSTRAINT \"ck_candidature_auditor_team_role\" CHECK (team_role IN ('LEAD','MEMBER'))",
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_entry" ADD CONSTRAINT "FK_68293cb6ce623da8cab4b0be5d3" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_entry" ADD CONSTRAINT "FK_46482168cf552a95c534868faee" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_entry" ADD CONSTRAINT "FK_e9011b2d159c2b763b777ec39c1" FOREIGN KEY ("auditor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "improvement_area" ADD CONSTRAINT "FK_acee69b549f25b3050e143becb2" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "improvement_area" ADD CONSTRAINT "FK_431090eab10d05e22165db5311d" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_commitment" ADD CONSTRAINT "FK_58f4a6e277e31fb148a07386ba0" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_commitment" ADD CONSTRAINT "FK_c94ce107a5c4a23dedd3e83e70b" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_commitment" ADD CONSTRAINT "FK_50e10a85273543bfb192c1a2bdb" FOREIGN KEY ("improvement_area_id") REFERENCES "improvement_area"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_report" ADD CONSTRAINT "FK_9c3e41bf073cd6dbced2707b845" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_write" ADD CONSTRAINT "FK_8f802925e23383e3665fa5e0ba6" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "assessment_write" DROP CONSTRAINT "FK_8f802925e23383e3665fa5e0ba6"',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_report" DROP CONSTRAINT "FK_9c3e41bf073cd6dbced2707b845"',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_commitment" DROP CONSTRAINT "FK_50e10a85273543bfb192c1a2bdb"',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_commitment" DROP CONSTRAINT "FK_c94ce107a5c4a23dedd3e83e70b"',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_commitment" DROP CONSTRAINT "FK_58f4a6e277e31fb148a07386ba0"',
    );
    await queryRunner.query(
      'ALTER TABLE "improvement_area" DROP CONSTRAINT "FK_431090eab10d05e22165db5311d"',
    );
    await queryRunner.query(
      'ALTER TABLE "improvement_area" DROP CONSTRAINT "FK_acee69b549f25b3050e143becb2"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_entry" DROP CONSTRAINT "FK_e9011b2d159c2b763b777ec39c1"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_entry" DROP CONSTRAINT "FK_46482168cf552a95c534868faee"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_entry" DROP CONSTRAINT "FK_68293cb6ce623da8cab4b0be5d3"',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" DROP CONSTRAINT "ck_candidature_auditor_team_role"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_candidature_auditor_lead"');
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" DROP COLUMN "declared_establishment_ids"',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" DROP COLUMN "declaration_text_version"',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" DROP COLUMN "declaration_signed_at"',
    );
    await queryRunner.query('ALTER TABLE "candidature_auditor" DROP COLUMN "team_role"');
    await queryRunner.query('DROP INDEX "public"."IDX_8f802925e23383e3665fa5e0ba"');
    await queryRunner.query('DROP TABLE "assessment_write"');
    await queryRunner.query('DROP INDEX "public"."IDX_9c3e41bf073cd6dbced2707b84"');
    await queryRunner.query('DROP TABLE "audit_report"');
    await queryRunner.query('DROP INDEX "public"."IDX_50e10a85273543bfb192c1a2bd"');
    await queryRunner.query('DROP INDEX "public"."IDX_c94ce107a5c4a23dedd3e83e70"');
    await queryRunner.query('DROP INDEX "public"."IDX_58f4a6e277e31fb148a07386ba"');
    await queryRunner.query('DROP TABLE "audit_commitment"');
    await queryRunner.query('DROP INDEX "public"."IDX_431090eab10d05e22165db5311"');
    await queryRunner.query('DROP INDEX "public"."IDX_acee69b549f25b3050e143becb"');
    await queryRunner.query('DROP TABLE "improvement_area"');
    await queryRunner.query('DROP INDEX "public"."uq_assessment_entry_draft"');
    await queryRunner.query('DROP INDEX "public"."uq_assessment_entry_team"');
    await queryRunner.query('DROP INDEX "public"."IDX_e9011b2d159c2b763b777ec39c"');
    await queryRunner.query('DROP INDEX "public"."IDX_46482168cf552a95c534868fae"');
    await queryRunner.query('DROP INDEX "public"."IDX_68293cb6ce623da8cab4b0be5d"');
    await queryRunner.query('DROP TABLE "assessment_entry"');
  }
}
