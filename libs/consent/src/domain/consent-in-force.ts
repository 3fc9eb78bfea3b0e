import { compileCondition, CompiledCondition, Conditions, DataCategory } from '@relais/access';
import { parisDate } from '@relais/config';
import { allParsingInstructions, Condition, guard, MongoQueryParser } from '@ucast/mongo2js';
import { EntityMetadata } from 'typeorm';
import { ConsentPurpose, ConsentStatus } from './consent.enums';

/** What a consent must cover, beyond being in force; each part left out is not asked. */
export interface ConsentCoverage {
  readonly purpose?: ConsentPurpose;
  /** The organisation the consent must name, by itself or by its kind (« tout CMP »). */
  readonly organisation?: { readonly id: string; readonly kind: string };
  readonly category?: DataCategory;
}

/** The fields of a consent the definition reads. */
export interface ConsentTerms {
  readonly status: ConsentStatus;
  readonly supersededAt: Date | null;
  /** The last day it holds, `YYYY-MM-DD`. */
  readonly expiresOn: string;
  readonly purposes: readonly string[];
  readonly organisationIds: readonly string[];
  readonly organisationKinds: readonly string[];
  readonly dataCategories: readonly string[];
}

/** A moment (judged on its Paris day) or a Paris day already written `YYYY-MM-DD`. */
export type ParisDay = Date | string;

const dayOf = (on: ParisDay) => (typeof on === 'string' ? on : parisDate(on));

/**
 * THE definition of a consent in force, as conditions on a `Consent` row: given, not superseded
 * by a newer answer, not past its last day (the Paris day), and covering the purpose, the
 * organisation (by id or by kind) and the category asked. Organisation alternatives are two
 * conditions, not an `$or`, so that each stays a rule of its own (SQL-shaped). Policies use these
 * conditions; `isConsentInForce` evaluates them on a loaded row; `consentInForceSql` compiles them.
 */
export function consentInForceConditions(on: ParisDay, coverage: ConsentCoverage = {}): Conditions[] {
  const inForce: Conditions = {
    status: ConsentStatus.GIVEN,
    supersededAt: null,
    expiresOn: { $gte: dayOf(on) },
  };
  if (coverage.purpose) inForce.purposes = coverage.purpose;
  if (coverage.category) inForce.dataCategories = coverage.category;
  const { organisation } = coverage;
  if (!organisation) return [inForce];
  return [
    { ...inForce, organisationIds: organisation.id },
    { ...inForce, organisationKinds: organisation.kind },
  ];
}

/** The definition on a loaded consent (the same conditions, evaluated as CASL does). */
export function isConsentInForce(
  consent: ConsentTerms,
  on: ParisDay,
  coverage: ConsentCoverage = {},
): boolean {
  return consentInForceConditions(on, coverage).some((conditions) =>
    guard(conditions)(consent as unknown as Record<string, unknown>),
  );
}

const parser = new MongoQueryParser(allParsingInstructions);

/**
 * The definition as one SQL condition over `alias`, a row of `consents` (`metadata` is the
 * `Consent` entity's): the same conditions, compiled by the compiler the policies go through.
 * Parameters are named; `EntityManager.connection.driver.escapeQueryWithParameters` turns them
 * into positional ones for a raw statement.
 */
export function consentInForceSql(
  metadata: EntityMetadata,
  alias: string,
  on: ParisDay,
  coverage: ConsentCoverage = {},
): CompiledCondition {
  const compiled = consentInForceConditions(on, coverage).map((conditions) =>
    compileCondition(parser.parse(conditions) as Condition, metadata, alias),
  );
  return {
    sql: `(${compiled.map((part) => part.sql).join(' OR ')})`,
    parameters: Object.assign({}, ...compiled.map((part) => part.parameters)) as Record<string, unknown>,
  };
}

/** Why a consent does not cover what is asked, checked in this order. */
export enum CoverageGap {
  /** No answer in force: none recorded, refused, withdrawn or superseded. */
  NO_CONSENT = 'NO_CONSENT',
  /** Given, but past its last day. */
  EXPIRED = 'EXPIRED',
  PURPOSE_NOT_COVERED = 'PURPOSE_NOT_COVERED',
  ORGANISATION_NOT_NAMED = 'ORGANISATION_NOT_NAMED',
  CATEGORY_NOT_COVERED = 'CATEGORY_NOT_COVERED',
}

/**
 * Null when `consent` covers the coverage on that day (exactly `isConsentInForce`), else the first
 * reason it does not — so that a refusal can be explained before it is met.
 */
export function coverageGap(
  consent: ConsentTerms | null | undefined,
  on: ParisDay,
  coverage: ConsentCoverage = {},
): CoverageGap | null {
  if (consent && isConsentInForce(consent, on, coverage)) return null;
  if (!consent || consent.status !== ConsentStatus.GIVEN || consent.supersededAt)
    return CoverageGap.NO_CONSENT;
  if (consent.expiresOn < dayOf(on)) return CoverageGap.EXPIRED;
  if (coverage.purpose && !consent.purposes.includes(coverage.purpose))
    return CoverageGap.PURPOSE_NOT_COVERED;
  if (coverage.category && !consent.dataCategories.includes(coverage.category))
    return CoverageGap.CATEGORY_NOT_COVERED;
  return CoverageGap.ORGANISATION_NOT_NAMED;
}
