import { Transform } from 'class-transformer';
import { IsInt, type ValidationOptions } from 'class-validator';

/**
 * An integer read from a query string, where every value is text: `limit=`, `limit=%20`, `limit=abc` and a repeated
 * `limit=1&limit=2` are each refused as not an integer (Number('') would read 0 and be refused as too small).
 * A number passes as it is, for the same class re-validated inside a NATS message.
 */
export function IsQueryInteger(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    IsInt(options)(target, propertyName);
    Transform(({ value }: { value: unknown }) => integerOf(value), { toClassOnly: true })(target, propertyName);
  };
}

function integerOf(value: unknown): unknown {
  if (typeof value === 'number' || value === undefined) return value;
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
}
