import {
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';

const ROOT_DESCRIPTIONS = {
  query: 'Les lectures : chacune ne rend que ce que la personne connectée peut voir.',
  mutation:
    'Les actions : chacune est autorisée selon le rôle et les règles d’accès ; refusée, elle ne modifie rien.',
} as const;

/**
 * Code-first NestJS gives the root types no description of their own: they get one here, so that
 * the served schema documents every type it has.
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query && !query.description) query.description = ROOT_DESCRIPTIONS.query;
  if (mutation && !mutation.description) mutation.description = ROOT_DESCRIPTIONS.mutation;
  return schema;
}

/**
 * Every type, field, argument and enum value of the schema without a description, named
 * `Type`, `Type.field`, `Type.field(argument)` or `Enum.VALUE`. People read the schema in GraphiQL:
 * an element nobody described is one nobody can use safely.
 */
export function undocumentedSchemaElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const needs = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    needs(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        needs(field.description, `${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : []) {
          needs(argument.description, `${type.name}.${field.name}(${argument.name})`);
        }
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) needs(value.description, `${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}
