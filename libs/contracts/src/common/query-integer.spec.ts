import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IsQueryInteger } from './query-integer.js';

class PageQuery {
  @IsQueryInteger()
  limit!: number;
}

const read = async (limit: unknown): Promise<{ limit: unknown; errors: string[] }> => {
  const query = plainToInstance(PageQuery, { limit });
  const errors = (await validate(query)).flatMap((error) => Object.values(error.constraints ?? {}));
  return { limit: query.limit, errors };
};

describe('IsQueryInteger', () => {
  it.each(['', ' ', 'abc', '1.5', ['1', '2'], null])('refuses %j as not an integer', async (limit) => {
    expect((await read(limit)).errors).toEqual(['limit must be an integer number']);
  });

  it.each([
    ['7', 7],
    [7, 7],
  ])('reads %j as %j', async (limit, value) => {
    expect(await read(limit)).toEqual({ limit: value, errors: [] });
  });
});
