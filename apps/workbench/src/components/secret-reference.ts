/** How a configuration names a secret (seed 002): `$Token{STRIPE_KEY}`, resolved only when a run sends it. */
export function secretReference(key: string): string {
  return `$Token{${key}}`;
}
