/** Deepest nesting of arrays and objects the deep functions walk; deeper (or cyclic) values are refused. */
export const PLACEHOLDER_MAX_DEPTH = 64;

/** Thrown by the deep functions only, for a value nested deeper than PLACEHOLDER_MAX_DEPTH or containing a cycle. */
export class PlaceholderDepthError extends Error {
  readonly code = 'placeholder_depth_exceeded';
  override readonly name = 'PlaceholderDepthError';
  /** Dotted path of the array or object that went too deep. */
  readonly path: string;

  constructor(path: string) {
    super(
      `Value nested more than ${PLACEHOLDER_MAX_DEPTH} levels deep (or cyclic) at ${path === '' ? 'the root' : `"${path}"`}`,
    );
    this.path = path;
  }
}
