import { ENV_SLUG_PATTERN, TAG_PATTERN } from '@switchboard/contracts';

const TAG_MAX_LENGTH = 64;
const ENV_SLUG_MAX_LENGTH = 32;

/** Lowercase kebab-case words of a name: `PostCharges` and `post charges` both read `post-charges`. */
export function kebabWords(text: string, maxLength: number): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]{2,})([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, maxLength)
    .replace(/[-_]+$/g, '');
}

/** A tag (app, action, auth scheme) from any name, or `fallback` when the name has no letter or digit. */
export function tagOf(text: string, fallback: string): string {
  const tag = kebabWords(text, TAG_MAX_LENGTH);
  return TAG_PATTERN.test(tag) ? tag : fallback;
}

/** An env slug from any name, or `fallback`. */
export function envSlugOf(text: string, fallback: string): string {
  const slug = kebabWords(text, ENV_SLUG_MAX_LENGTH);
  return ENV_SLUG_PATTERN.test(slug) ? slug : fallback;
}

/** Hands out names unique among those already taken, by suffixing `-2`, `-3`… within the length limit. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(private readonly maxLength: number) {}

  has(name: string): boolean {
    return this.taken.has(name);
  }

  claim(name: string): string {
    let candidate = name;
    for (let counter = 2; this.taken.has(candidate); counter += 1) {
      const suffix = `-${counter}`;
      candidate = `${name.slice(0, this.maxLength - suffix.length)}${suffix}`;
    }
    this.taken.add(candidate);
    return candidate;
  }
}

export const uniqueTags = (): UniqueNames => new UniqueNames(TAG_MAX_LENGTH);
export const uniqueEnvSlugs = (): UniqueNames => new UniqueNames(ENV_SLUG_MAX_LENGTH);
