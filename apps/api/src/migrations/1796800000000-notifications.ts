import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Notifications and e-mails: in-app notifications (one per user and dedup key), the e-mail outbox and
 * record of what was sent (`mail_delivery`, unique dedup key: a reminder goes out once whatever the
 * number of API instances), password reset links (hashed token, single use, expiry) and the throttling
 * of their requests. The job queue's tables live in pg-boss's own schema (`pgboss`), which pg-boss
 * installs and migrates itself at start.
 */
export class Notifications1796800000000 implements MigrationInterface {
  name = "Notifications1796800000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "candidature_id" uuid, "deadline_date" date, "read_at" TIMESTAMP(3) WITH TIME ZONE, "dedup_key" text, CONSTRAINT "uq_notification_dedup" UNIQUE ("user_id", "dedup_key"), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_442bc08ad5764ecb982afb556a" ON "notification"  ("candidature_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notification_inbox" ON "notification"  ("user_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mail_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "dedup_key" text NOT NULL, "template" text NOT NULL, "user_id" uuid, "to_address" text NOT NULL, "subject" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT \'PENDING\', "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "claimed_at" TIMESTAMP(3) WITH TIME ZONE, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "message_id" text, CONSTRAINT "ck_mail_delivery_status" CHECK (status IN (\'PENDING\',\'SENDING\',\'SENT\',\'FAILED\')), CONSTRAINT "PK_d3538fca7dd3bf4d2f4ffc38a8c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_e243120c2db334bdbd3a6ac588" ON "mail_delivery"  ("dedup_key") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_213846c2ecb992980ba63d4c56" ON "mail_delivery"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mail_delivery_status" ON "mail_delivery"  ("status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "password_reset_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, "revoked" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_838af121380dfe3a6330e04f5bb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7eabb22ed38459ffc24dc8b415" ON "password_reset_token"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a802f319abf4af2432d629dfe5" ON "password_reset_token"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "password_reset_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "requested_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fcf4b02eae1403a2edaf87fd074" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_password_reset_request_key" ON "password_reset_request"  ("key", "requested_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "FK_442bc08ad5764ecb982afb556ab" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mail_delivery" ADD CONSTRAINT "FK_213846c2ecb992980ba63d4c568" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "password_reset_token" ADD CONSTRAINT "FK_7eabb22ed38459ffc24dc8b415d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "password_reset_token" DROP CONSTRAINT "FK_7eabb22ed38459ffc24dc8b415d"',
    );
    await queryRunner.query(
      'ALTER TABLE "mail_delivery" DROP CONSTRAINT "FK_213846c2ecb992980ba63d4c568"',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" DROP CONSTRAINT "FK_442bc08ad5764ecb982afb556ab"',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_password_reset_request_key"');
    await queryRunner.query('DROP TABLE "password_reset_request"');
    await queryRunner.query('DROP INDEX "public"."IDX_a802f319abf4af2432d629dfe5"');
    await queryRunner.query('DROP INDEX "public"."IDX_7eabb22ed38459ffc24dc8b415"');
    await queryRunner.query('DROP TABLE "password_reset_token"');
    await queryRunner.query('DROP INDEX "public"."ix_mail_delivery_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_213846c2ecb992980ba63d4c56"');
    await queryRunner.query('DROP INDEX "public"."IDX_e243120c2db334bdbd3a6ac588"');
    await queryRunner.query('DROP TABLE "mail_delivery"');
    await queryRunner.query('DROP INDEX "public"."ix_notification_inbox"');
    await queryRunner.query('DROP INDEX "public"."IDX_442bc08ad5764ecb982afb556a"');
    await queryRunner.query('DROP TABLE "notification"');
    await queryRunner.query('DROP SCHEMA IF EXISTS "pgboss" CASCADE');
  }
}
