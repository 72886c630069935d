import { isDeepStrictEqual } from 'node:util';
import type { AppDiff, CreateAppBody, KeyedChanges } from '@switchboard/contracts';
import { actionFieldsOf, appDescriptionOf, appEnvFieldsOf, appNameOf, appRateLimitOf, storedAuthSchemeOf } from './app-definition.js';
import { toActionView, toAppEnvView, toAuthSchemeView, type AppDefinitionView } from './app.view.js';

/**
 * What replacing `current` with the definition `next` would change. Each item of `next` is first put in the form the
 * catalog would store and show it (defaults filled in, through the same functions `create` and `replace` use), then
 * compared whole with its counterpart, so a field added to the contract is compared without a change here.
 * Order alone is no change.
 */
export function diffApp(current: AppDefinitionView, next: CreateAppBody): AppDiff {
  return {
    actions: diffKeyed(current.actions, (next.actions ?? []).map((action, position) => toActionView(actionFieldsOf('', action, position))), (action) => action.tag),
    envs: diffKeyed(current.envs, (next.envs ?? []).map((env, position) => toAppEnvView(appEnvFieldsOf('', env, position))), (env) => env.slug),
    auth: diffKeyed(current.auth, (next.auth ?? []).map((scheme) => toAuthSchemeView(storedAuthSchemeOf(scheme))), (scheme) => scheme.tag),
    fields: [
      ...(current.name === appNameOf(next) ? [] : ['name']),
      ...(current.description === appDescriptionOf(next) ? [] : ['description']),
      ...(isDeepStrictEqual(plain(current.rate_limit), plain(appRateLimitOf(next))) ? [] : ['rate_limit']),
    ],
  };
}

/** Whether a diff changes nothing. */
export function isEmptyDiff(diff: AppDiff): boolean {
  return diff.fields.length === 0 && [diff.actions, diff.envs, diff.auth].every((list) => list.added.length + list.changed.length + list.removed.length === 0);
}

function diffKeyed<T>(current: readonly T[], next: readonly T[], keyOf: (item: T) => string): KeyedChanges {
  const currentByKey = new Map(current.map((item) => [keyOf(item), item]));
  const nextKeys = new Set(next.map(keyOf));
  const changes: KeyedChanges = { added: [], changed: [], removed: current.map(keyOf).filter((key) => !nextKeys.has(key)) };
  for (const item of next) {
    const before = currentByKey.get(keyOf(item));
    if (before === undefined) changes.added.push(keyOf(item));
    else if (!isDeepStrictEqual(plain(before), plain(item))) changes.changed.push(keyOf(item));
  }
  return changes;
}

// A view that crossed NATS has lost its undefined-valued keys; one built here has not. Compare them in JSON form.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
