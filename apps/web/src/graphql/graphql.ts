import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Operations typed from the committed schema.graphql (through graphql-env.d.ts, made by
 * `npx gql-tada generate output --tsconfig apps/web/tsconfig.json`): a field the schema no longer
 * has makes `tsc` fail where the page reads it.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
