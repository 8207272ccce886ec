import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Imports of the national establishment directory: progress counters and report (`directory_import`),
 * at most one running at a time.
 */
export class DirectoryImport1796700000000 implements MigrationInterface {
  name = "DirectoryImport1796700000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "directory_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "file_name" text NOT NULL, "status" text NOT NULL DEFAULT \'RUNNING\', "imported_by" uuid, "sha256" text, "total_bytes" integer, "bytes_read" integer NOT NULL DEFAULT \'0\', "rows_read" integer NOT NULL DEFAULT \'0\', "created_count" integer NOT NULL DEFAULT \'0\', "updated_count" integer NOT NULL DEFAULT \'0\', "unchanged_count" integer NOT NULL DEFAULT \'0\', "rejected_count" integer NOT NULL DEFAULT \'0\', "ignored_count" integer NOT NULL DEFAULT \'0\', "mismatch_count" integer NOT NULL DEFAULT \'0\', "finished_at" TIMESTAMP(3) WITH TIME ZONE, "error_message" text, "report" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "ck_directory_import_status" CHECK (status IN (\'RUNNING\',\'SUCCEEDED\',\'FAILED\')), CONSTRAINT "PK_bf94c5f8503500cbb101dcf0881" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_directory_import_created" ON "directory_import"  ("created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_directory_import_running" ON "directory_import"  ("status") WHERE status = \'RUNNING\'',
    );
    await queryRunner.query(
      'ALTER TABLE "directory_import" ADD CONSTRAINT "FK_3cab627e763f3373d9013dbf60b" FOREIGN KEY ("imported_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "directory_import" DROP CONSTRAINT "FK_3cab627e763f3373d9013dbf60b"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_directory_import_running"');
    await queryRunner.query('DROP INDEX "public"."idx_directory_import_created"');
    await queryRunner.query('DROP TABLE "directory_import"');
  }
}
