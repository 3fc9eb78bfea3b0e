import {
  ASTVisitor,
  DocumentNode,
  getNullableType,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLSchema,
  isIntrospectionType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  typeFromAST,
  GraphQLBoolean,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { RepeatLimits, repeatedFieldsRule } from './repeated-fields';

export interface QueryLimits extends RepeatLimits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
  maxOperations: number;
  introspection: boolean;
}

type Limit = 'depth' | 'complexity' | 'aliases' | 'operations' | 'introspection';

function limitError(
  message: string,
  limit: Limit,
  bounds: { max?: number; actual?: number; nodes?: OperationDefinitionNode } = {},
): GraphQLError {
  const { max, actual, nodes } = bounds;
  return new GraphQLError(message, {
    nodes,
    extensions: {
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit,
      ...(max !== undefined && { max }),
      ...(actual !== undefined && { actual }),
    },
  });
}

function fragmentsOf(document: DocumentNode): FragmentDefinitionNode[] {
  return document.definitions.filter(
    (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
  );
}

/**
 * Introspection subtrees do not count towards depth: GraphiQL's own introspection query is about 13
 * deep and must pass when introspection is on. They stay bounded because graphql-js's
 * `MaxIntrospectionDepthRule` (in `specifiedRules` since 16.9) caps their recursive lists, and when
 * introspection is off the introspection rule refuses them anyway.
 */
const DEPTH_EXEMPT_FIELDS = new Set(['__schema', '__type']);

function depthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    // A fragment's depth does not depend on where it is spread, so each is measured once: without
    // this, a chain of fragments each spreading the next twice costs 2^n.
    const fragmentDepths = new Map<string, number>();
    const onPath = new Set<string>();

    const fragmentDepth = (name: string): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      // Unknown fragments and cycles are reported by the spec's own rules; here they only must end.
      if (!fragment || onPath.has(name)) return 0;
      onPath.add(name);
      const depth = selectionDepth(fragment.selectionSet);
      onPath.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    };

    const selectionDepth = (selectionSet: SelectionSetNode | undefined): number => {
      let deepest = 0;
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          if (DEPTH_EXEMPT_FIELDS.has(selection.name.value)) continue;
          deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, selectionDepth(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    };

    return {
      OperationDefinition(operation) {
        const depth = selectionDepth(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            limitError(`La requête est trop profonde (profondeur ${depth}, maximum ${maxDepth}).`, 'depth', {
              max: maxDepth,
              actual: depth,
              nodes: operation,
            }),
          );
        }
      },
    };
  };
}

function aliasRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              limitError(`La requête contient trop d'alias (${aliases}, maximum ${maxAliases}).`, 'aliases', {
                max: maxAliases,
                actual: aliases,
              }),
            );
          }
        },
      },
    };
  };
}

function operationCountRule(maxOperations: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const operations = document.definitions.filter(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION,
      ).length;
      if (operations > maxOperations) {
        context.reportError(
          limitError(
            `La requête contient trop d'opérations (${operations}, maximum ${maxOperations}).`,
            'operations',
            { max: maxOperations, actual: operations },
          ),
        );
      }
    },
  });
}

/** graphql-js's `NoSchemaIntrospectionCustomRule`, answering once per document and in French. */
function introspectionRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let reported = false;
    return {
      Field() {
        const type = getNamedType(context.getType());
        if (reported || !type || !isIntrospectionType(type)) return;
        reported = true;
        context.reportError(limitError("L'introspection du schéma est désactivée.", 'introspection'));
      },
    };
  };
}

// graphql-query-complexity throws this, in English, when a document has too many selections to
// evaluate (fragments spread many times over); it means "too complex", not "invalid".
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

/**
 * Cost of one operation, or undefined when its arguments or variables are invalid: the spec's
 * rules, or variable coercion before execution, refuse those in their own words.
 */
function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
  variables: Record<string, unknown>,
): number | undefined {
  try {
    // Measured alone, since only one operation of a document runs; the library would sum them.
    return getComplexity({
      schema,
      query: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
      variables,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return error.message === TOO_MANY_NODES ? Infinity : undefined;
  }
}

function complexityErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  maxComplexity: number,
  variables: Record<string, unknown> | undefined,
): GraphQLError[] {
  const fragments = fragmentsOf(document);
  const errors: GraphQLError[] = [];
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    // Without the request's variables, the cost of an operation that declares some is unknown:
    // guessing (defaults, or nothing) would wrongly refuse or let through, and a cached verdict
    // would then apply to every later request.
    if (variables === undefined && operation.variableDefinitions?.length) continue;
    const cost = operationCost(schema, operation, fragments, variables ?? {});
    if (cost === undefined || cost <= maxComplexity) continue;
    errors.push(
      Number.isFinite(cost)
        ? limitError(`La requête est trop complexe (coût ${cost}, maximum ${maxComplexity}).`, 'complexity', {
            max: maxComplexity,
            actual: cost,
            nodes: operation,
          })
        : limitError(
            `La requête est trop complexe (trop de sélections pour en calculer le coût, maximum ${maxComplexity}).`,
            'complexity',
            { max: maxComplexity, nodes: operation },
          ),
    );
  }
  return errors;
}

