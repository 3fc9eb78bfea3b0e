import { Policy, SubjectDefinition } from './policy';

/**
 * Every context's policy, registered once at import time by the context itself
 * (`registerPolicy(identityPolicy)` in its module file), so an ability always sees all rules.
 */
class PolicyRegistry {
  private readonly policies = new Map<string, Policy>();
  private readonly subjects = new Map<string, SubjectDefinition>();

  register(policy: Policy): void {
    if (this.policies.get(policy.name) === policy) return;
    if (this.policies.has(policy.name))
      throw new Error(`Politique d'accès déjà enregistrée : ${policy.name}`);
    for (const [name, definition] of Object.entries(policy.subjects)) {
      if (this.subjects.has(name)) throw new Error(`Sujet d'accès déclaré deux fois : ${name}`);
      this.subjects.set(name, definition);
    }
    this.policies.set(policy.name, policy);
  }

  all(): Policy[] {
    return [...this.policies.values()];
  }

  subject(name: string): SubjectDefinition {
    const definition = this.subjects.get(name);
    if (!definition) throw new Error(`Sujet d'accès inconnu : ${name}`);
    return definition;
  }

  subjectNameOf(row: object): string | undefined {
    for (const [name, definition] of this.subjects) {
      if (definition.entity && row instanceof definition.entity) return name;
    }
    return undefined;
  }

  subjectNameOfEntity(entity: new (...args: never[]) => object): string {
    for (const [name, definition] of this.subjects) if (definition.entity === entity) return name;
    throw new Error(`Aucun sujet d'accès pour l'entité ${entity.name}`);
  }

  subjectNames(): string[] {
    return [...this.subjects.keys()];
  }
}

export const policyRegistry = new PolicyRegistry();

export function registerPolicy(policy: Policy): void {
  policyRegistry.register(policy);
}
