import {
  ASTVisitor,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

export interface RepeatLimits {
  /** The same response name (field or alias) at most this many times in one selection. */
  maxFieldRepeats: number;
  /** Selections beyond each name's first, summed over the whole document. */
  maxRepeatedFields: number;
}

type Counts = Map<string, number>;

function add(into: Counts, from: Counts): void {
  for (const [name, count] of from) into.set(name, (into.get(name) ?? 0) + count);
}

/**
 * Refuses a document repeating one field many times in a selection (`{ me { id id id … } }`),
 * directly or through inline fragments and fragment spreads, since these are what graphql-js
 * merges. Repeats cost nothing to write and a lot to check: the spec's overlapping-fields rule
 * compares them pairwise. Linear: each fragment's names are counted once.
 */
export function repeatedFieldsRule(limits: RepeatLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentCounts = new Map<string, Counts>();
    const onPath = new Set<string>();
    let repeated = 0;
    let reportedTotal = false;

    /** A fragment's names, its own nested fragments each counted once; a cycle counts nothing. */
    const countsOfFragment = (fragment: FragmentDefinitionNode): Counts => {
      const name = fragment.name.value;
      const known = fragmentCounts.get(name);
      if (known) return known;
      if (onPath.has(name)) return new Map();
      onPath.add(name);
      const counts = countsOf(fragment.selectionSet, new Set([name]));
      onPath.delete(name);
      fragmentCounts.set(name, counts);
      return counts;
    };

    const countsOf = (selectionSet: SelectionSetNode, spread: Set<string>): Counts => {
      const counts: Counts = new Map();
      const visit = (set: SelectionSetNode): void => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            const name = selection.alias?.value ?? selection.name.value;
            counts.set(name, (counts.get(name) ?? 0) + 1);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            visit(selection.selectionSet);
          } else {
            // graphql-js collects a fragment once per selection, however often it is spread there.
            const name = selection.name.value;
            if (spread.has(name)) continue;
            spread.add(name);
            const fragment = context.getFragment(name);
            // Unknown fragments are reported by the spec's own rule.
            if (fragment) add(counts, countsOfFragment(fragment));
          }
        }
      };
      visit(selectionSet);
      return counts;
    };

    const check = (selectionSet: SelectionSetNode): void => {
      let worst: [string, number] | undefined;
      for (const [name, count] of countsOf(selectionSet, new Set())) {
        repeated += count - 1;
        if (count > limits.maxFieldRepeats && (!worst || count > worst[1])) worst = [name, count];
      }
      if (worst) {
        context.reportError(
          new GraphQLError(
            `Le champ « ${worst[0]} » est demandé ${worst[1]} fois au même endroit (au plus ${limits.maxFieldRepeats}).`,
            {
              nodes: selectionSet,
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                limit: 'fieldRepeats',
                max: limits.maxFieldRepeats,
                actual: worst[1],
              },
            },
          ),
        );
      }
      if (repeated > limits.maxRepeatedFields && !reportedTotal) {
        reportedTotal = true;
        context.reportError(
          new GraphQLError(
            `La requête répète trop de champs (plus de ${limits.maxRepeatedFields} répétitions).`,
            {
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                limit: 'repeatedFields',
                max: limits.maxRepeatedFields,
              },
            },
          ),
        );
      }
    };

    return {
      OperationDefinition(operation) {
        check(operation.selectionSet);
      },
      Field(field) {
        if (field.selectionSet) check(field.selectionSet);
      },
    };
  };
}
