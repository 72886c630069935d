import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { validatePayload } from './validate-payload.js';

/**
 * Validates HTTP bodies and query strings, and NATS payloads, against their contract class: no entry point trusts its
 * sender. `envelopeLevels`: 0 at the HTTP entry, MESSAGE_ENVELOPE_LEVELS at a NATS one (see assertNestingWithinLimit).
 */
export class ContractValidationPipe implements PipeTransform {
  constructor(private readonly envelopeLevels = 0) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if ((metadata.type !== 'body' && metadata.type !== 'query') || !isContractClass(type)) return value;
    // No body at all is an empty one; a JSON `null` body is a value, and refused like any body that is not an object.
    return validatePayload(type, value === undefined ? {} : value, this.envelopeLevels);
  }
}

// Only classes carrying class-validator rules are contracts; NatsContext and primitives pass through. The lookup is
// memoised by validate-payload.ts, so asking on every request costs a map read.
function isContractClass(type: unknown): type is new () => object {
  if (typeof type !== 'function') return false;
  return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
}
