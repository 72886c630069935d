/**
 * The parts of the bench, in the order they run; `BENCH_ONLY` picks some of them. Webhooks and caches come before the
 * replica comparison, which leaves a second action-executor running, so that they are measured with one executor
 * either way (caches reads that one's counters and memory).
 */
export const BENCH_SECTIONS = ['paths', 'webhooks', 'caches', 'replicas', 'import'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

/**
 * The sections `BENCH_ONLY` names (comma-separated, in any order, e.g. `webhooks` or `paths,webhooks`), in running
 * order; every section when it is unset or empty. Throws on a name that is no section, so a typo cannot silently
 * measure nothing.
 */
export function selectedSections(raw: string | undefined): BenchSection[] {
  const names = (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) return [...BENCH_SECTIONS];
  const unknown = names.filter((name) => !(BENCH_SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names no section "${unknown.join('", "')}": use a comma-separated list of ${BENCH_SECTIONS.join(', ')}`);
  return BENCH_SECTIONS.filter((section) => names.includes(section));
}
