import { SdkErrorCode, SwitchboardError } from './switchboard-error.js';

/**
 * Percent-encodes one URL path segment, refusing values that would change the route
 * (empty, `.` or `..`, which URL parsing collapses) so a tag can only ever name a resource.
 */
export function encodePathSegment(field: string, value: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new SwitchboardError({
      code: SdkErrorCode.InvalidArgument,
      message: `${field} must be a non-empty tag, got ${JSON.stringify(value)}`,
      details: { field },
    });
  }
  return encodeURIComponent(value);
}
