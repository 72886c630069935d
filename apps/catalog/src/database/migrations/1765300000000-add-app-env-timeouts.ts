import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per app env limits on outbound attempts (`{connect_ms?, headers_ms?, body_ms?}`); `{}` keeps the platform defaults. */
export class AddAppEnvTimeouts1765300000000 implements MigrationInterface {
  name = 'AddAppEnvTimeouts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.app_envs ADD COLUMN timeouts jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.app_envs DROP COLUMN timeouts`);
  }
}
