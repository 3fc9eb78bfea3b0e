import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** A well-formed id that names nothing. */
export const UNKNOWN_ID = '5f0c6a4e-8d8b-4a51-9f3e-2f6f4c1d2a10';

export interface Baseline {
  territoryId: string;
  /** A day (`YYYY-MM-DD`) any day field accepts. */
  day: string;
  /** A moment (ISO 8601) any moment field accepts. */
  moment: string;
}

/** One bad value, type-valid for GraphQL, put at one place of one mutation's arguments. */
export interface BadCall {
  mutation: string;
  /** What is wrong, in a word (for the test's name and failure). */
  kind: string;
  query: string;
  variables: Record<string, unknown>;
  /** Where the error must name the problem: the path in the argument, or with the argument's name. */
  fields: string[];
  /** The bad value is a lone argument of a mutation that has others. */
  loneArgument: boolean;
}

type Leaf = 'TEXT' | 'DAY' | 'ID' | 'MOMENT' | 'INT';

/** The bad values sent to each kind of leaf; each must be refused as BAD_USER_INPUT naming it. */
export const BAD_VALUES: Record<Leaf, Record<string, unknown>> = {
  TEXT: {
    'octet NUL': 'Texte\u0000d’essai',
    'caractère de contrôle': 'Texte\u001bd’essai',
    'texte démesuré': 'x'.repeat(300_000),
  },
  DAY: {
    'octet NUL': '2027-03-01\u0000',
    '30 février': '2027-02-30',
    '13e mois': '2027-13-01',
    'an 9999': '9999-01-01',
  },
  ID: { 'octet NUL': `${UNKNOWN_ID}\u0000` },
  MOMENT: {
    '30 février': '2027-02-30T10:00:00Z',
    '25 heures': '2027-03-01T25:00:00Z',
    'sans fuseau': '2027-03-01T10:00:00',
    'an 9999': '9999-01-01T10:00:00Z',
  },
  INT: { 'entier démesuré': 2_147_483_647, 'entier négatif démesuré': -2_147_483_648 },
};

const INPUT_FORMAT_EXTENSION = 'inputFormat';

function leafOf(type: GraphQLInputType, field?: GraphQLInputField): Leaf | undefined {
  const named = getNamedType(type);
  if (!isScalarType(named)) return undefined;
  switch (named.name) {
    case 'String':
      return field?.extensions?.[INPUT_FORMAT_EXTENSION] === 'LOCAL_DATE' ? 'DAY' : 'TEXT';
    case 'ID':
      return 'ID';
    case 'DateTime':
      return 'MOMENT';
    case 'Int':
      return 'INT';
    default:
      return undefined;
  }
}

/** A value that passes GraphQL's own checks (not necessarily the field's rules). */
function baseline(type: GraphQLInputType, name: string, base: Baseline, field?: GraphQLInputField): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [baseline(inner.ofType, name, base, field)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) return requiredFields(inner.getFields(), base);
  switch (leafOf(inner, field)) {
    case 'TEXT':
      return 'Texte d’essai';
    case 'DAY':
      return base.day;
    case 'ID':
      return name === 'territoryId' ? base.territoryId : UNKNOWN_ID;
    case 'MOMENT':
      return base.moment;
    case 'INT':
      return 30;
    default:
      return getNamedType(inner).name === 'Boolean' ? false : 1;
  }
}

function requiredFields(fields: Record<string, GraphQLInputField>, base: Baseline): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(fields)
      .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
      .map((field) => [field.name, baseline(field.type, field.name, base, field)]),
  );
}

interface Place {
  /** From the argument down: ['input', 'person', 'firstName'], list items as '0'. */
  path: string[];
  leaf: Leaf;
}

/** Every leaf a bad value can be put in, optional fields and list items included. */
function places(
  type: GraphQLInputType,
  path: string[],
  field: GraphQLInputField | undefined,
  depth = 0,
): Place[] {
  if (depth > 6) return [];
  const inner = getNullableType(type);
  if (isListType(inner)) return places(inner.ofType, [...path, '0'], field, depth + 1);
  if (isInputObjectType(inner)) {
    return Object.values(inner.getFields()).flatMap((child) =>
      places(child.type, [...path, child.name], child, depth + 1),
    );
  }
  const leaf = leafOf(inner, field);
  return leaf ? [{ path, leaf }] : [];
}

/** Arguments with their baseline, and the value at `path` replaced (the way there built as needed). */
function argumentsWith(
  args: readonly GraphQLArgument[],
  base: Baseline,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const variables: Record<string, unknown> = Object.fromEntries(
    args
      .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
      .map((arg) => [arg.name, baseline(arg.type, arg.name, base)]),
  );
  const [argName, ...rest] = path;
  const arg = args.find((candidate) => candidate.name === argName);
  if (!arg) throw new Error(`argument inconnu ${argName}`);
  variables[argName] = placed(arg.type, variables[argName], rest, value, base, arg.name);
  return variables;
}

function placed(
  type: GraphQLInputType,
  current: unknown,
  path: string[],
  value: unknown,
  base: Baseline,
  name: string,
  field?: GraphQLInputField,
): unknown {
  if (path.length === 0) return value;
  const inner = getNullableType(type);
  const [head, ...rest] = path;
  if (isListType(inner)) {
    const list = Array.isArray(current) ? [...current] : [baseline(inner.ofType, name, base, field)];
    list[Number(head)] = placed(inner.ofType, list[Number(head)], rest, value, base, name, field);
    return list;
  }
  if (isInputObjectType(inner)) {
    const object = {
      ...((current as Record<string, unknown> | undefined) ?? requiredFields(inner.getFields(), base)),
    };
    const child = inner.getFields()[head];
    object[head] = placed(child.type, object[head], rest, value, base, child.name, child);
    return object;
  }
  throw new Error(`chemin trop long : ${path.join('.')}`);
}

/** Every bad call the sweep makes to one mutation: each bad value of its kind at each leaf. */
export function badCalls(mutation: GraphQLField<unknown, unknown>, base: Baseline): BadCall[] {
  const declarations = mutation.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passing = mutation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection =
    isScalarType(getNamedType(mutation.type)) || isEnumType(getNamedType(mutation.type))
      ? ''
      : ' { __typename }';
  const query = `mutation Sweep(${declarations}) { ${mutation.name}(${passing})${selection} }`;
  return mutation.args
    .flatMap((arg) => places(arg.type, [arg.name], undefined))
    .flatMap(({ path, leaf }) =>
      Object.entries(BAD_VALUES[leaf]).map(([kind, value]) => ({
        mutation: mutation.name,
        kind: `${kind} dans ${path.join('.')}`,
        query,
        variables: argumentsWith(mutation.args, base, path, value),
        // An input object's fields are named from inside it; a lone argument by its own name.
        fields: [path.slice(1).join('.'), path.join('.')].filter(Boolean),
        loneArgument: path.length === 1 && mutation.args.length > 1,
      })),
    );
}

/** The mutations of the schema, by name. */
export function mutationsOf(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}
