import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The decision chain after the audit report: GRALM sessions and the proposals of their agenda, the
 * (INTER-)CAEN's opinion, the rectors' decisions (one per establishment, by its académie's rector).
 */
export class DecisionChain1796600000001 implements MigrationInterface {
  name = "DecisionChain1796600000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "gralm_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "session_date" date NOT NULL, "members" jsonb NOT NULL DEFAULT \'[]\', "notes" text, CONSTRAINT "PK_595c50020690b84da31e1610875" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_gralm_session_date" ON "gralm_session"  ("session_date", "id")',
    );
    await queryRunner.query(
      'CREATE TABLE "gralm_session_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "session_id" uuid NOT NULL, "position" integer NOT NULL, "proposal" text, "motivation" text, "proposed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "uq_gralm_session_item" UNIQUE ("session_id", "candidature_id"), CONSTRAINT "ck_gralm_session_item_motivation" CHECK ((proposal IS NULL) = (motivation IS NULL AND proposed_at IS NULL)), CONSTRAINT "ck_gralm_session_item_proposal" CHECK (proposal IN (\'FAVOURABLE\',\'UNFAVOURABLE\',\'POSTPONED\')), CONSTRAINT "PK_1b5cb7d8c018f89aa46f6443203" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_f3bc225334b17fee147cf0cb87" ON "gralm_session_item"  ("candidature_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c0cc16407a3ac030da5872b651" ON "gralm_session_item"  ("session_id")',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_gralm_session_item_pending" ON "gralm_session_item"  ("candidature_id") WHERE proposal IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "caen_opinion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "opinion_date" date NOT NULL, "opinion" text NOT NULL, "comment" text, CONSTRAINT "uq_caen_opinion_candidature" UNIQUE ("candidature_id"), CONSTRAINT "ck_caen_opinion" CHECK (opinion IN (\'FAVOURABLE\',\'UNFAVOURABLE\')), CONSTRAINT "PK_e5719b31d9476fbd433ad560850" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0b5cfebf3489543cd4ec49e4b4" ON "caen_opinion"  ("candidature_id")',
    );
    await queryRunner.query(
      'CREATE TABLE "rector_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "candidature_id" uuid NOT NULL, "establishment_id" uuid NOT NULL, "academie_code" text NOT NULL, "decided_on" date NOT NULL, "outcome" text NOT NULL, "comment" text, CONSTRAINT "uq_rector_decision_establishment" UNIQUE ("candidature_id", "establishment_id"), CONSTRAINT "ck_rector_decision_outcome" CHECK (outcome IN (\'APPROVED\',\'REFUSED\')), CONSTRAINT "PK_7e022d3f9cef9c9eaf4b25ddfb2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4229b7fd355990737e90051498" ON "rector_decision"  ("candidature_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6de9037aa850151be53aa65b80" ON "rector_decision"  ("establishment_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ff6969115158949f5d6efdb984" ON "rector_decision"  ("academie_code")',
    );
    await queryRunner.query(
      'ALTER TABLE "gralm_session_item" ADD CONSTRAINT "FK_f3bc225334b17fee147cf0cb872" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "gralm_session_item" ADD CONSTRAINT "FK_c0cc16407a3ac030da5872b6511" FOREIGN KEY ("session_id") REFERENCES "gralm_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "caen_opinion" ADD CONSTRAINT "FK_0b5cfebf3489543cd4ec49e4b43" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "rector_decision" ADD CONSTRAINT "FK_4229b7fd355990737e900514982" FOREIGN KEY ("candidature_id") REFERENCES "candidature"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "rector_decision" ADD CONSTRAINT "FK_6de9037aa850151be53aa65b80a" FOREIGN KEY ("establishment_id") REFERENCES "establishment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "rector_decision" ADD CONSTRAINT "FK_ff6969115158949f5d6efdb9841" FOREIGN KEY ("academie_code") REFERENCES "academie"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "rector_decision" DROP CONSTRAINT "FK_ff6969115158949f5d6efdb9841"',
    );
    await queryRunner.query(
      'ALTER TABLE "rector_decision" DROP CONSTRAINT "FK_6de9037aa850151be53aa65b80a"',
    );
    await queryRunner.query(
      'ALTER TABLE "rector_decision" DROP CONSTRAINT "FK_4229b7fd355990737e900514982"',
    );
    await queryRunner.query(
      'ALTER TABLE "caen_opinion" DROP CONSTRAINT "FK_0b5cfebf3489543cd4ec49e4b43"',
    );
    await queryRunner.query(
      'ALTER TABLE "gralm_session_item" DROP CONSTRAINT "FK_c0cc16407a3ac030da5872b6511"',
    );
    await queryRunner.query(
      'ALTER TABLE "gralm_session_item" DROP CONSTRAINT "FK_f3bc225334b17fee147cf0cb872"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_ff6969115158949f5d6efdb984"');
    await queryRunner.query('DROP INDEX "public"."IDX_6de9037aa850151be53aa65b80"');
    await queryRunner.query('DROP INDEX "public"."IDX_4229b7fd355990737e90051498"');
    await queryRunner.query('DROP TABLE "rector_decision"');
    await queryRunner.query('DROP INDEX "public"."IDX_0b5cfebf3489543cd4ec49e4b4"');
    await queryRunner.query('DROP TABLE "caen_opinion"');
    await queryRunner.query('DROP INDEX "public"."uq_gralm_session_item_pending"');
    await queryRunner.query('DROP INDEX "public"."IDX_c0cc16407a3ac030da5872b651"');
    await queryRunner.query('DROP INDEX "public"."IDX_f3bc225334b17fee147cf0cb87"');
    await queryRunner.query('DROP TABLE "gralm_session_item"');
    await queryRunner.query('DROP INDEX "public"."idx_gralm_session_date"');
    await queryRunner.query('DROP TABLE "gralm_session"');
  }
}
