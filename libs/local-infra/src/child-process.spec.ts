import { isPidAlive, spawnChild, describeExit } from './child-process.js';
import { waitUntil } from './wait-until.js';

const node = process.execPath;

describe('spawnChild', () => {
  it('hands over every output line and reports the exit code', async () => {
    const lines: string[] = [];
    const child = await spawnChild(node, ['-e', 'console.log("one"); console.error("two"); process.stdout.write("three"); process.exitCode = 3'], {
      onLine: (line, stream) => lines.push(`${stream}:${line}`),
    });
    const status = await child.exited;
    expect(status).toEqual({ code: 3, signal: null });
    expect(describeExit(status)).toBe('exited with code 3');
    expect(lines).toEqual(expect.arrayContaining(['stdout:one', 'stderr:two', 'stdout:three']));
    expect(child.tail(2)).toHaveLength(2);
  });

  it('rejects with a clear error when the command does not exist', async () => {
    await expect(spawnChild('/nonexistent/binary', [])).rejects.toThrow(/Could not start \/nonexistent\/binary/);
  });

  it('stop() escalates to SIGKILL when the process ignores SIGTERM', async () => {
    const child = await spawnChild(node, ['-e', 'process.on("SIGTERM", () => console.log("ignored")); console.log("ready"); setInterval(() => {}, 1000)']);
    await waitUntil(() => Promise.resolve(child.tail().includes('ready')), { what: 'the child to be ready', timeoutMs: 10_000, intervalMs: 10 });
    const status = await child.stop({ graceMs: 200 });
    expect(status.signal).toBe('SIGKILL');
    expect(child.tail()).toContain('ignored');
  });

  it('stop() on a detached child ends its whole process group, grandchildren included', async () => {
    const script = 'const { spawn } = require("node:child_process"); const g = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" }); console.log(g.pid); setInterval(() => {}, 1000)';
    const child = await spawnChild(node, ['-e', script], { detached: true });
    await waitUntil(() => Promise.resolve(/^\d+$/.test(child.tail(1)[0] ?? '')), { what: 'the grandchild pid', timeoutMs: 10_000, intervalMs: 10 });
    const grandchild = Number(child.tail(1)[0]);
    expect(isPidAlive(grandchild)).toBe(true);
    await child.stop();
    await waitUntil(() => Promise.resolve(!isPidAlive(grandchild)), { what: 'the grandchild to end', timeoutMs: 5_000, intervalMs: 10 });
  });
});
