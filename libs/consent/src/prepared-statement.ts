import { createHash } from 'node:crypto';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Names a list statement for the database client, which prepares statements so named once per
 * connection. The rules compiled into the statement differ with the reader's roles and the filters
 * asked, so the name carries a digest of the text: one name, one text.
 */
export function prepared<Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  family: string,
): SelectQueryBuilder<Row> {
  const digest = createHash('sha256').update(query.getQuery()).digest('hex').slice(0, 16);
  return query.comment(`prepared:${family}-${digest}`);
}
