import type { MigrationInterface, QueryRunner } from "typeorm";

export class Identity1795799741829 implements MigrationInterface {
  name = "Identity1795799741829";

  async up(queryRunner: QueryRunner): Promise<void> {
    // Pilots become user accounts: pilots recorded by name only cannot be mapped to an account.
    await queryRunner.query('DELETE FROM "criterion_pilot"');
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "full_name" text NOT NULL, "phone" text, "role" text NOT NULL, "auditor_profile" text, "job_title" text, "establishment_id" uuid, "password_hash" text, "active" boolean NOT NULL DEFAULT true, "last_login_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bec1ef56fecaa6c10f13cf43e9" ON "app_user"  ("role") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_29d5e09897035e4637197bc6f7" ON "app_user"  ("establishment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ip" text, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9ccf6d901cef4067214284f327" ON "user_session"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0e82e6a3406d6ea5e5c4d06458" ON "user_session"  ("expires_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, "last_used_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1725c5ea908ff009f6ab3fa34f" ON "api_token"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_bafaa5aab5957cd193fb2da8f2" ON "api_token"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "login_failure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5180c9a904dc45a355ff06bde3" ON "login_failure"  ("key", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "auth_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "type" text NOT NULL, "user_id" uuid, "email" text, "ip" text, "detail" text, CONSTRAINT "PK_20130748591e99a3c2e35d9a074" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2f16f5947423d07aa1c84d2c36" ON "auth_event"  ("type") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a80f42ee0e7b3032e0d5492105" ON "auth_event"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_15e0cb751063954ae691d63cc4" ON "auth_event"  ("occurred_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor_role" text, "operation" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "action" text NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1c4c8c76598008ea972a84e783" ON "audit_log"  ("actor_user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_43fef0ec7f613c19c612fffe62" ON "audit_log"  ("entity_type", "entity_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_49f457de5136e73313ecde8ae4" ON "audit_log"  ("occurred_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "candidature_auditor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "uq_candidature_auditor" UNIQUE ("candidature_id", "user_id"), CONSTRAINT "PK_b0b84e54f0dd433a79d52726233" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c2b3eae3e0d7f42cba97bfb06f" ON "candidature_auditor"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_546152761374417ba15e99817f" ON "candidature_auditor"  ("user_id") ',
    );
    await queryRunner.query('ALTER TABLE "criterion_pilot" DROP COLUMN "full_name"');
    await queryRunner.query('ALTER TABLE "criterion_pilot" DROP COLUMN "email"');
    await queryRunner.query('ALTER TABLE "criterion_pilot" DROP COLUMN "job_title"');
    await queryRunner.query('ALTER TABLE "criterion_pilot" ADD "user_id" uuid NOT NULL');
    await queryRunner.query(
      'CREATE INDEX "IDX_de5c55408d9b5fb329dd04098e" ON "criterion_pilot"  ("user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "FK_29d5e09897035e4637197bc6f75" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_token" ADD CONSTRAINT "FK_1725c5ea908ff009f6ab3fa34fd" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" ADD CONSTRAINT "FK_de5c55408d9b5fb329dd04098e3" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" ADD CONSTRAINT "FK_c2b3eae3e0d7f42cba97bfb06f2" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" ADD CONSTRAINT "FK_546152761374417ba15e99817fc" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" ADD CONSTRAINT "uq_criterion_pilot_user" UNIQUE ("candidature_id", "establishment_id", "criterion_code", "user_id")',
    );
    // The audit trail and the authentication log are append-only, whatever the client.
    await queryRunner.query(
      "CREATE FUNCTION ldm_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP; END $$",
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION ldm_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER auth_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "auth_event" FOR EACH STATEMENT EXECUTE FUNCTION ldm_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER auth_event_append_only ON "auth_event"');
    await queryRunner.query('DROP TRIGGER audit_log_append_only ON "audit_log"');
    await queryRunner.query("DROP FUNCTION ldm_refuse_change()");
    await queryRunner.query('DELETE FROM "criterion_pilot"');
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" DROP CONSTRAINT "uq_criterion_pilot_user"',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" DROP CONSTRAINT "FK_546152761374417ba15e99817fc"',
    );
    await queryRunner.query(
      'ALTER TABLE "candidature_auditor" DROP CONSTRAINT "FK_c2b3eae3e0d7f42cba97bfb06f2"',
    );
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" DROP CONSTRAINT "FK_de5c55408d9b5fb329dd04098e3"',
    );
    await queryRunner.query(
      'ALTER TABLE "api_token" DROP CONSTRAINT "FK_1725c5ea908ff009f6ab3fa34fd"',
    );
    await queryRunner.query(
      'ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" DROP CONSTRAINT "FK_29d5e09897035e4637197bc6f75"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_de5c55408d9b5fb329dd04098e"');
    await queryRunner.query('ALTER TABLE "criterion_pilot" DROP COLUMN "user_id"');
    await queryRunner.query('ALTER TABLE "criterion_pilot" ADD "job_title" text');
    await queryRunner.query('ALTER TABLE "criterion_pilot" ADD "email" text NOT NULL');
    await queryRunner.query('ALTER TABLE "criterion_pilot" ADD "full_name" text NOT NULL');
    await queryRunner.query('DROP INDEX "public"."IDX_546152761374417ba15e99817f"');
    await queryRunner.query('DROP INDEX "public"."IDX_c2b3eae3e0d7f42cba97bfb06f"');
    await queryRunner.query('DROP TABLE "candidature_auditor"');
    await queryRunner.query('DROP INDEX "public"."IDX_49f457de5136e73313ecde8ae4"');
    await queryRunner.query('DROP INDEX "public"."IDX_43fef0ec7f613c19c612fffe62"');
    await queryRunner.query('DROP INDEX "public"."IDX_1c4c8c76598008ea972a84e783"');
    await queryRunner.query('DROP TABLE "audit_log"');
    await queryRunner.query('DROP INDEX "public"."IDX_15e0cb751063954ae691d63cc4"');
    await queryRunner.query('DROP INDEX "public"."IDX_a80f42ee0e7b3032e0d5492105"');
    await queryRunner.query('DROP INDEX "public"."IDX_2f16f5947423d07aa1c84d2c36"');
    await queryRunner.query('DROP TABLE "auth_event"');
    await queryRunner.query('DROP INDEX "public"."IDX_5180c9a904dc45a355ff06bde3"');
    await queryRunner.query('DROP TABLE "login_failure"');
    await queryRunner.query('DROP INDEX "public"."IDX_bafaa5aab5957cd193fb2da8f2"');
    await queryRunner.query('DROP INDEX "public"."IDX_1725c5ea908ff009f6ab3fa34f"');
    await queryRunner.query('DROP TABLE "api_token"');
    await queryRunner.query('DROP INDEX "public"."IDX_0e82e6a3406d6ea5e5c4d06458"');
    await queryRunner.query('DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"');
    await queryRunner.query('DROP INDEX "public"."IDX_9ccf6d901cef4067214284f327"');
    await queryRunner.query('DROP TABLE "user_session"');
    await queryRunner.query('DROP INDEX "public"."IDX_29d5e09897035e4637197bc6f7"');
    await queryRunner.query('DROP INDEX "public"."IDX_bec1ef56fecaa6c10f13cf43e9"');
    await queryRunner.query('DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query(
      'ALTER TABLE "criterion_pilot" ADD CONSTRAINT "uq_criterion_pilot" UNIQUE ("candidature_id", "establishment_id", "criterion_code", "email")',
    );
  }
}
