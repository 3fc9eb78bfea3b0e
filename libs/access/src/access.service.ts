import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { slot, StatementTemplate } from '@relais/database';
import { rulesToQuery } from '@casl/ability/extra';
import { CompoundCondition } from '@ucast/mongo2js';
import { DataSource, EntityManager, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AccessException } from './access.exception';
import { buildAbility, RelaisAbility, RelaisRawRule, RelaisRule } from './ability';
import { AccessCache, CompiledRules, PrincipalAccess, RuleColumns } from './access-cache';
import { Action, Grant, refinementOf } from './policy/policy';
import { grantingRulesOf, refinementsOf } from './policy/rule-pruning';
import { policyRegistry } from './policy/policy-registry';
import { Principal } from './principal';
import { categoriesDeclaredBy } from './masking/field-mask';
import { RowAccess, rowAccessFrom } from './masking/row-access';
import { DataCategory } from './domain/data-category';
import { cheapestFirst, compileCondition, CompiledCondition } from './sql/condition-compiler';
import { RefusedTarget } from './refusal/access-refusal';
import { notFoundOnRead } from './refusal/not-found-on-read';
import { validatePolicies } from './policy/policy-validation';

const ROW_ID_COLUMN = 'access_row_id';

/** Each object type a list is shown as gets a number, to key its rule columns. */
const shownTypeNumbers = new WeakMap<object, number>();
let nextShownTypeNumber = 0;
function shownKey(type: object): number {
  let number = shownTypeNumbers.get(type);
  if (number === undefined) shownTypeNumbers.set(type, (number = nextShownTypeNumber++));
  return number;
}
const ruleColumn = (index: number) => `access_rule_${index}`;

/**
 * The one place that decides. Each rule is evaluated two ways: on a loaded row (`can`,
 * `assertCan`) and compiled into SQL for lists (`accessibleBy`); parity tests keep them equal.
 */
@Injectable()
export class AccessService implements OnModuleInit {
  /** Abilities and compiled rules, shared by every request whose principal yields the same rules. */
  private readonly cache = new AccessCache();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Fails the boot on a rule the SQL compiler cannot express, before any request is served. */
  onModuleInit(): void {
    validatePolicies(this.dataSource);
  }

  abilityFor(principal: Principal): RelaisAbility {
    return this.accessOf(principal).ability;
  }

  private accessOf(principal: Principal): PrincipalAccess {
    return this.cache.of(principal);
  }

  can(principal: Principal, action: Action, subject: string | object): boolean {
    return this.abilityFor(principal).can(action, subject);
  }

  /**
   * For one loaded row. Refusals answer NOT_FOUND by default, so that a refused id and a missing
   * one look the same; pass 'FORBIDDEN' where the caller may know the row exists.
   */
  assertCan(
    principal: Principal,
    action: Action,
    row: object,
    refusal: 'NOT_FOUND' | 'FORBIDDEN' = 'NOT_FOUND',
  ): void {
    if (!this.can(principal, action, row)) {
      throw new AccessException(refusal, this.targetOf(principal, action, row));
    }
  }

  /** Type-level: may the principal do `action` on some `subject` at all? Explains a charter gate. */
  assertMayAttempt(principal: Principal, action: Action, subject: string): void {
    if (this.can(principal, action, subject)) return;
    if (principal.hasPendingCharter && buildAbility(withCharterAccepted(principal)).can(action, subject)) {
      const concerned = principal.memberships.find(
        (membership) =>
          !membership.charterAccepted &&
          buildAbility(withCharterAccepted(principal, membership.id)).can(action, subject),
      );
      throw new AccessException('CHARTER_NOT_ACCEPTED', {
        subjectType: subject,
        action,
        territoryId: concerned?.territoryId ?? null,
      });
    }
    throw new AccessException('FORBIDDEN', { subjectType: subject, action });
  }

  /** The NOT_FOUND answering a policy-filtered read that found nothing: see `notFoundOnRead`. */
  notFound(
    manager: EntityManager,
    action: Action,
    subject: string | (new (...args: never[]) => object),
    id: string,
  ): Promise<AccessException> {
    return notFoundOnRead(manager, action, subject, id);
  }

  private targetOf(principal: Principal, action: Action, row: object): RefusedTarget {
    const { id, territoryId } = row as { id?: unknown; territoryId?: unknown };
    return {
      subjectType: String(this.abilityFor(principal).detectSubjectType(row)),
      subjectId: typeof id === 'string' ? id : null,
      territoryId: typeof territoryId === 'string' ? territoryId : null,
      action,
    };
  }

