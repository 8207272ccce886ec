import type { MigrationInterface, QueryRunner } from "typeorm";

export class StrategyEditor1795803155329 implements MigrationInterface {
  name = "StrategyEditor1795803155329";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "common_strategy" ADD "updated_by" uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "common_strategy" DROP COLUMN "updated_by"');
  }
}
