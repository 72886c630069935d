import type { FindManyOptions, ObjectLiteral, Repository } from 'typeorm';

/**
 * The row a unique key picks out, with its relations, in one query. TypeORM's `findOne` adds a LIMIT, and a LIMIT
 * beside a join makes it send a second, DISTINCT query first: a round trip to PostgreSQL each time, on the hot paths.
 */
export async function findUnique<T extends ObjectLiteral>(repository: Repository<T>, options: FindManyOptions<T>): Promise<T | null> {
  const [row = null] = await repository.find(options);
  return row;
}
