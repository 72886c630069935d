import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each secret says when a run last used it, so listing secrets needs no read of the audit trail; filled from it once. */
export class SecretLastUsed1766000000000 implements MigrationInterface {
  name = 'SecretLastUsed1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE secrets_vault.secrets ADD COLUMN last_used_at timestamptz`);
    // Uses audited before the secret's creation belong to an earlier secret of the same key, since deleted.
    await queryRunner.query(
      `UPDATE secrets_vault.secrets AS secret
          SET last_used_at = (SELECT max(audit.at) FROM secrets_vault.secret_audit AS audit
                               WHERE audit.workspace_id = secret.workspace_id AND audit.key = secret.key
                                 AND audit.action = 'use' AND audit.at >= secret.created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE secrets_vault.secrets DROP COLUMN last_used_at`);
  }
}
