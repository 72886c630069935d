import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Thrown when another holder kept the lease longer than the caller would wait. */
export class LeaseBusyError extends Error {}

// PostgreSQL's lock_not_available, raised when lock_timeout runs out.
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * One holder at a time across every executor replica, for work that must not run twice at once anywhere: a
 * transaction-scoped PostgreSQL advisory lock on the executors' shared database, released when the work ends or its
 * process dies (the connection goes, and the lock with it).
 */
@Injectable()
export class RefreshLease {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` holding the lease `name`, after waiting at most `waitMs` for it; throws LeaseBusyError after that. */
  async hold<T>(name: string, waitMs: number, work: () => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query("SELECT set_config('lock_timeout', $1, true)", [`${Math.max(1, Math.round(waitMs))}ms`]);
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
        return work();
      });
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code === LOCK_NOT_AVAILABLE) throw new LeaseBusyError(`lease ${name} was held for more than ${waitMs} ms`, { cause: error });
      throw error;
    }
  }
}
