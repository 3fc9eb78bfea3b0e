import {
  astFromValue,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  OperationDefinitionNode,
  typeFromAST,
  valueFromASTUntyped,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

type Variables = Record<string, unknown>;

export type VariableCoercion =
  { errors: readonly GraphQLError[] } | { errors?: undefined; variables: Variables };

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** An internal default value written back the way a client would send it (enum names, strings). */
function external(value: unknown, type: GraphQLInputType): unknown {
  const ast = astFromValue(value, type);
  return ast ? withDefaults(valueFromASTUntyped(ast), type) : value;
}

/** A copy of a client's value with the default of every input field it left out written in. */
function withDefaults(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    // A single value stands for a list of one: graphql-js and graphql-jit both accept it.
    return Array.isArray(value)
      ? value.map((item) => withDefaults(item, inner.ofType))
      : withDefaults(value, inner.ofType);
  }
  if (!isInputObjectType(inner) || typeof value !== 'object' || Array.isArray(value)) return value;
  const given = value as Variables;
  const filled: Variables = { ...given };
  for (const field of Object.values(inner.getFields())) {
    if (hasOwn(given, field.name)) filled[field.name] = withDefaults(given[field.name], field.type);
    else if (field.defaultValue !== undefined) filled[field.name] = external(field.defaultValue, field.type);
  }
  return filled;
}

/**
 * Coerces a request's variables with graphql-js, the reference, and returns them as sent with
 * every default written in: the variable's own (`$first: Int! = 50`) and its input fields'
 * (`first: Int! = 50` in an input type), at any depth.
 *
 * Why: graphql-jit (Mercurius's `jit`) coerces variables with code of its own that applies no
 * default to a non-null variable or input field, so a request leaving one out was accepted while
 * graphql-js executed it and refused once the document was compiled. Given the defaults written
 * in, both read the same values; and since Mercurius skips its own check of the variables on the
 * run that compiles, this check is also what refuses bad variables on that run.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Variables | null | undefined,
  options: { hideSuggestions: boolean },
): VariableCoercion {
  const given = variables ?? {};
  const definitions = operation.variableDefinitions ?? [];
  const coerced = getVariableValues(schema, definitions, given, {
    maxErrors: 25,
    hideSuggestions: options.hideSuggestions,
  });
  if (coerced.errors) return { errors: coerced.errors };
  const filled: Variables = { ...given };
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType;
    if (hasOwn(given, name)) filled[name] = withDefaults(given[name], type);
    else if (definition.defaultValue)
      filled[name] = withDefaults(valueFromASTUntyped(definition.defaultValue), type);
  }
  return { variables: filled };
}
