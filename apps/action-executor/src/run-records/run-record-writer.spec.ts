import { jest } from '@jest/globals';
import { ErrorCode, type RunActionBody } from '@switchboard/contracts';
import type { FinishedRun } from './finished-run.js';
import { RunRecordWriter, type RunRecordWriterLog, type RunRecordWriterOptions } from './run-record-writer.js';

function finishedRun(index: number): FinishedRun {
  const run: RunActionBody = { env: 'prd', product: 'shop', app: 'stripe-payments', event: 'create-charge' };
  return {
    runId: `run_${index}`,
    workspaceId: 'ws_1',
    run,
    input: {},
    target: undefined,
    secrets: {},
    startedAtEpochMs: 1_700_000_000_000 + index,
    timings: { queue_ms: null, resolve_ms: null, connect_ms: null, upstream_ms: null, total_ms: 1 },
    outcome: { status: 'failed', error: { code: ErrorCode.ProductNotFound, message: 'nope', details: {} } },
  };
}

/** A database stand-in: records every batch, and fails while `down` is set. */
class FakeSink {
  readonly batches: string[][] = [];
  down = false;
  readonly insert = (runs: readonly FinishedRun[]): Promise<void> => {
    if (this.down) return Promise.reject(new Error('connection refused'));
    this.batches.push(runs.map((run) => run.runId));
    return Promise.resolve();
  };

  get written(): string[] {
    return this.batches.flat();
  }
}

class FakeLog implements RunRecordWriterLog {
  readonly lines: string[] = [];
  warn(_context: object, message: string): void {
    this.lines.push(message);
  }
  info(_context: object, message: string): void {
    this.lines.push(message);
  }
}

describe('RunRecordWriter', () => {
  let sink: FakeSink;
  let log: FakeLog;
  const writerWith = (options: Partial<RunRecordWriterOptions> = {}): RunRecordWriter => new RunRecordWriter(sink.insert, log, options);
  const record = (writer: RunRecordWriter, from: number, count: number): void => {
    for (let index = from; index < from + count; index += 1) writer.record(finishedRun(index));
  };

  beforeEach(() => {
    jest.useFakeTimers();
    sink = new FakeSink();
    log = new FakeLog();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('writes a batch of 100 on the next turn of the event loop, without waiting for the interval', async () => {
    const writer = writerWith();
    record(writer, 0, 100);
    expect(sink.batches).toEqual([]);

    await jest.advanceTimersByTimeAsync(0);

    expect(sink.batches).toHaveLength(1);
    expect(sink.batches[0]).toHaveLength(100);
    expect(writer.pending).toBe(0);
  });

  it('writes a partial batch 200 ms after its first record, not before', async () => {
    const writer = writerWith();
    record(writer, 0, 3);
    await jest.advanceTimersByTimeAsync(150);
    record(writer, 3, 2);
    await jest.advanceTimersByTimeAsync(49);
    expect(sink.batches).toEqual([]);

    await jest.advanceTimersByTimeAsync(1);

    expect(sink.batches).toEqual([['run_0', 'run_1', 'run_2', 'run_3', 'run_4']]);
  });

  it('splits a long queue into batches of at most 100, the rest by time', async () => {
    const writer = writerWith();
    record(writer, 0, 250);

    await jest.advanceTimersByTimeAsync(0);
    expect(sink.batches.map((batch) => batch.length)).toEqual([100, 100]);

    await jest.advanceTimersByTimeAsync(200);
    expect(sink.batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(sink.written).toEqual(Array.from({ length: 250 }, (_, index) => `run_${index}`));
  });

  it('returns from record at once while an insert is still running', async () => {
    let release: () => void = () => undefined;
    const slow = new RunRecordWriter(
      () => new Promise<void>((resolve) => (release = resolve)),
      log,
    );
    record(slow, 0, 100);
    await jest.advanceTimersByTimeAsync(0);

    record(slow, 100, 150);

    expect(slow.pending).toBe(150);
    release();
    await jest.advanceTimersByTimeAsync(0);
  });

  it('writes what is queued when closed, before any timer fires', async () => {
    const writer = writerWith();
    record(writer, 0, 5);

    await writer.close();

    expect(sink.batches).toEqual([['run_0', 'run_1', 'run_2', 'run_3', 'run_4']]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps records while the database fails and writes them once it is back', async () => {
    const writer = writerWith();
    sink.down = true;
    record(writer, 0, 3);
    await jest.advanceTimersByTimeAsync(200);
    expect(writer.pending).toBe(3);
    expect(log.lines).toEqual(['run records could not be written; retrying']);

    record(writer, 3, 200);
    await jest.advanceTimersByTimeAsync(0);
    expect(sink.batches).toEqual([]);

    sink.down = false;
    // The retry writes two full batches at once; the 3 left over follow 200 ms later.
    await jest.advanceTimersByTimeAsync(1200);
    expect(sink.written).toHaveLength(203);
    expect(log.lines).toContain('run records are written again');
  });

  it('drops records, counting them, only once the database has failed for long', async () => {
    const writer = writerWith({ retryIntervalMs: 1000, giveUpAfterMs: 5000 });
    sink.down = true;
    record(writer, 0, 7);
    await jest.advanceTimersByTimeAsync(4200);
    expect(writer.pending).toBe(7);

    await jest.advanceTimersByTimeAsync(1000);

    expect(writer.pending).toBe(0);
    expect(log.lines).toContain('dropped 7 run records: the database has failed for 5 s');
  });

  it('drops the oldest records when the queue is full', () => {
    const writer = writerWith({ maxQueued: 10, maxBatch: 100 });
    record(writer, 0, 12);

    expect(writer.pending).toBe(10);
    expect(log.lines).toEqual(['dropped 1 run records: the queue is full', 'dropped 1 run records: the queue is full']);
  });

  it('drops what is left, counting it, when the database fails on shutdown', async () => {
    const writer = writerWith();
    sink.down = true;
    record(writer, 0, 4);

    await writer.close();

    expect(writer.pending).toBe(0);
    expect(log.lines).toEqual(['run records could not be written on shutdown', 'dropped 4 run records: the service is shutting down and the database failed']);
  });
});
