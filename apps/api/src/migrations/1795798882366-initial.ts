import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795798882366 implements MigrationInterface {
  name = "Initial1795798882366";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "academie" ("code" text NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_a6c512f8e590fc682011c1350ac" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "departement" ("code" text NOT NULL, "name" text NOT NULL, "academie_code" text NOT NULL, CONSTRAINT "PK_ada6d1fc4f9bf4122ecb2966c78" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bab53eab14ef17302ede0fb734" ON "departement"  ("academie_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "establishment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "uai" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "sector" text NOT NULL, "city" text NOT NULL, "academie_code" text NOT NULL, "departement_code" text NOT NULL, CONSTRAINT "PK_149bd9dc1f2bd4e825a0c474932" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_ed9698a04cffea4eddbbdb1c2d" ON "establishment"  ("uai") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_58a3c0e6b35c7e30aa3a58b3af" ON "establishment"  ("name") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3a72d62c367de8888f87466ac4" ON "establishment"  ("kind") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b997e0cc3f4b19090cda532b88" ON "establishment"  ("academie_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_dbc910b50367507e2f590db6b1" ON "establishment"  ("departement_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "candidature" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "kind" text NOT NULL, "award_type" text NOT NULL, "state" text NOT NULL, "referential_version" text NOT NULL, "label_title" text, "optional_criterion_variant" text, "audit_date" date, "publication_date" date, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "renews_candidature_id" uuid, CONSTRAINT "PK_35a6008b023f10df280baced5bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6786de7a0f340540907facc120" ON "candidature"  ("kind") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c07d80821391c3959101dbc592" ON "candidature"  ("state") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_adaac782c89f1da02fb52495b1" ON "candidature"  ("renews_candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_230e8a7230d9c3402c81b6e65a" ON "candidature"  ("created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "co_applicant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid NOT NULL, "is_lead" boolean NOT NULL DEFAULT false, "engagement_letter_on" date, "board_minutes_on" date, CONSTRAINT "uq_co_applicant_member" UNIQUE ("candidature_id", "establishment_id"), CONSTRAINT "PK_d71eb62d65d8e7bcee78e40fdc4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0ec8d16e7351456f45d17df536" ON "co_applicant"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a72c629307c4579609b1ef0328" ON "co_applicant"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_co_applicant_lead" ON "co_applicant"  ("candidature_id") WHERE is_lead',
    );
    await queryRunner.query(
      'CREATE TABLE "criterion_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "criterion_code" text NOT NULL, "establishment_id" uuid NOT NULL, "narrative" text NOT NULL DEFAULT \'\', "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "uq_criterion_response" UNIQUE ("candidature_id", "criterion_code", "establishment_id"), CONSTRAINT "PK_b3b4a1a162ed39789ca102cdb82" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_699cb623f19849bd42ced5a786" ON "criterion_response"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d402319927ae310de25f39ee46" ON "criterion_response"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "common_strategy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "criterion_code" text NOT NULL, "text" text NOT NULL DEFAULT \'\', "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "uq_common_strategy" UNIQUE ("candidature_id", "criterion_code"), CONSTRAINT "ck_common_strategy_criterion" CHECK (criterion_code IN (\'4\',\'5\',\'6\',\'8\')), CONSTRAINT "PK_88ae7aa24db5ba46d74a3834da1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c904cbb881ebb70afac39f0d65" ON "common_strategy"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "criterion_pilot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid NOT NULL, "criterion_code" text NOT NULL, "full_name" text NOT NULL, "email" text NOT NULL, "job_title" text, CONSTRAINT "uq_criterion_pilot" UNIQUE ("candidature_id", "establishment_id", "criterion_code", "email"), CONSTRAINT "PK_6a7cad2d5e770d3c0db5181bce9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6be594787377ec4cf2f0be5cd1" ON "criterion_pilot"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_36c9576659dcd76606cfe6c440" ON "criterion_pilot"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "candidature_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "transition" text NOT NULL, "from_state" text NOT NULL, "to_state" text NOT NULL, "effective_date" date NOT NULL, "comment" text, CONSTRAINT "PK_913fa5febd155ab546beb8aca2c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_869fe1e14f38a42e4f9884d05e" ON "candidature_transition"  ("candidature_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "departement" ADD CONSTRAINT "FK_bab53eab14ef17302ede0fb734c" FOREIGN KEY ("academie_code") REFERENCES "academie"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "establishment" ADD CONSTRAINT "FK_b997e0cc3f4b19090cda532b88b" FOREIGN KEY ("academie_code") REFERENCES "academie"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "establishment" ADD CONSTRAINT "FK_dbc910b50367507e2f590db6b19" FOREIGN KEY ("departement_code") REFERENCES "departement"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature" ADD CONSTRAINT "FK_adaac782c89f1da02fb52495b10" FOREIGN KEY ("renews_candidature_id") REFERENCES "candidature"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "co_applicant" ADD CONSTRAINT "FK_0ec8d16e7351456f45d17df5360" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "co_applicant" ADD CONSTRAINT "FK_a72c629307c4579609b1ef03288" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD CONSTRAINT "FK_699cb623f19849bd42ced5a7863" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" ADD CONSTRAINT "FK_d402319927ae310de25f39ee465" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "common_strategy" ADD CONSTRAINT "FK_c904cbb881ebb70afac39f0d650" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" ADD CONSTRAINT "FK_6be594787377ec4cf2f0be5cd18" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" ADD CONSTRAINT "FK_36c9576659dcd76606cfe6c440c" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_transition" ADD CONSTRAINT "FK_869fe1e14f38a42e4f9884d05e2" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Reference data: the two académies of the région académique PACA and their départements.
    await queryRunner.query(
      "INSERT INTO \"academie\" (\"code\", \"name\") VALUES ('AIX_MARSEILLE', 'Aix-Marseille'), ('NICE', 'Nice')",
    );
    await queryRunner.query(
      'INSERT INTO "departement" ("code", "name", "academie_code") VALUES ' +
        "('04', 'Alpes-de-Haute-Provence', 'AIX_MARSEILLE'), ('05', 'Hautes-Alpes', 'AIX_MARSEILLE'), " +
        "('13', 'Bouches-du-Rhône', 'AIX_MARSEILLE'), ('84', 'Vaucluse', 'AIX_MARSEILLE'), " +
        "('06', 'Alpes-Maritimes', 'NICE'), ('83', 'Var', 'NICE')",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "candidature_transition" DROP CONSTRAINT "FK_869fe1e14f38a42e4f9884d05e2"',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" DROP CONSTRAINT "FK_36c9576659dcd76606cfe6c440c"',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" DROP CONSTRAINT "FK_6be594787377ec4cf2f0be5cd18"',
    );
    await queryRunner.query(
      'ALTER TABLE "common_strategy" DROP CONSTRAINT "FK_c904cbb881ebb70afac39f0d650"',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" DROP CONSTRAINT "FK_d402319927ae310de25f39ee465"',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_response" DROP CONSTRAINT "FK_699cb623f19849bd42ced5a7863"',
    );
    await queryRunner.query(
      'ALTER TABLE "co_applicant" DROP CONSTRAINT "FK_a72c629307c4579609b1ef03288"',
    );
    await queryRunner.query(
      'ALTER TABLE "co_applicant" DROP CONSTRAINT "FK_0ec8d16e7351456f45d17df5360"',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature" DROP CONSTRAINT "FK_adaac782c89f1da02fb52495b10"',
    );
    await queryRunner.query(
      'ALTER TABLE "establishment" DROP CONSTRAINT "FK_dbc910b50367507e2f590db6b19"',
    );
    await queryRunner.query(
      'ALTER TABLE "establishment" DROP CONSTRAINT "FK_b997e0cc3f4b19090cda532b88b"',
    );
    await queryRunner.query(
      'ALTER TABLE "departement" DROP CONSTRAINT "FK_bab53eab14ef17302ede0fb734c"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_869fe1e14f38a42e4f9884d05e"');
    await queryRunner.query('DROP TABLE "candidature_transition"');
    await queryRunner.query('DROP INDEX "public"."IDX_36c9576659dcd76606cfe6c440"');
    await queryRunner.query('DROP INDEX "public"."IDX_6be594787377ec4cf2f0be5cd1"');
    await queryRunner.query('DROP TABLE "criterion_pilot"');
    await queryRunner.query('DROP INDEX "public"."IDX_c904cbb881ebb70afac39f0d65"');
    await queryRunner.query('DROP TABLE "common_strategy"');
    await queryRunner.query('DROP INDEX "public"."IDX_d402319927ae310de25f39ee46"');
    await queryRunner.query('DROP INDEX "public"."IDX_699cb623f19849bd42ced5a786"');
    await queryRunner.query('DROP TABLE "criterion_response"');
    await queryRunner.query('DROP INDEX "public"."uq_co_applicant_lead"');
    await queryRunner.query('DROP INDEX "public"."IDX_a72c629307c4579609b1ef0328"');
    await queryRunner.query('DROP INDEX "public"."IDX_0ec8d16e7351456f45d17df536"');
    await queryRunner.query('DROP TABLE "co_applicant"');
    await queryRunner.query('DROP INDEX "public"."IDX_230e8a7230d9c3402c81b6e65a"');
    await queryRunner.query('DROP INDEX "public"."IDX_adaac782c89f1da02fb52495b1"');
    await queryRunner.query('DROP INDEX "public"."IDX_c07d80821391c3959101dbc592"');
    await queryRunner.query('DROP INDEX "public"."IDX_6786de7a0f340540907facc120"');
    await queryRunner.query('DROP TABLE "candidature"');
    await queryRunner.query('DROP INDEX "public"."IDX_dbc910b50367507e2f590db6b1"');
    await queryRunner.query('DROP INDEX "public"."IDX_b997e0cc3f4b19090cda532b88"');
    await queryRunner.query('DROP INDEX "public"."IDX_3a72d62c367de8888f87466ac4"');
    await queryRunner.query('DROP INDEX "public"."IDX_58a3c0e6b35c7e30aa3a58b3af"');
    await queryRunner.query('DROP INDEX "public"."IDX_ed9698a04cffea4eddbbdb1c2d"');
    await queryRunner.query('DROP TABLE "establishment"');
    await queryRunner.query('DROP INDEX "public"."IDX_bab53eab14ef17302ede0fb734"');
    await queryRunner.query('DROP TABLE "departement"');
    await queryRunner.query('DROP TABLE "academie"');
  }
}
