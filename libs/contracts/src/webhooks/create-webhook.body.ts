import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { HasAtLeast, IsEnvSlug, IsHttpUrl, IsOmittable, IsTag } from '../common/validators.js';
import { WebhookHmacOptions } from './webhook-hmac.dto.js';
import { WEBHOOK_MAX_TOLERANCE_SECONDS, WEBHOOK_SCHEMES, type WebhookScheme } from './webhook-scheme.js';

/** Longest `signing_secret` accepted: room for one reference to a 128-character key in any spelling. */
export const WEBHOOK_SIGNING_SECRET_MAX_LENGTH = 160;

/**
 * Body of `POST /v1/products/:product/webhooks`. `signing_secret` must be one secret reference (`$Token{KEY}`),
 * which the connection service checks (`signing_secret_not_reference`); `hmac` goes with scheme `hmac` only.
 * Seed 002's sample (`name`, `tag`, `signing_secret`) is a whole body.
 */
export class CreateWebhookBody {
  @Length(1, 128)
  @IsString()
  name!: string;

  @IsTag()
  tag!: string;

  /** `standard` unless given (`WEBHOOK_DEFAULT_SCHEME`). */
  @IsOmittable()
  @IsIn(WEBHOOK_SCHEMES, { message: `$property must be one of ${WEBHOOK_SCHEMES.join(', ')}` })
  scheme?: WebhookScheme;

  @Length(1, WEBHOOK_SIGNING_SECRET_MAX_LENGTH)
  @IsString()
  signing_secret!: string;

  /** The access tag of one of the product's connections: the app sending, whose secret scope applies. */
  @IsOmittable()
  @IsTag()
  app?: string;

  /** Product env slugs to receive in; every env of the product unless given. */
  @IsOmittable()
  @ArrayUnique({ message: '$property must not name an env twice' })
  @IsEnvSlug({ each: true })
  @HasAtLeast(1)
  @ArrayMaxSize(20)
  @IsArray()
  envs?: string[];

  /** Where accepted events are delivered; without it the product pulls them. */
  @IsOmittable()
  @IsHttpUrl()
  forward_url?: string;

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
