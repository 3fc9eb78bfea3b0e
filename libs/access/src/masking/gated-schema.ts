import { GraphQLSchema, isObjectType } from 'graphql';
import { passedTheGate, REDACTED_FIELDS } from './field-mask';

/**
 * Makes the served schema refuse, for every object type about a person (those listing
 * `redactedFields`), any value that did not come out of the field gate: a service that builds such
 * an object by hand gets an error in place of the object, never an unmasked answer. graphql-js and
 * Mercurius's JIT both check `isTypeOf` on every object they complete.
 */
export function requireGatedObjects(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__') && REDACTED_FIELDS in type.getFields()) {
      type.isTypeOf = passedTheGate;
    }
  }
  return schema;
}
