// UTF-16 code units: a high surrogate, a low one, and the variation selectors U+FE0E and U+FE0F.
const HIGH = '[\\uD800-\\uDBFF]';
const LOW = '[\\uDC00-\\uDFFF]';
const SELECTOR = '[\\uFE0E\\uFE0F]';

/**
 * One character as validator.js's isLength counts them (class-validator's Length and MaxLength): a surrogate pair
 * is one, and a variation selector right after a character that is not one counts nothing. Each alternative is the
 * only one that can match where it starts (a lone high surrogate is not followed by a low one; a selector counted
 * on its own does not follow a character that would have taken it), so a string splits into characters one way and
 * the regular expression never backtracks into another count.
 */
const COUNTED_CHARACTER =
  `(?:(?:${HIGH}${LOW}|${HIGH}(?!${LOW})|[^\\uD800-\\uDBFF\\uFE0E\\uFE0F])${SELECTOR}?|(?<![^\\uFE0E\\uFE0F])${SELECTOR})`;

/** A flagless pattern matching exactly the strings validator.js's isLength(value, { min, max }) accepts. */
export function codePointLengthPattern(min: number, max: number | undefined): string {
  return `^${COUNTED_CHARACTER}{${min},${max ?? ''}}$`;
}

/**
 * A flagless pattern matching the strings of at most `max` UTF-16 code units (JavaScript's `length`) in which
 * `forbidden` (a flagless pattern) matches nowhere.
 */
export function utf16LengthPattern(max: number, forbidden?: string): string {
  return forbidden === undefined ? `^[\\s\\S]{0,${max}}$` : `^(?:(?!${forbidden})[\\s\\S]){0,${max}}$`;
}