  /** The rules as one SQL condition over `alias` (a row of `subject`); FALSE when no rule grants. */
  conditionFor(principal: Principal, action: Action, subject: string, alias: string): CompiledCondition {
    const byKey = this.accessOf(principal).conditions;
    const key = `${action}\u0000${subject}\u0000${alias}`;
    let condition = byKey.get(key);
    if (!condition) byKey.set(key, (condition = this.combinedCondition(principal, action, subject, alias)));
    return condition;
  }

  private combinedCondition(
    principal: Principal,
    action: Action,
    subject: string,
    alias: string,
  ): CompiledCondition {
    const compiled = this.compiledRules(principal, action, subject, alias);
    // A forbidding rule's SQL is already its negation (see compiledRules).
    const query = rulesToQuery(this.abilityFor(principal), action, subject, (rule) => ({
      sql: compiled.sqlOf.get(rule) ?? (rule.inverted ? 'FALSE' : 'TRUE'),
    }));
    if (query === null) return { sql: 'FALSE', parameters: {} };
    const parts: string[] = [];
    const allowed = cheapestFirst((query.$or ?? []).map(({ sql }) => sql));
    if (allowed.length) parts.push(allowed.length === 1 ? allowed[0] : `(${allowed.join(' OR ')})`);
    for (const { sql } of query.$and ?? []) parts.push(sql);
    return { sql: parts.length ? parts.join(' AND ') : 'TRUE', parameters: compiled.parameters };
  }

  /**
   * What `make` derives from the principal's rules and from `key` alone (a list statement's text
   * built once, see `StatementTemplate`), made on first use and kept with the rules: every principal
   * holding the same rules shares it, and it goes when they are let go. `key` must name everything
   * else `make` reads; a value that varies per request has no place in it.
   */
  derivedFromRules<T>(principal: Principal, key: string, make: () => T): T {
    const derived = this.accessOf(principal).derived;
    if (derived.has(key)) return derived.get(key) as T;
    const value = make();
    derived.set(key, value);
    return value;
  }

  /**
   * A list statement narrowed to the rows the principal may `action`, with the reader of each row's
   * access (see `selectRowAccess`), built once per set of rules and `key` (see `derivedFromRules`):
   * `build` gives the query with a `slot` wherever a request's own value goes, and each request
   * sends the kept text with its values (`StatementTemplate`).
   */
  rowAccessStatement<T extends ObjectLiteral>(
    principal: Principal,
    key: string,
    build: () => SelectQueryBuilder<T>,
    action: Action,
    subject: string,
    shownAs?: abstract new (...args: never[]) => object,
  ): { statement: StatementTemplate; readAccess: (raw: readonly object[]) => Map<string, RowAccess> } {
    return this.derivedFromRules(principal, `row-access:${key}`, () => {
      const query = build();
      const readAccess = this.selectRowAccess(query, principal, action, subject, shownAs);
      return { statement: StatementTemplate.of(query), readAccess };
    });
  }

