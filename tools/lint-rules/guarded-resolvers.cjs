const OPERATION_DECORATORS = new Set(['Query', 'Mutation', 'Subscription', 'ResolveField']);
const DEFAULT_GUARDS = ['Allow', 'Public'];

/** `@Query`, `@Query()`, `@GraphQL.Query()` all name `Query`; anything more exotic names nothing. */
function decoratorName(decorator) {
  let expression = decorator.expression;
  if (expression.type === 'CallExpression') expression = expression.callee;
  if (expression.type === 'Identifier') return expression.name;
  if (expression.type === 'MemberExpression' && !expression.computed) return expression.property.name;
  return undefined;
}

function methodName(method, sourceCode) {
  if (method.key.type === 'Identifier' && !method.computed) return method.key.name;
  if (method.key.type === 'Literal') return String(method.key.value);
  return sourceCode.getText(method.key);
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Every GraphQL query, mutation, subscription and resolved field declares its own access.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          guards: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingAccess:
        "L'opération GraphQL {{name}} doit déclarer son accès : @Allow(...) ou @Public() si elle est publique à dessein.",
    },
  },

  create(context) {
    const guards = new Set(context.options[0]?.guards ?? DEFAULT_GUARDS);

    return {
      MethodDefinition(method) {
        const names = (method.decorators ?? []).map(decoratorName);
        if (!names.some((name) => OPERATION_DECORATORS.has(name))) return;
        // Only the method's own decorators count, though Nest would honour a class-level one: a guard on
        // the class silently covers every operation added to it later, and the reader of an operation
        // should see its access without scrolling up.
        if (names.some((name) => guards.has(name))) return;
        context.report({
          node: method.key,
          messageId: 'missingAccess',
          data: { name: methodName(method, context.sourceCode) },
        });
      },
    };
  },
};
