import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { QueryExpressionMap } from 'typeorm/query-builder/QueryExpressionMap';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';

/** What stands, while a template is built, for a value each run gives (see `slot`). */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A value to give a query builder in place of a run's own value while a template is built from it:
 * the template then asks each run for `name`. Only for a parameter bound whole (`= :id`,
 * `= ANY(:ids)`), never spread (`IN (:...ids)`), whose number of placeholders would vary.
 */
export function slot(name: string): unknown {
  return new Slot(name);
}

/** A slot for each of these values, under the same names: to build a template the values fill. */
export function slotsFor(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(values).map((name) => [name, slot(name)]));
}

/** One positional parameter of a template: its fixed value, or the run's value it takes. */
type TemplateParameter = { readonly fixed: unknown } | { readonly slot: string };

/**
 * A statement built once with TypeORM's query builder, then sent as text with each run's values.
 *
 * Why: building a statement (aliases, property names, parameters) cost the agenda read about a
 * tenth of the api's CPU, for a text that changes only with what the caller keys it by (the
 * reader's rules, the shape of the request). Its parameters that do not come from slots (the
 * compiled access rules') are kept with it.
 */
export class StatementTemplate {
  private constructor(
    readonly sql: string,
    private readonly parameters: readonly TemplateParameter[],
    /** What the builder knew of its selection: how its rows become entities. */
    private readonly expressionMap: QueryExpressionMap,
  ) {}

  static of<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): StatementTemplate {
    const [sql, values] = query.getQueryAndParameters();
    // A slot given to a spread parameter (`IN (:...ids)`) has no items: TypeORM refuses it above.
    const parameters = values.map((value): TemplateParameter =>
      value instanceof Slot ? { slot: value.name } : { fixed: value },
    );
    return new StatementTemplate(sql, parameters, query.expressionMap);
  }

  /** The positional values of one run; every slot must be given. */
  values(given: Readonly<Record<string, unknown>>): unknown[] {
    return this.parameters.map((parameter) => {
      if ('fixed' in parameter) return parameter.fixed;
      if (!Object.prototype.hasOwnProperty.call(given, parameter.slot))
        throw new Error(`Valeur manquante pour le paramètre ${parameter.slot}.`);
      return given[parameter.slot];
    });
  }

  /**
   * The entities of the rows one run read, as the builder's `getRawAndEntities` makes them, for a
   * statement selecting its main entity's columns. Refused where the builder would do more than
   * hydrate columns (relation ids or counts to load, `@AfterLoad` listeners or subscribers to call).
   */
  entities<T>(manager: EntityManager, raw: readonly object[]): T[] {
    const map = this.expressionMap;
    const metadata = map.mainAlias?.metadata;
    if (
      !metadata ||
      map.relationIdAttributes.length ||
      map.relationCountAttributes.length ||
      metadata.afterLoadListeners.length ||
      manager.connection.subscribers.length
    )
      throw new Error('Ce modèle de requête ne sait pas construire ses entités.');
    return new RawSqlResultsToEntityTransformer(
      map,
      manager.connection.driver,
      [],
      [],
      manager.queryRunner,
    ).transform([...raw], map.mainAlias!) as T[];
  }
}
