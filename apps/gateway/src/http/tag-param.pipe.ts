import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { TAG_PATTERN, TAG_RULE } from '@switchboard/contracts';
import { fieldFailure } from '@switchboard/platform';

/** Checks a tag taken from the URL path (`/v1/products/:product`) before it reaches a service. */
@Injectable()
export class TagParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (TAG_PATTERN.test(value)) return value;
    const field = metadata.data ?? 'tag';
    throw fieldFailure(field, `${field} ${TAG_RULE}`);
  }
}
