import {
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parseValue,
  valueFromAST,
} from 'graphql';
import { parseStrictDateTime, strictDateTime } from './strict-date-time';

describe('parseStrictDateTime', () => {
  it('reads a full ISO 8601 date-time with Z or an offset', () => {
    expect(parseStrictDateTime('2027-03-01T14:30:00Z')?.toISOString()).toBe('2027-03-01T14:30:00.000Z');
    expect(parseStrictDateTime('2027-03-01T14:30:00+01:00')?.toISOString()).toBe('2027-03-01T13:30:00.000Z');
    expect(parseStrictDateTime('2027-03-01T14:30-02:30')?.toISOString()).toBe('2027-03-01T17:00:00.000Z');
    expect(parseStrictDateTime('2027-03-01T14:30:00.123456Z')?.toISOString()).toBe(
      '2027-03-01T14:30:00.123Z',
    );
    expect(parseStrictDateTime('2028-02-29T00:00:00Z')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('refuses impossible dates and times instead of carrying them over', () => {
    for (const value of [
      '2027-02-30T10:00:00Z',
      '2027-02-29T10:00:00Z',
      '2027-13-01T10:00:00Z',
      '2027-00-10T10:00:00Z',
      '2027-03-01T25:00:00Z',
      '2027-03-01T24:00:00Z',
      '2027-03-01T10:60:00Z',
      '2027-03-01T10:00:60Z',
      '2027-03-01T10:00:00+15:00',
    ]) {
      expect(parseStrictDateTime(value)).toBeUndefined();
    }
  });

  it('refuses a moment without its time zone, a date alone and other ISO spellings', () => {
    for (const value of [
      '2027-03-01T10:00:00',
      '2027-03-01',
      '2027-03-01 10:00:00Z',
      '2027-03-01T10:00:00+0100',
      '20270301T100000Z',
      '2027-W09-1T10:00:00Z',
      'Mon, 01 Mar 2027 10:00:00 GMT',
      '1772359200000',
    ]) {
      expect(parseStrictDateTime(value)).toBeUndefined();
    }
  });
});

describe('strictDateTime', () => {
  const scalar = () =>
    new GraphQLScalarType({
      name: 'DateTime',
      parseValue: (value) => new Date(value as string),
      parseLiteral: () => null,
    });
  const schemaWith = (dateTime: GraphQLScalarType) =>
    new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { a: { type: GraphQLString } } }),
      types: [dateTime],
    });

  it('makes the schema’s DateTime strict, an unreadable value becoming an invalid Date for the pipe', () => {
    const dateTime = scalar();
    strictDateTime(schemaWith(dateTime));
    expect((dateTime.parseValue('2027-03-01T10:00:00Z') as Date).toISOString()).toBe(
      '2027-03-01T10:00:00.000Z',
    );
    expect(Number.isNaN((dateTime.parseValue('2027-02-30T10:00:00Z') as Date).getTime())).toBe(true);
    expect(Number.isNaN((dateTime.parseValue(1772359200000) as Date).getTime())).toBe(true);
    const literal = valueFromAST(parseValue('"2027-03-01T25:00:00Z"'), dateTime) as Date;
    expect(Number.isNaN(literal.getTime())).toBe(true);
    expect(dateTime.description).toMatch(/ISO 8601/);
  });
});
