import type { MigrationInterface, QueryRunner } from "typeorm";

export class Dossier1795800365743 implements MigrationInterface {
  name = "Dossier1795800365743";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "unit" text, "direction" text NOT NULL DEFAULT \'NEUTRAL\', "target" text, "source" text NOT NULL, "criterion_codes" text array NOT NULL, CONSTRAINT "PK_4693fe4c2cb912a71e05c589e7e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2669840adef6486f39eff8d058" ON "indicator"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_158ee625423dfadae5f1bcf704" ON "indicator"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "indicator_value" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "indicator_id" uuid NOT NULL, "school_year" text NOT NULL, "numeric_value" double precision, "text_value" text, CONSTRAINT "uq_indicator_value_year" UNIQUE ("indicator_id", "school_year"), CONSTRAINT "PK_ea77b6059a4a7f24be8e748d541" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fb4de0d5692458e282e755eb23" ON "indicator_value"  ("indicator_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid, "title" text NOT NULL, "kind" text NOT NULL, "effective_date" date NOT NULL, "criterion_codes" text array NOT NULL, "current_revision" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_cc11b8779d92b43e7c9563704c" ON "evidence"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7b0265a962048551d50012f037" ON "evidence"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "evidence_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "evidence_id" uuid NOT NULL, "revision" integer NOT NULL, "sha256" text NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "size_bytes" integer NOT NULL, "uploaded_by" uuid, CONSTRAINT "uq_evidence_revision" UNIQUE ("evidence_id", "revision"), CONSTRAINT "PK_9d2832e508430ee40b41104465e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_71bd4b91d6b638c5f1002d2848" ON "evidence_revision"  ("evidence_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d37521f20192b5e2dea166e751" ON "evidence_revision"  ("sha256") ',
    );
    await queryRunner.query(
      'CREATE TABLE "engagement_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid NOT NULL, "kind" text NOT NULL, "sha256" text NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "size_bytes" integer NOT NULL, "uploaded_by" uuid, CONSTRAINT "PK_5540c181833006a0f2bae6319c1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7dd0b9df5100f281b058c5da45" ON "engagement_document"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_45d5497a17bbf4be571feb60d6" ON "engagement_document"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9ef87ddc4eb495ad5a8c1a435b" ON "engagement_document"  ("sha256") ',
    );
    await queryRunner.query(
      'CREATE TABLE "dossier_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "submitted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "sha256" text NOT NULL, "content" jsonb NOT NULL, CONSTRAINT "PK_5bc8a2a3e13897b00c70643688f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_105906da768f4044a9558df629" ON "dossier_snapshot"  ("candidature_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "co_applicant" ADD "submission_approved_at" TIMESTAMP(3) WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "co_applicant" ADD "submission_approved_by" uuid');
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "planned" text NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "done" text NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "measured" text NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "improved" text NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query('ALTER TABLE "criterion_response" ADD "self_assessed_level" text');
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "addressed_expectation_ids" text array NOT NULL DEFAULT \'{}\'',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "qualeduc_fiche_codes" text array NOT NULL DEFAULT \'{}\'',
    );
    await queryRunner.query('ALTER TABLE "criterion_response" ADD "emblematic_action_title" text');
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "emblematic_action_description" text',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "met_by_euroscol" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD "cited_evidence_ids" uuid array NOT NULL DEFAULT \'{}\'',
    );
    await queryRunner.query(
      'ALTER TABLE "indicator" ADD CONSTRAINT "FK_2669840adef6486f39eff8d0582" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "indicator" ADD CONSTRAINT "FK_158ee625423dfadae5f1bcf704d" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "indicator_value" ADD CONSTRAINT "FK_fb4de0d5692458e282e755eb235" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "FK_cc11b8779d92b43e7c9563704c9" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "FK_7b0265a962048551d50012f0379" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence_revision" ADD CONSTRAINT "FK_71bd4b91d6b638c5f1002d2848d" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "engagement_document" ADD CONSTRAINT "FK_7dd0b9df5100f281b058c5da45c" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "engagement_document" ADD CONSTRAINT "FK_45d5497a17bbf4be571feb60d6c" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_snapshot" ADD CONSTRAINT "FK_105906da768f4044a9558df629e" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The submitted dossier is immutable.
    await queryRunner.query(
      'CREATE TRIGGER dossier_snapshot_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON "dossier_snapshot" FOR EACH STATEMENT EXECUTE FUNCTION ldm_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER dossier_snapshot_immutable ON "dossier_snapshot"');
    await queryRunner.query(
      'ALTER TABLE "dossier_snapshot" DROP CONSTRAINT "FK_105906da768f4044a9558df629e"',
    );
    await queryRunner.query(
      'ALTER TABLE "engagement_document" DROP CONSTRAINT "FK_45d5497a17bbf4be571feb60d6c"',
    );
    await queryRunner.query(
      'ALTER TABLE "engagement_document" DROP CONSTRAINT "FK_7dd0b9df5100f281b058c5da45c"',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence_revision" DROP CONSTRAINT "FK_71bd4b91d6b638c5f1002d2848d"',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" DROP CONSTRAINT "FK_7b0265a962048551d50012f0379"',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" DROP CONSTRAINT "FK_cc11b8779d92b43e7c9563704c9"',
    );
    await queryRunner.query(
      'ALTER TABLE "indicator_value" DROP CONSTRAINT "FK_fb4de0d5692458e282e755eb235"',
    );
    await queryRunner.query(
      'ALTER TABLE "indicator" DROP CONSTRAINT "FK_158ee625423dfadae5f1bcf704d"',
    );
    await queryRunner.query(
      'ALTER TABLE "indicator" DROP CONSTRAINT "FK_2669840adef6486f39eff8d0582"',
    );
    await queryRunner.query('ALTER TABLE "criterion_response" DROP COLUMN "cited_evidence_ids"');
    await queryRunner.query('ALTER TABLE "criterion_response" DROP COLUMN "met_by_euroscol"');
    await queryRunner.query(
      'ALTER TABLE "criterion_response" DROP COLUMN "emblematic_action_description"',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" DROP COLUMN "emblematic_action_title"',
    );
    await queryRunner.query('ALTER TABLE "criterion_response" DROP COLUMN "qualeduc_fiche_codes"');
    await queryRunner.query(
      'ALTER TABLE "criterion_response" DROP COLUMN "addressed_expectation_ids"',
    );
    await queryRunner.query('ALTER TABLE "criterion_response" DROP COLUMN "self_assessed_level"');
    await queryRunner.query('ALTER TABLE "criterion_response" DROP COLUMN "improved"');
    await queryRunner.query('ALTER TABLE "criterion_response" DROP COLUMN "measured"');
    await queryRunner.query('ALTER TABLE "criterion_response" DROP COLUMN "done"');
    await queryRunner.query('ALTER TABLE "criterion_response" DROP COLUMN "planned"');
    await queryRunner.query('ALTER TABLE "co_applicant" DROP COLUMN "submission_approved_by"');
    await queryRunner.query('ALTER TABLE "co_applicant" DROP COLUMN "submission_approved_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_105906da768f4044a9558df629"');
    await queryRunner.query('DROP TABLE "dossier_snapshot"');
    await queryRunner.query('DROP INDEX "public"."IDX_9ef87ddc4eb495ad5a8c1a435b"');
    await queryRunner.query('DROP INDEX "public"."IDX_45d5497a17bbf4be571feb60d6"');
    await queryRunner.query('DROP INDEX "public"."IDX_7dd0b9df5100f281b058c5da45"');
    await queryRunner.query('DROP TABLE "engagement_document"');
    await queryRunner.query('DROP INDEX "public"."IDX_d37521f20192b5e2dea166e751"');
    await queryRunner.query('DROP INDEX "public"."IDX_71bd4b91d6b638c5f1002d2848"');
    await queryRunner.query('DROP TABLE "evidence_revision"');
    await queryRunner.query('DROP INDEX "public"."IDX_7b0265a962048551d50012f037"');
    await queryRunner.query('DROP INDEX "public"."IDX_cc11b8779d92b43e7c9563704c"');
    await queryRunner.query('DROP TABLE "evidence"');
    await queryRunner.query('DROP INDEX "public"."IDX_fb4de0d5692458e282e755eb23"');
    await queryRunner.query('DROP TABLE "indicator_value"');
    await queryRunner.query('DROP INDEX "public"."IDX_158ee625423dfadae5f1bcf704"');
    await queryRunner.query('DROP INDEX "public"."IDX_2669840adef6486f39eff8d058"');
    await queryRunner.query('DROP TABLE "indicator"');
  }
}
