/**
 * An in-memory cache whose entries belong to workspaces, emptied a workspace at a time when a
 * domain event says something of that workspace changed. A per-workspace generation makes a load
 * that started before an invalidation unable to store what it read.
 */
export class WorkspaceCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly maxEntries: number) {}

  /** The cached value, or the loaded one (stored unless the workspace changed meanwhile). */
  async getOrLoad(workspaceId: string, key: string, load: () => Promise<V>): Promise<V> {
    const entryKey = `${workspaceId}\u0000${key}`;
    const cached = this.entries.get(entryKey);
    if (cached !== undefined) return cached;
    const generation = this.generationOf(workspaceId);
    const value = await load();
    this.storeIfCurrent(workspaceId, key, value, generation);
    return value;
  }

  /** The cached value, if any, without loading. */
  peek(workspaceId: string, key: string): V | undefined {
    return this.entries.get(`${workspaceId}\u0000${key}`);
  }

  /** The workspace's generation now; pass it to {@link storeIfCurrent} after a load. */
  generationOf(workspaceId: string): number {
    return this.generations.get(workspaceId) ?? 0;
  }

  /** Stores a loaded value unless the workspace was invalidated since `generation` was read. */
  storeIfCurrent(workspaceId: string, key: string, value: V, generation: number): void {
    if (this.generationOf(workspaceId) === generation) this.store(`${workspaceId}\u0000${key}`, value);
  }

  /** Drops one entry, e.g. a value found to be no longer valid before it was due to go. */
  delete(workspaceId: string, key: string): void {
    this.entries.delete(`${workspaceId}\u0000${key}`);
  }

  /** Drops every entry of the workspace and fences off loads already under way. */
  invalidateWorkspace(workspaceId: string): void {
    this.generations.set(workspaceId, (this.generations.get(workspaceId) ?? 0) + 1);
    const prefix = `${workspaceId}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private store(entryKey: string, value: V): void {
    // Oldest first out: Map keeps insertion order, which is all a bounded cache of run plans needs.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(entryKey, value);
  }
}
