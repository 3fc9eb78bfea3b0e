import { GraphQLSchemaHost } from '@nestjs/graphql';
import { processEnvironment } from '@relais/config';
import { undocumentedSchemaElements } from '@relais/graphql';
import { printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningApi, startApi } from './support/api-harness';

const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

describe('schema.graphql', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('is the schema the api serves (`npm run schema:generate` rewrites it)', () => {
    const served = `${printSchema(api.app.get(GraphQLSchemaHost).schema)}\n`;
    if (processEnvironment().RELAIS_WRITE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, served);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(served);
  });

  it('describes every type, field, argument and enum value (people read them in GraphiQL)', () => {
    expect(undocumentedSchemaElements(api.app.get(GraphQLSchemaHost).schema)).toEqual([]);
  });
});
