import { loadConfig } from '@switchboard/platform';
import { RunRecordsConfig } from '../../src/run-records/run-records.config.js';

describe('RunRecordsConfig', () => {
  it('keeps run records 30 days unless told otherwise', () => {
    expect(loadConfig(RunRecordsConfig, {}).RUN_RETENTION_DAYS).toBe(30);
    expect(loadConfig(RunRecordsConfig, { RUN_RETENTION_DAYS: '7' }).RUN_RETENTION_DAYS).toBe(7);
  });

  it('stops start-up on a retention that is not a whole number of days from 1 to 3650', () => {
    for (const value of ['0', '1.5', 'forever', '3651']) {
      expect(() => loadConfig(RunRecordsConfig, { RUN_RETENTION_DAYS: value })).toThrow(/RUN_RETENTION_DAYS/);
    }
  });
});
