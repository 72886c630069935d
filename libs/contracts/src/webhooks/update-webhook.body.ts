import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { HasAtLeast, IsEnvSlug, IsHttpUrl, IsOmittable, IsTag } from '../common/validators.js';
import { WEBHOOK_SIGNING_SECRET_MAX_LENGTH } from './create-webhook.body.js';
import { WebhookHmacOptions } from './webhook-hmac.dto.js';
import { WEBHOOK_MAX_TOLERANCE_SECONDS, WEBHOOK_SCHEMES, type WebhookScheme } from './webhook-scheme.js';

/**
 * Body of `PATCH /v1/products/:product/webhooks/:webhook`: the fields given replace the stored ones; the tag cannot
 * change. `app` and `forward_url` may be `null` to remove them. Envs left out of a new `envs` lose their receive ids
 * for good; envs kept keep theirs.
 */
export class UpdateWebhookBody {
  @IsOmittable()
  @Length(1, 128)
  @IsString()
  name?: string;

  @IsOmittable()
  @IsIn(WEBHOOK_SCHEMES, { message: `$property must be one of ${WEBHOOK_SCHEMES.join(', ')}` })
  scheme?: WebhookScheme;

  @IsOmittable()
  @Length(1, WEBHOOK_SIGNING_SECRET_MAX_LENGTH)
  @IsString()
  signing_secret?: string;

  // null removes the app.
  @IsOptional()
  @IsTag()
  app?: string | null;

  @IsOmittable()
  @ArrayUnique({ message: '$property must not name an env twice' })
  @IsEnvSlug({ each: true })
  @HasAtLeast(1)
  @ArrayMaxSize(20)
  @IsArray()
  envs?: string[];

  // null removes the forward URL: the product pulls its events from then on.
  @IsOptional()
  @IsHttpUrl()
  forward_url?: string | null;

  @IsOmittable()
  @Max(WEBHOOK_MAX_TOLERANCE_SECONDS)
  @Min(1)
  @IsInt()
  tolerance_seconds?: number;

  @IsOmittable()
  @ValidateNested()
  @Type(() => WebhookHmacOptions)
  hmac?: WebhookHmacOptions;
}
