import { useSearchParams } from 'react-router';

export type AddressFields<Name extends string> = Partial<Record<Name, string>>;

/**
 * Named fields kept in the address (filters, a picked target), so the view can be shared or reloaded. Setting them
 * replaces every named field (an empty or missing value removes it) and the history entry, and renders at once:
 * the router renders a navigation as a transition by default, and a second change made before that render would
 * be built on the fields from before the first.
 */
export function useAddressFields<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const fields: AddressFields<Name> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value !== null) fields[name] = value;
  }
  const setFields = (next: AddressFields<Name>) => {
    const updated = new URLSearchParams(params);
    for (const name of names) {
      const value = next[name];
      if (value === undefined || value === '') updated.delete(name);
      else updated.set(name, value);
    }
    setParams(updated, { replace: true, flushSync: true });
  };
  return [fields, setFields] as const;
}
