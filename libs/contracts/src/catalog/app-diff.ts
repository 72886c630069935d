/** The keys (action tags, env slugs or auth scheme tags) of one list of an app that a change adds, changes or removes. */
export interface KeyedChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * What replacing an app's definition with another one changes: actions by tag, envs by slug, auth schemes by tag,
 * and `fields`, the top-level fields that change (`name`, `description`, `rate_limit`). Every list empty: nothing changes.
 */
export interface AppDiff {
  actions: KeyedChanges;
  envs: KeyedChanges;
  auth: KeyedChanges;
  fields: string[];
}
