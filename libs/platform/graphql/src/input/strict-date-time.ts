import { GraphQLSchema, isScalarType, Kind, ValueNode } from 'graphql';

// RFC 3339 (ISO 8601 profile): date, `T`, time with optional seconds and fraction, then `Z` or an
// offset. No week dates, no ordinal dates, no local time without an offset: a moment whose time
// zone is guessed is a meeting an hour off.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** The moment written, or undefined when it is not a full ISO 8601 date-time that exists. */
export function parseStrictDateTime(value: string): Date | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0').slice(0, 3));
  const offsetHours = match[8] ? 0 : Number(match[10]);
  const offsetMinutes = match[8] ? 0 : Number(match[11]);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (offsetHours > 14 || offsetMinutes > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const civil = new Date(local);
  // Date.UTC carries 30 February over to 2 March: the day must come back as written.
  if (civil.getUTCFullYear() !== year || civil.getUTCMonth() !== month - 1 || civil.getUTCDate() !== day) {
    return undefined;
  }
  const sign = match[9] === '-' ? -1 : 1;
  return new Date(local - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

export const DATE_TIME_MESSAGE =
  'Écrivez la date et l’heure au format ISO 8601 avec le fuseau, par exemple 2027-03-01T14:30:00+01:00, et une date qui existe.';

/** A Date that is no moment: the validation pipe answers it with a French message naming the field. */
const unreadable = () => new Date(Number.NaN);

function parseValue(value: unknown): Date {
  if (value instanceof Date) return value;
  return (typeof value === 'string' && parseStrictDateTime(value)) || unreadable();
}

function parseLiteral(ast: ValueNode): Date {
  return (ast.kind === Kind.STRING && parseStrictDateTime(ast.value)) || unreadable();
}

/**
 * Makes the schema's `DateTime` strict (same name, so clients keep working): only a full ISO 8601
 * date-time with `Z` or an offset is read, and an impossible one (30 February, 25:00) is not
 * carried over to another day. A value that cannot be read becomes an invalid Date rather than a
 * GraphQL error, so that the validation pipe refuses it like any other field: in French, naming
 * the field, with BAD_USER_INPUT.
 */
export function strictDateTime(schema: GraphQLSchema): GraphQLSchema {
  const type = schema.getType('DateTime');
  if (type && isScalarType(type)) {
    // The schema's own type object is changed in place, as every field refers to it.
    Object.assign(type, {
      description:
        'Date et heure ISO 8601 avec le décalage horaire ou Z, par exemple 2027-03-01T14:30:00+01:00 ; rendue en UTC.',
      parseValue,
      parseLiteral,
    });
  }
  return schema;
}
