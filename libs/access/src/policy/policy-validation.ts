import { DataSource } from 'typeorm';
import { buildAbility } from '../ability';
import { Role } from '../domain/role';
import { SharingCategory } from '../domain/sharing-category';
import { Principal } from '../principal';
import { compileCondition, UnsupportedConditionError } from '../sql/condition-compiler';
import { policyRegistry } from './policy-registry';

/**
 * Builds every policy for a principal holding every role, and compiles each rule: an operator,
 * field or relation the SQL side cannot express stops the process at boot.
 */
export function validatePolicies(dataSource: DataSource): void {
  const sampleTerritory = '00000000-0000-4000-8000-000000000000';
  const everyone = Object.values(SharingCategory).map(
    (category) =>
      new Principal(sampleTerritory, sampleTerritory, sampleTerritory, category, [
        {
          id: sampleTerritory,
          territoryId: sampleTerritory,
          roles: Object.values(Role),
          cellId: sampleTerritory,
          charterAccepted: true,
        },
      ]),
  );
  for (const principal of everyone) {
    const ability = buildAbility(principal);
    const checked = new Set<object>();
    for (const raw of ability.rules) {
      for (const subject of [raw.subject].flat() as string[]) {
        const entity = policyRegistry.subject(subject).entity;
        for (const action of [raw.action].flat()) {
          for (const rule of ability.possibleRulesFor(action, subject)) {
            if (checked.has(rule)) continue;
            checked.add(rule);
            try {
              if (rule.conditions && !rule.ast) throw new UnsupportedConditionError('condition illisible');
              if (rule.ast && !entity)
                throw new UnsupportedConditionError('condition sur un sujet sans table');
              if (rule.ast && entity)
                compileCondition(rule.ast, dataSource.getMetadata(entity), 'validation');
            } catch (error) {
              throw new UnsupportedConditionError(
                `Règle d'accès sur ${subject} non traduisible en SQL : ${(error as Error).message}`,
              );
            }
          }
        }
      }
    }
  }
}
