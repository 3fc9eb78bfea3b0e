import { createHash } from 'node:crypto';
import { abilityFromRules, collectRules, RelaisAbility, RelaisRawRule, RelaisRule } from './ability';
import { Policy } from './policy/policy';
import { policyRegistry } from './policy/policy-registry';
import { Principal } from './principal';

/** One action's rules on one subject compiled into SQL over one alias. */
export interface CompiledRules {
  /** Each rule with a condition (by identity), as SQL over the alias. */
  readonly sqlOf: ReadonlyMap<object, string>;
  readonly parameters: Record<string, unknown>;
}

/** What the access service derives from a set of rules, each piece filled when first asked. */
export interface PrincipalAccess {
  readonly ability: RelaisAbility;
  /** By action, subject and alias. */
  readonly compiled: Map<string, CompiledRules>;
  /** By action and subject: the refinements kept after pruning. */
  readonly refinements: Map<string, RelaisRule[]>;
}

/** Rule sets kept: a process serves at most about this many people in one stretch. */
export const ACCESS_CACHE_SIZE = 500;

/**
 * The rules' text, hashed so that entries stay small (a coordinator's rules run to tens of
 * kilobytes). Plain JSON.stringify: a replacer function made it cost as much as building the
 * ability. Policies write moments as Paris days (`YYYY-MM-DD` strings), never as Dates.
 */
function fingerprint(rules: readonly RelaisRawRule[]): string {
  return createHash('sha256').update(JSON.stringify(rules)).digest('base64');
}

/**
 * Building an ability and compiling its rules to SQL cost more than the rest of a read: they are
 * shared by every request whose principal yields the very same rules. The key is the rules
 * themselves (collected anew on every request from the principal loaded with the session), so a
 * change in memberships, roles, charter, sharing matrix or Paris day gives other rules and another
 * entry; a consent withdrawn changes no rule (its rows are read by the compiled SQL at each query).
 * Parameter values are shared read-only; their names are unique per compilation, so entries never
 * clash in one statement.
 */
export class AccessCache {
  private readonly byPrincipal = new WeakMap<Principal, PrincipalAccess>();
  private readonly byRules = new Map<string, PrincipalAccess>();

  constructor(
    private readonly policies: () => readonly Policy[] = () => policyRegistry.all(),
    private readonly size = ACCESS_CACHE_SIZE,
  ) {}

  of(principal: Principal): PrincipalAccess {
    const known = this.byPrincipal.get(principal);
    if (known) return known;
    const rules = collectRules(principal, this.policies());
    const key = fingerprint(rules);
    let access = this.byRules.get(key);
    if (access) {
      // Most recently used last: the oldest entry is the one dropped.
      this.byRules.delete(key);
    } else {
      access = { ability: abilityFromRules(rules), compiled: new Map(), refinements: new Map() };
      if (this.byRules.size >= this.size) this.byRules.delete(this.byRules.keys().next().value!);
    }
    this.byRules.set(key, access);
    this.byPrincipal.set(principal, access);
    return access;
  }

  /** How many rule sets are kept (tests). */
  get entries(): number {
    return this.byRules.size;
  }
}
