import { RelaisAbility, RelaisRawRule, RelaisRule } from '../ability';
import { readsByRole } from '../masking/visible-categories';
import { Action, Conditions, refinementOf } from './policy';
import { conditionsImply } from './rule-implication';

/** A granting rule reading by role, whole rows, every category: nothing another rule opens goes beyond it. */
function readsEverythingByRole(rule: RelaisRule): boolean {
  const grant = (rule.origin as RelaisRawRule).grant;
  return !rule.inverted && !rule.fields && !!grant?.relation && readsByRole(grant.relation) && !grant.opens;
}

const implied = (rule: RelaisRule, by: readonly RelaisRule[]) =>
  by.some((wide) => conditionsImply(rule.conditions as Conditions, wide.conditions as Conditions));

/**
 * The granting rules of `action` on `subject` a row's access is read from. One is left out when
 * every row it matches is also granted by a rule that reads by role and opens everything (the
 * coordinator's, for the territories they coordinate), unless it stands for a relation read by
 * role itself: the role's reading shows at least as much as any relation read through the
 * sharing matrix (a territory's matrix never exceeds it), and the relations the services ask
 * about beyond categories (coordinator, author) are all read by role. A coordinator's list then
 * carries no column for the partner rules of their own organisation, whose sub-queries read
 * every invitation and circle of that organisation in the territory. The same list serves the
 * SQL columns and the memory evaluation, so both stay equal; explanations list every rule.
 */
export function grantingRulesOf(ability: RelaisAbility, action: Action, subject: string): RelaisRule[] {
  const rules = ability.rulesFor(action, subject);
  const dominant = rules.filter(readsEverythingByRole);
  return rules.filter((rule) => {
    const relation = (rule.origin as RelaisRawRule).grant?.relation;
    if (rule.inverted || dominant.includes(rule) || (relation && readsByRole(relation))) return true;
    return !implied(rule, dominant);
  });
}

/**
 * The refinements of `action` on `subject` that can change what a reader sees: one is left out
 * when every row it matches is also granted by a rule that reads by role and opens everything
 * (the coordinator's, for the territories they coordinate), which already shows at least as
 * much. The same list serves the SQL columns and the memory evaluation, so both stay equal.
 */
export function refinementsOf(ability: RelaisAbility, action: Action, subject: string): RelaisRule[] {
  const dominant = ability.rulesFor(action, subject).filter(readsEverythingByRole);
  return ability
    .rulesFor(refinementOf(action), subject)
    .filter((refinement) => !implied(refinement, dominant));
}
