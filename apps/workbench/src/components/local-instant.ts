// datetime-local speaks the user's local time without a zone; filters hold instants.

/** The instant a datetime-local input's value names, or undefined when it is empty. */
export function instantOf(local: string): string | undefined {
  return local === '' ? undefined : new Date(local).toISOString();
}

/** A datetime-local input's value for an instant; empty for none. */
export function localInputOf(instant: string | undefined): string {
  const date = new Date(instant ?? Number.NaN);
  // An address edited by hand may hold no instant at all: the field is left empty and the API's refusal shows under it.
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
