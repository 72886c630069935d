import { IsInt, IsString, getMetadataStorage } from 'class-validator';
import { validatePayload } from './validate-payload.js';
import { memoiseValidationMetadata } from './validation-metadata-memo.js';

class Parent {
  @IsString()
  name!: string;
}

describe('memoiseValidationMetadata', () => {
  beforeAll(() => memoiseValidationMetadata());

  it('sees a rule registered after the class was first validated', async () => {
    class Late {
      @IsString()
      name!: string;
    }
    await expect(validatePayload(Late, { name: 'a', count: 1 })).rejects.toThrow('property count should not exist');
    IsInt()(Late.prototype, 'count');
    await expect(validatePayload(Late, { name: 'a', count: 'x' })).rejects.toThrow('count must be an integer number');
    await expect(validatePayload(Late, { name: 'a', count: 1 })).resolves.toEqual({ name: 'a', count: 1 });
  });

  it('gives a subclass its parent rules and its own', async () => {
    class Child extends Parent {
      @IsInt()
      count!: number;
    }
    await expect(validatePayload(Child, { name: 'a', count: 1 })).resolves.toEqual({ name: 'a', count: 1 });
    await expect(validatePayload(Child, { name: 3, count: 1 })).rejects.toThrow('name must be a string');
  });

  it('hands out copies, so that a caller changing the list cannot change the rules', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Parent, '', true, false);
    first.length = 0;
    expect(storage.getTargetValidationMetadatas(Parent, '', true, false).length).toBeGreaterThan(0);
  });

  it('is idempotent: a second call does not wrap the lookup again', () => {
    const storage = getMetadataStorage();
    const lookup = storage.getTargetValidationMetadatas;
    memoiseValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });
});
