/** Which spelling a reference used: `$Token{KEY}`, `$Secret{KEY}` or `$(secret:KEY)` for secrets, `$Variable{KEY}` for a connection variable. */
export type ReferenceSyntax = 'token' | 'secret' | 'paren' | 'variable';

/** A secret reference found in a string; `start`/`end` are UTF-16 offsets, `end` exclusive. */
export interface SecretReference {
  key: string;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`, e.g. `$Token{STRIPE_KEY}`. */
  raw: string;
  syntax: ReferenceSyntax;
}

/** A reference found somewhere inside a JSON-like value, with the dotted path of the string holding it. */
export type LocatedReference = SecretReference & { path: string };

/** Secret values by key, as a Map or a plain record. */
export type SecretValues = ReadonlyMap<string, string> | Readonly<Record<string, string>>;
