import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { validatePayload } from '../validation/validate-payload.js';

/** Re-validates every message payload against its contract class: a service never trusts the sender. */
@Injectable()
export class RpcValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type !== 'body' || !isContractClass(type)) return value;
    return validatePayload(type, value);
  }
}

// Only classes carrying class-validator rules are contracts; NatsContext and primitives pass through.
function isContractClass(type: unknown): type is new () => object {
  if (typeof type !== 'function') return false;
  return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
}