function complexityRule(
  maxComplexity: number,
  variables: Record<string, unknown> | undefined,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const error of complexityErrors(context.getSchema(), document, maxComplexity, variables)) {
        context.reportError(error);
      }
    },
  });
}

/**
 * The limits read from the document's shape alone, each in one linear pass: run them before the
 * spec's rules (one of which compares repeated fields pairwise), so an abusive document costs little.
 */
export function structuralLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    operationCountRule(limits.maxOperations),
    aliasRule(limits.maxAliases),
    depthRule(limits.maxDepth),
    repeatedFieldsRule(limits),
  ];
}

/**
 * The limits that need the schema: complexity, and introspection when it is off. With `variables`,
 * every operation's complexity is measured with them. Without, only operations declaring no
 * variables are, since their cost is the same for every request: that is the form for a rule list
 * validated once per document and cached (Mercurius with its cache on), paired with
 * `assertComplexityWithin` run on each request.
 */
export function schemaLimitRules(limits: QueryLimits, variables?: Record<string, unknown>): ValidationRule[] {
  const rules: ValidationRule[] = [complexityRule(limits.maxComplexity, variables)];
  if (!limits.introspection) rules.push(introspectionRule());
  return rules;
}

/** Every limit as validation rules (see `structuralLimitRules` and `schemaLimitRules`). */
export function queryLimitRules(limits: QueryLimits, variables?: Record<string, unknown>): ValidationRule[] {
  return [...structuralLimitRules(limits), ...schemaLimitRules(limits, variables)];
}

/** Does some field of the schema declare its own cost (read from its arguments by the estimator)? */
const declaresCosts = new WeakMap<GraphQLSchema, boolean>();

function schemaDeclaresCosts(schema: GraphQLSchema): boolean {
  let declares = declaresCosts.get(schema);
  if (declares === undefined) {
    declares = Object.values(schema.getTypeMap()).some(
      (type) =>
        (isObjectType(type) || isInterfaceType(type)) &&
        Object.values(type.getFields()).some((field) => field.extensions?.complexity !== undefined),
    );
    declaresCosts.set(schema, declares);
  }
  return declares;
}

/**
 * What of the variables can change a document's cost. With the estimators used here and no field
 * declaring its own cost, only `@skip`/`@include` read variables, and those take Boolean ones only
 * (graphql-js's validation keeps any other type out of their `if`): the key is then the Boolean
 * variables' values, so one document costs one computation whatever ids it is sent with. A field
 * declaring a cost may read any argument: every variable counts then.
 */
function costKey(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): string {
  if (schemaDeclaresCosts(schema)) return JSON.stringify(variables);
  const booleans: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type);
      if (!type || getNullableType(type) !== GraphQLBoolean) continue;
      const name = variable.variable.name.value;
      booleans[name] = variables[name] ?? null;
    }
  }
  return JSON.stringify(booleans);
}

/** Per schema and cached document, the variable keys found within the limit (refusals are measured anew). */
const withinLimit = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<number, Set<string>>>>();
const KEYS_PER_DOCUMENT = 64;

/**
 * Complexity with this request's variables, for servers that skip validation on a cached document
 * (a Mercurius `preExecution` hook). Throws the same error the validation rule reports. A document
 * found within the limit is not measured again for the same values of what can change its cost
 * (`costKey`).
 */
export function assertComplexityWithin(
  maxComplexity: number,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): void {
  let documents = withinLimit.get(schema);
  if (!documents) withinLimit.set(schema, (documents = new WeakMap()));
  let byLimit = documents.get(document);
  if (!byLimit) documents.set(document, (byLimit = new Map()));
  let passed = byLimit.get(maxComplexity);
  if (!passed) byLimit.set(maxComplexity, (passed = new Set()));
  const key = costKey(schema, document, variables ?? {});
  if (passed.has(key)) return;
  const [error] = complexityErrors(schema, document, maxComplexity, variables ?? {});
  if (error) throw error;
  if (passed.size >= KEYS_PER_DOCUMENT) passed.clear();
  passed.add(key);
}
