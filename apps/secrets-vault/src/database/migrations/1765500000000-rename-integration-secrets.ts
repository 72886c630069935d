import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User and network secrets are called integration secrets everywhere (they serve `integrations.secrets.*`), and the
 * column that says which of the two a row is, `owner_type`; the constraints take the new names a fresh table would get.
 */
export class RenameIntegrationSecrets1765500000000 implements MigrationInterface {
  name = 'RenameIntegrationSecrets1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE secrets_vault.space_secrets RENAME TO integration_secrets`);
    await queryRunner.query(`ALTER TABLE secrets_vault.integration_secrets RENAME COLUMN space TO owner_type`);
    await queryRunner.query(`ALTER TABLE secrets_vault.integration_secrets RENAME CONSTRAINT space_secrets_pkey TO integration_secrets_pkey`);
    await queryRunner.query(`ALTER TABLE secrets_vault.integration_secrets RENAME CONSTRAINT space_secrets_space_check TO integration_secrets_owner_type_check`);
    await queryRunner.query(
      `ALTER TABLE secrets_vault.integration_secrets RENAME CONSTRAINT space_secrets_owner_key_unique TO integration_secrets_owner_key_unique`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE secrets_vault.integration_secrets RENAME CONSTRAINT integration_secrets_owner_key_unique TO space_secrets_owner_key_unique`,
    );
    await queryRunner.query(`ALTER TABLE secrets_vault.integration_secrets RENAME CONSTRAINT integration_secrets_owner_type_check TO space_secrets_space_check`);
    await queryRunner.query(`ALTER TABLE secrets_vault.integration_secrets RENAME CONSTRAINT integration_secrets_pkey TO space_secrets_pkey`);
    await queryRunner.query(`ALTER TABLE secrets_vault.integration_secrets RENAME COLUMN owner_type TO space`);
    await queryRunner.query(`ALTER TABLE secrets_vault.integration_secrets RENAME TO space_secrets`);
  }
}