  /** Narrows a list query to the rows the principal may `action`; always `andWhere`. */
  accessibleBy<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    principal: Principal,
    action: Action,
    subject: string,
  ): SelectQueryBuilder<T> {
    const { sql, parameters } = this.conditionFor(principal, action, subject, query.alias);
    return query.andWhere(`(${sql})`, parameters);
  }

  /** The relations the principal holds on a loaded row, from the rules that grant it; null if none. */
  rowAccessOn(principal: Principal, action: Action, row: object): RowAccess | null {
    const ability = this.abilityFor(principal);
    if (!ability.can(action, row)) return null;
    const type = ability.detectSubjectType(row);
    return rowAccessFrom(
      [...this.grantingRulesFor(principal, action, type), ...this.refinementsFor(principal, action, type)]
        .filter((rule) => !rule.inverted && rule.matchesConditions(row))
        .map((rule) => ({ grant: (rule.origin as RelaisRawRule).grant, fields: rule.fields })),
    );
  }

  /**
   * Narrows `query` to the rows the principal may `action` and reads, in the same statement, which
   * granting rule each row matched: run the query with `getRawAndEntities()` and pass the raw rows
   * to the returned reader to get each row's access by id.
   */
  selectRowAccess<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    principal: Principal,
    action: Action,
    subject: string,
    /**
     * The object the rows will be shown as: refinements opening only categories it does not carry
     * (an agenda item is all logistics) are left out of the statement.
     */
    shownAs?: abstract new (...args: never[]) => object,
  ): (raw: readonly object[]) => Map<string, RowAccess> {
    this.accessibleBy(query, principal, action, subject);
    const columns = this.ruleColumns(principal, action, subject, query.alias, shownAs);
    query.addSelect(`"${query.alias}"."id"`, ROW_ID_COLUMN);
    columns.sql.forEach((sql, index) => query.addSelect(sql, ruleColumn(index)));
    query.setParameters(columns.parameters);
    const names = columns.sql.map((_sql, index) => ruleColumn(index));
    return (raw) => {
      const accesses = new Map<string, RowAccess>();
      // Rows matching the same rules share one (read-only) answer, and so one view of it.
      const byMatch = new Map<string, RowAccess>();
      for (const row of raw as readonly Record<string, unknown>[]) {
        const id = row[ROW_ID_COLUMN] as string;
        if (accesses.has(id)) continue;
        let match = '';
        for (const name of names) match += row[name] ? '1' : '0';
        let access = byMatch.get(match);
        if (!access) {
          access = rowAccessFrom(columns.rules.filter((_rule, index) => match[index] === '1'));
          byMatch.set(match, access);
        }
        accesses.set(id, access);
      }
      return accesses;
    };
  }

  /**
   * The row of `entity` with this id if the principal may `action` it, with the relations held on
   * it; NOT_FOUND otherwise, so that a refused id and a missing one look the same.
   */
  async loadAccessible<T extends ObjectLiteral>(
    manager: EntityManager,
    principal: Principal,
    action: Action,
    entity: new (...args: never[]) => T,
    id: string,
    lock?: 'pessimistic_write',
  ): Promise<{ row: T; access: RowAccess }> {
    const subject = policyRegistry.subjectNameOfEntity(entity);
    // The text varies with the rules, the action, the entity and the lock alone (see rowAccessStatement).
    const { statement, readAccess } = this.rowAccessStatement(
      principal,
      `load:${action}:${subject}:${lock ?? ''}`,
      () => {
        const query = manager
          .getRepository(entity)
          .createQueryBuilder('subject')
          .where('"subject"."id" = :subjectId', { subjectId: slot('subjectId') });
        return lock ? query.setLock(lock) : query;
      },
      action,
      subject,
    );
    const raw = (await manager.query(statement.sql, statement.values({ subjectId: id }))) as object[];
    const [row] = statement.entities<T>(manager, raw);
    if (!row) throw await this.notFound(manager, action, entity, id);
    return { row, access: readAccess(raw).get(id)! };
  }

  /**
   * Each granting rule of `subject` for `action` compiled as a boolean SQL expression over `alias`,
   * worked out once per set of rules (lists ask for them on every read).
   */
  private ruleColumns(
    principal: Principal,
    action: Action,
    subject: string,
    alias: string,
    /** When given, refinements opening none of these (beyond logistics) are left out. */
    shownAs?: abstract new (...args: never[]) => object,
    /** Every granting rule, those another shows at least as much as included (explanations). */
    every = false,
  ): RuleColumns {
    const byKey = this.accessOf(principal).ruleColumns;
    const key = `${action}\u0000${subject}\u0000${alias}\u0000${shownAs ? shownKey(shownAs) : ''}\u0000${every}`;
    let columns = byKey.get(key);
    if (!columns) {
      columns = this.compiledRuleColumns(
        principal,
        action,
        subject,
        alias,
        shownAs && categoriesDeclaredBy(shownAs),
        every,
      );
      byKey.set(key, columns);
    }
    return columns;
  }

  private compiledRuleColumns(
    principal: Principal,
    action: Action,
    subject: string,
    alias: string,
    shown: ReadonlySet<DataCategory> | undefined,
    every: boolean,
  ): RuleColumns {
    const compiled = this.compiledRules(principal, action, subject, alias);
    const refinements = this.compiledRules(principal, refinementOf(action), subject, alias);
    const ability = this.abilityFor(principal);
    const opensSomethingShown = (rule: { origin?: unknown }) =>
      !shown ||
      ((rule.origin as RelaisRawRule).grant?.opens ?? Object.values(DataCategory)).some(
        (category) => category !== DataCategory.LOGISTIC && shown.has(category),
      );
    const granting = [
      ...(every ? ability.rulesFor(action, subject) : this.grantingRulesFor(principal, action, subject)),
      ...this.refinementsFor(principal, action, subject).filter(opensSomethingShown),
    ].filter((rule) => !rule.inverted);
    const sqlOf = (rule: object) => compiled.sqlOf.get(rule) ?? refinements.sqlOf.get(rule) ?? 'TRUE';
    return {
      sql: granting.map(sqlOf),
      parameters: { ...compiled.parameters, ...refinements.parameters },
      rules: granting.map((rule) => ({ grant: (rule.origin as RelaisRawRule).grant, fields: rule.fields })),
    };
  }

  /** The granting rules a row's access is read from (see `grantingRulesOf`), once per rule set. */
  private grantingRulesFor(principal: Principal, action: Action, subject: string): RelaisRule[] {
    return this.pruned(principal, 'granting', action, subject, grantingRulesOf);
  }

  /** The refinements that can change what a reader sees (see `refinementsOf`), once per rule set. */
  private refinementsFor(principal: Principal, action: Action, subject: string): RelaisRule[] {
    return this.pruned(principal, 'refinements', action, subject, refinementsOf);
  }

  private pruned(
    principal: Principal,
    kind: 'granting' | 'refinements',
    action: Action,
    subject: string,
    prune: (ability: RelaisAbility, action: Action, subject: string) => RelaisRule[],
  ): RelaisRule[] {
    const byKey = this.accessOf(principal)[kind];
    const key = `${action}\u0000${subject}`;
    let kept = byKey.get(key);
    if (!kept) byKey.set(key, (kept = prune(this.abilityFor(principal), action, subject)));
    return kept;
  }

  /**
   * Every rule of `subject` for `action` compiled once per set of rules and alias: the condition that
   * filters the rows and the columns that tell which rule matched share the same SQL and the same
   * parameters, so a query carries each value once.
   */
  private compiledRules(principal: Principal, action: Action, subject: string, alias: string): CompiledRules {
    const byKey = this.accessOf(principal).compiled;
    const key = `${action}\u0000${subject}\u0000${alias}`;
    const known = byKey.get(key);
    if (known) return known;
    const metadata = this.metadataOf(subject);
    const sqlOf = new Map<object, string>();
    const parameters: Record<string, unknown> = {};
    for (const rule of this.abilityFor(principal).rulesFor(action, subject)) {
      if (!rule.ast) continue;
      // A forbidding rule is compiled as its negation, which the compiler may write without a NOT
      // that Postgres would misjudge under row-level security.
      const ast = rule.inverted ? new CompoundCondition('not', [rule.ast]) : rule.ast;
      const condition = compileCondition(ast, metadata, alias);
      Object.assign(parameters, condition.parameters);
      sqlOf.set(rule, `(${condition.sql})`);
    }
    const compiled = { sqlOf, parameters };
    byKey.set(key, compiled);
    return compiled;
  }

  private metadataOf(subject: string): EntityMetadata {
    const entity = policyRegistry.subject(subject).entity;
    if (!entity) throw new Error(`Le sujet ${subject} n'a pas de table : pas de liste filtrée possible.`);
    return this.dataSource.getMetadata(entity);
  }

  /**
   * "Why can I see this?" answered in SQL for the row with this id: each granting rule is
   * evaluated as its own column, so relations are checked where they live. NOT_FOUND when the
   * row is missing or not visible.
   */
  async explainById(
    manager: EntityManager,
    principal: Principal,
    action: Action,
    subject: string,
    id: string,
  ): Promise<Grant[]> {
    const metadata = this.metadataOf(subject);
    const alias = 'subject';
    const overall = this.conditionFor(principal, action, subject, alias);
    const rules = this.ruleColumns(principal, action, subject, alias, undefined, true);
    const columns = [
      `(${overall.sql}) AS "allowed"`,
      ...rules.sql.map((sql, index) => `${sql} AS "${ruleColumn(index)}"`),
    ];
    const row = (await manager
      .createQueryBuilder()
      .select(columns)
      .from(metadata.target, alias)
      .where(`"${alias}"."id" = :subjectId`)
      .setParameters({ ...overall.parameters, ...rules.parameters, subjectId: id })
      .getRawOne()) as Record<string, boolean> | undefined;
    if (!row) throw new AccessException('NOT_FOUND');
    if (!row.allowed) throw await this.notFound(manager, action, subject, id);
    const grants = rules.rules
      .filter((rule, index) => rule.grant && row[ruleColumn(index)])
      .map((rule) => rule.grant!);
    return grants.filter(
      (grant, index) => grants.findIndex((other) => other.explanation === grant.explanation) === index,
    );
  }
}

/** The principal as if it had accepted the charter of one membership, or of all when none is named. */
function withCharterAccepted(principal: Principal, membershipId?: string): Principal {
  return new Principal(
    principal.userId,
    principal.sessionId,
    principal.organisationId,
    principal.sharingCategory,
    principal.memberships.map((membership) =>
      !membershipId || membership.id === membershipId ? { ...membership, charterAccepted: true } : membership,
    ),
    principal.requestId,
    principal.organisationKind,
    principal.now,
  );
}
