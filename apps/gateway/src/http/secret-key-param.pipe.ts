import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { SECRET_KEY_PATTERN, SECRET_KEY_RULE } from '@switchboard/contracts';
import { fieldFailure } from '@switchboard/platform';

/** Checks a secret key taken from the URL path before it reaches the secrets service. */
@Injectable()
export class SecretKeyParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (SECRET_KEY_PATTERN.test(value)) return value;
    const field = metadata.data ?? 'key';
    throw fieldFailure(field, `${field} ${SECRET_KEY_RULE}`);
  }
}
