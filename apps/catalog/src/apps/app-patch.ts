import {
  ErrorCode,
  type ActionInput,
  type AppEnvInput,
  type AuthSchemeInput,
  type CreateAppBody,
  type UpdateAppBody,
} from '@switchboard/contracts';
import { assertUniqueKeys, DomainError } from '@switchboard/platform';
import type { AppDefinitionView } from './app.view.js';

/**
 * The whole definition an app has after `patch`: listed envs, actions and auth schemes replace those of their
 * slug or tag in place (or are appended), removed ones go, everything else is kept as stored. Refuses (400 naming
 * the field) a removal of something the app lacks or that the same patch also lists.
 */
export function patchedDefinition(current: AppDefinitionView, patch: UpdateAppBody): CreateAppBody {
  return {
    tag: current.tag,
    name: patch.name ?? current.name,
    description: patch.description ?? current.description,
    // null removes the app's limit; left out, it stays.
    ...rateLimitAfter(current, patch),
    envs: patchKeyed(current.envs.map(inputOf<AppEnvInput>), patch.envs, patch.remove_envs, {
      keyOf: (env) => env.slug, list: 'envs', key: 'slug', removals: 'remove_envs', noun: 'env',
    }),
    actions: patchKeyed(current.actions.map(inputOf<ActionInput>), patch.actions, patch.remove_actions, {
      keyOf: (action) => action.tag, list: 'actions', key: 'tag', removals: 'remove_actions', noun: 'action',
    }),
    auth: patchKeyed(current.auth.map(inputOf<AuthSchemeInput>), patch.auth, patch.remove_auth, {
      keyOf: (scheme) => scheme.tag, list: 'auth', key: 'tag', removals: 'remove_auth', noun: 'auth scheme',
    }),
  };
}

function rateLimitAfter(current: AppDefinitionView, patch: UpdateAppBody): Pick<CreateAppBody, 'rate_limit'> {
  const limit = patch.rate_limit === undefined ? current.rate_limit : patch.rate_limit;
  return limit === null ? {} : { rate_limit: limit };
}

interface KeyedList<T> {
  keyOf: (item: T) => string;
  list: string;
  key: string;
  removals: string;
  noun: string;
}

function patchKeyed<T>(current: T[], upserts: T[] = [], removals: string[] = [], names: KeyedList<T>): T[] {
  assertUniqueKeys(upserts, names.keyOf, names.list, names.key);
  const currentKeys = new Set(current.map(names.keyOf));
  const upsertsByKey = new Map(upserts.map((item) => [names.keyOf(item), item]));
  removals.forEach((key, index) => {
    const field = `${names.removals}.${index}`;
    if (!currentKeys.has(key)) throw new DomainError(ErrorCode.ValidationFailed, `${field} names no ${names.noun} of this app: '${key}'`, { field });
    if (upsertsByKey.has(key)) throw new DomainError(ErrorCode.ValidationFailed, `${field} '${key}' is also listed in ${names.list}`, { field });
  });
  const removed = new Set(removals);
  return [
    ...current.filter((item) => !removed.has(names.keyOf(item))).map((item) => upsertsByKey.get(names.keyOf(item)) ?? item),
    ...upserts.filter((item) => !currentKeys.has(names.keyOf(item))),
  ];
}

// A stored item's view turned back into the input that would store it: its nulls are what an omitted field stores.
function inputOf<T>(view: object): T {
  return JSON.parse(JSON.stringify(view, (_key, value: unknown) => (value === null ? undefined : value))) as T;
}
