import { createMongoAbility, MongoAbility, RawRuleOf } from '@casl/ability';
import { Grant, Policy, refinementOf, RuleBuilder } from './policy/policy';
import { policyRegistry } from './policy/policy-registry';
import { Principal } from './principal';

export type RelaisAbility = MongoAbility<[string, string | object]>;

/** One compiled rule of an ability, as CASL keeps it. */
export type RelaisRule = ReturnType<RelaisAbility['rulesFor']>[number];

/** The raw rule as written, with the grant kept for "why can I see this?". */
export type RelaisRawRule = RawRuleOf<RelaisAbility> & { grant?: Grant };

/** Marks a plain object (a row from a raw query) as a subject of the given type. */
export const SUBJECT_TYPE = Symbol('relais.subjectType');

export function asSubject<T extends object>(type: string, row: T): T {
  Object.defineProperty(row, SUBJECT_TYPE, { value: type, enumerable: false });
  return row;
}

function detectSubjectType(subject: object): string {
  const tagged = (subject as { [SUBJECT_TYPE]?: string })[SUBJECT_TYPE];
  return tagged ?? policyRegistry.subjectNameOf(subject) ?? subject.constructor.name;
}

export function collectRules(principal: Principal, policies: readonly Policy[]): RelaisRawRule[] {
  const rules: RelaisRawRule[] = [];
  const builder: RuleBuilder = {
    allow(action, subject, conditions, grant) {
      rules.push({ action, subject, conditions, grant });
    },
    allowFields(action, subject, fields, conditions, grant) {
      rules.push({ action, subject, fields, conditions, grant });
    },
    forbid(action, subject, conditions) {
      rules.push({ action, subject, conditions, inverted: true });
    },
    refine(action, subject, conditions, grant) {
      rules.push({ action: refinementOf(action), subject, conditions, grant });
    },
  };
  for (const policy of policies) policy.define(principal, builder);
  return rules;
}

/** Built from the principal alone (loaded with the session, in two queries): no query here. */
export function buildAbility(
  principal: Principal,
  policies: readonly Policy[] = policyRegistry.all(),
): RelaisAbility {
  return abilityFromRules(collectRules(principal, policies));
}

/** The ability those rules make (see `collectRules`). */
export function abilityFromRules(rules: RelaisRawRule[]): RelaisAbility {
  return createMongoAbility<[string, string | object]>(rules, { detectSubjectType });
}
