import type { RequestType } from '@switchboard/contracts';

/** The request encoding a media type calls for, or undefined for one the executor cannot send (octet-stream…). */
export function requestTypeOf(mediaType: string): RequestType | undefined {
  const essence = mediaType.split(';')[0].trim().toLowerCase();
  if (essence === 'application/x-www-form-urlencoded') return 'FORM';
  if (essence.startsWith('multipart/')) return 'MULTIPART';
  if (essence === 'application/json' || essence.endsWith('+json') || essence === '*/*' || essence === 'application/*') return 'JSON';
  if (essence === 'application/xml' || essence === 'text/xml' || essence.endsWith('+xml')) return 'XML';
  if (essence.startsWith('text/')) return 'TEXT';
  return undefined;
}

/** The type most actions use, for the app envs' default (JSON when no action has a body). */
export function dominantRequestType(types: (RequestType | undefined)[]): RequestType {
  const counts = new Map<RequestType, number>();
  for (const type of types) if (type !== undefined) counts.set(type, (counts.get(type) ?? 0) + 1);
  let best: RequestType = 'JSON';
  let bestCount = 0;
  for (const [type, count] of counts) {
    if (count > bestCount) [best, bestCount] = [type, count];
  }
  return best;
}
