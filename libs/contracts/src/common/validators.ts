import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Accepts only absolute `http:` or `https:` URLs with a host and no embedded credentials. */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isHttpUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an absolute http(s) URL', ...options },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || value.length > 2048) return false;
          try {
            const url = new URL(value);
            return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
          } catch {
            return false;
          }
        },
      },
    });
  };
}

/** Accepts a flat object whose values are strings, numbers or booleans (auth data, credentials). */
export function IsFlatRecord(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isFlatRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an object of string, number or boolean values', ...options },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          return Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
        },
      },
    });
  };
}
