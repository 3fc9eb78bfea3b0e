import {
  ASTVisitor,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { DocumentNode, GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
  maxOperations: number;
  introspection: boolean;
}

type Limit = 'depth' | 'complexity' | 'aliases' | 'operations' | 'introspection';

function limitError(message: string, limit: Limit, max?: number, actual?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, ...(max !== undefined ? { max, actual } : {}) },
  });
}

const isIntrospectionField = (name: string) => name === '__schema' || name === '__type';

/**
 * Deepest field path under a selection set, following fragments. A fragment already on the path is
 * not followed again (the spec's NoFragmentCycles rule reports the cycle itself). Introspection
 * subtrees are skipped: when introspection is allowed GraphiQL's own query must pass, and when it is
 * not, the introspection rule refuses it anyway.
 */
function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (isIntrospectionField(selection.name.value)) continue;
      depth = 1 + selectionDepth(selection.selectionSet, fragments, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      depth = selectionDepth(fragment.selectionSet, fragments, visiting);
      visiting.delete(name);
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

function depthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = Object.fromEntries(
      document.definitions
        .filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    );
    return {
      OperationDefinition(operation) {
        const depth = selectionDepth(operation.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            limitError(
              `La requête est trop profonde (profondeur ${depth}, maximum ${maxDepth}).`,
              'depth',
              maxDepth,
              depth,
            ),
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
              limitError(
                `La requête contient trop d'alias (${aliases}, maximum ${maxAliases}).`,
                'aliases',
                maxAliases,
                aliases,
              ),
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
            maxOperations,
            operations,
          ),
        );
      }
    },
  });
}

function introspectionRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    // Reuse graphql-js's detection, but answer in French with our extensions.
    const translated = Object.create(context) as ValidationContext;
    let reported = false;
    translated.reportError = () => {
      if (reported) return;
      reported = true;
      context.reportError(limitError("L'introspection du schéma est désactivée.", 'introspection'));
    };
    return NoSchemaIntrospectionCustomRule(translated);
  };
}

/**
 * The limits that depend on the document alone, checked during validation (whose result the
 * server caches per document).
 */
export function queryLimitRules(limits: Omit<QueryLimits, 'maxComplexity'>): ValidationRule[] {
  const rules: ValidationRule[] = [
    operationCountRule(limits.maxOperations),
    aliasRule(limits.maxAliases),
    depthRule(limits.maxDepth),
  ];
  if (!limits.introspection) rules.push(introspectionRule());
  return rules;
}

/**
 * Complexity depends on the variables too (a list's requested size), so it is measured for every
 * request, after the cached validation and before execution. Throws when over the limit.
 */
export function assertComplexityWithin(
  maxComplexity: number,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): void {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    return; // invalid variables: execution reports them in its own words
  }
  if (cost > maxComplexity) {
    throw limitError(
      `La requête est trop complexe (coût ${cost}, maximum ${maxComplexity}).`,
      'complexity',
      maxComplexity,
      cost,
    );
  }
}
