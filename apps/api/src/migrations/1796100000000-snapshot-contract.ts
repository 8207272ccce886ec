import type { MigrationInterface, QueryRunner } from "typeorm";
import { upgradeDossierSnapshot } from "@ldm/contracts";

/**
 * Frozen dossiers become the versioned contract of @ldm/contracts (version 2): each file revision keeps
 * its upload date, read back from its row. The fingerprint (`sha256`) stays the one computed when the
 * dossier was filed. The immutability trigger is lifted for this migration only.
 */
export class SnapshotContract1796100000000 implements MigrationInterface {
  name = "SnapshotContract1796100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(
      `SELECT id, content FROM dossier_snapshot WHERE NOT (content ? 'schemaVersion')`,
    )) as { id: string; content: unknown }[];
    if (rows.length === 0) return;
    const dates = (await queryRunner.query("SELECT id, created_at FROM evidence_revision")) as {
      id: string;
      created_at: Date;
    }[];
    const revisionDates = new Map(dates.map((d) => [d.id, d.created_at.toISOString()]));
    await queryRunner.query(
      'ALTER TABLE "dossier_snapshot" DISABLE TRIGGER dossier_snapshot_immutable',
    );
    for (const row of rows) {
      const upgraded = upgradeDossierSnapshot(row.content, revisionDates);
      await queryRunner.query("UPDATE dossier_snapshot SET content = $2 WHERE id = $1", [
        row.id,
        JSON.stringify(upgraded),
      ]);
    }
    await queryRunner.query(
      'ALTER TABLE "dossier_snapshot" ENABLE TRIGGER dossier_snapshot_immutable',
    );
  }

  async down(): Promise<void> {
    // Version 2 is a superset of version 1: readers of version 1 ignore the new fields.
  }
}
