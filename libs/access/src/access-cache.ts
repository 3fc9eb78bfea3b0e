import { parisDate } from '@relais/config';
import { createHash } from 'node:crypto';
import { abilityFromRules, collectRules, RelaisAbility, RelaisRawRule, RelaisRule } from './ability';
import { Policy } from './policy/policy';
import { policyRegistry } from './policy/policy-registry';
import { Principal } from './principal';
import { MatchedGrant } from './masking/row-access';
import { CompiledCondition } from './sql/condition-compiler';

/** One action's rules on one subject compiled into SQL over one alias. */
export interface CompiledRules {
  /** Each rule with a condition (by identity), as SQL over the alias. */
  readonly sqlOf: ReadonlyMap<object, string>;
  readonly parameters: Record<string, unknown>;
}

/** The granting rules of one action on one subject, each as a column telling whether a row matches it. */
export interface RuleColumns {
  readonly sql: readonly string[];
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly rules: readonly MatchedGrant[];
}

/** What the access service derives from a set of rules, each piece filled when first asked. */
export interface PrincipalAccess {
  readonly ability: RelaisAbility;
  /** By action, subject and alias. */
  readonly compiled: Map<string, CompiledRules>;
  /** By action and subject: the refinements kept after pruning. */
  readonly refinements: Map<string, RelaisRule[]>;
  /** By action and subject: the granting rules a row's access is read from (see `AccessService`). */
  readonly granting: Map<string, RelaisRule[]>;
  /** By action, subject and alias: the rules as one condition. */
  readonly conditions: Map<string, CompiledCondition>;
  /** By action, subject, alias and the categories shown: the rule columns of a list. */
  readonly ruleColumns: Map<string, RuleColumns>;
  /** By the caller's key: what callers derive from the rules alone (see `AccessService.derivedFromRules`). */
  readonly derived: Map<string, unknown>;
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
 * What policies build rules from: the principal without its session and request, and its moment
 * as the Paris day (rules compare days, never instants). Collecting and hashing a coordinator's
 * rules on every request cost about a twentieth of a list read's CPU; this is a few hundred bytes.
 */
type RulesInput = [
  userId: string,
  organisationId: string,
  organisationKind: string,
  sharingCategory: Principal['sharingCategory'],
  memberships: Principal['memberships'],
  parisDay: string,
];

function rulesInput(principal: Principal): RulesInput {
  const { userId, organisationId, organisationKind, sharingCategory, memberships, now } = principal;
  return [userId, organisationId, organisationKind, sharingCategory, memberships, parisDate(now)];
}

/** A principal made of the input alone: its moment is noon (Paris) of the day, whatever the hour asked. */
function principalOf([userId, organisationId, kind, category, memberships, day]: RulesInput): Principal {
  // 11:00 UTC is noon or 1 pm in Paris: the same Paris day in winter and in summer.
  return new Principal(
    userId,
    '',
    organisationId,
    category,
    memberships,
    '',
    kind,
    new Date(`${day}T11:00:00Z`),
  );
}

/** Most recently used last, so the oldest entry is the one dropped past `size`. */
function keepRecent<T>(entries: Map<string, T>, key: string, value: T, size: number): void {
  if (entries.has(key)) entries.delete(key);
  else if (entries.size >= size) entries.delete(entries.keys().next().value!);
  entries.set(key, value);
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
  /** The rules' key by what they are made of (`rulesInput`): a request finds its rules without collecting them. */
  private readonly byRulesInput = new Map<string, string>();
  private readonly byRules = new Map<string, PrincipalAccess>();

  constructor(
    private readonly policies: () => readonly Policy[] = () => policyRegistry.all(),
    private readonly size = ACCESS_CACHE_SIZE,
  ) {}

  of(principal: Principal): PrincipalAccess {
    const known = this.byPrincipal.get(principal);
    if (known) return known;
    const input = rulesInput(principal);
    const inputKey = JSON.stringify(input);
    let rulesKey = this.byRulesInput.get(inputKey);
    let access = rulesKey === undefined ? undefined : this.byRules.get(rulesKey);
    if (!rulesKey || !access) {
      // Collected from the input alone, so what is kept under its key is exactly what it yields.
      const rules = collectRules(principalOf(input), this.policies());
      rulesKey = fingerprint(rules);
      access = this.byRules.get(rulesKey) ?? {
        ability: abilityFromRules(rules),
        compiled: new Map(),
        refinements: new Map(),
        granting: new Map(),
        conditions: new Map(),
        ruleColumns: new Map(),
        derived: new Map(),
      };
    }
    keepRecent(this.byRules, rulesKey, access, this.size);
    keepRecent(this.byRulesInput, inputKey, rulesKey, this.size);
    this.byPrincipal.set(principal, access);
    return access;
  }

  /** How many rule sets are kept (tests). */
  get entries(): number {
    return this.byRules.size;
  }
}
