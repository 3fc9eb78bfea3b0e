import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DATA_CATEGORY_EXTENSION, DataCategory, REDACTED_FIELDS } from '@relais/access';
import { getNamedType, GraphQLObjectType, isNonNullType, isObjectType } from 'graphql';
import { RunningApi, startApi } from './support/api-harness';

/** Object types that carry something about a person: each passes the field gate. */
const ABOUT_A_PERSON = [
  'Action',
  'AgendaItem',
  'AgendaSuggestion',
  'AuditEvent',
  'Consent',
  'Decision',
  'Derogation',
  'FollowUp',
  'FollowUpAct',
  'FollowUpObjective',
  'Handoff',
  'MinutesItem',
  'MyReferral',
  'NotificationObject',
  'Person',
  'PersonIdentity',
  'Referral',
  'ReferralTransition',
  'RestrictedNote',
  'Situation',
  'SituationCircleMember',
  'SituationEvent',
];

describe('every field about a person declares its data category (the served schema)', () => {
  let api: RunningApi;
  let types: GraphQLObjectType[];

  beforeAll(async () => {
    api = await startApi();
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const named = Object.values(schema.getTypeMap()).filter(isObjectType);
    // A type listing redactedFields is about a person too, whether or not it is named above.
    types = named.filter((type) => ABOUT_A_PERSON.includes(type.name) || REDACTED_FIELDS in type.getFields());
  });
  afterAll(() => api.close());

  it('finds each type about a person in the schema', () => {
    expect(types.map((type) => type.name).sort()).toEqual(expect.arrayContaining(ABOUT_A_PERSON));
  });

  it('gives each of them redactedFields', () => {
    const without = types.filter((type) => !(REDACTED_FIELDS in type.getFields())).map((type) => type.name);
    expect(without).toEqual([]);
  });

  it('categorises every field of them', () => {
    const uncategorised = types.flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => field.name !== REDACTED_FIELDS && !field.extensions?.[DATA_CATEGORY_EXTENSION])
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(uncategorised).toEqual([]);
  });

  it('makes every field that can be masked nullable', () => {
    const maskableButRequired = types.flatMap((type) =>
      Object.values(type.getFields())
        .filter(
          (field) =>
            field.extensions?.[DATA_CATEGORY_EXTENSION] &&
            field.extensions[DATA_CATEGORY_EXTENSION] !== DataCategory.LOGISTIC &&
            isNonNullType(field.type),
        )
        .map((field) => `${type.name}.${field.name}: ${String(field.type)}`),
    );
    expect(maskableButRequired).toEqual([]);
  });

  it('only nests objects about a person inside objects about a person', () => {
    const names = new Set(types.map((type) => type.name));
    // A page of a list (a connection) is looked through to the objects it holds.
    const held = (type: GraphQLObjectType): GraphQLObjectType => {
      const edges = type.getFields().edges && getNamedType(type.getFields().edges.type);
      const node = isObjectType(edges) && edges.getFields().node && getNamedType(edges.getFields().node.type);
      return isObjectType(node) ? node : type;
    };
    const leaks = types.flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => {
          const inner = getNamedType(field.type);
          return isObjectType(inner) && !names.has(held(inner).name);
        })
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(leaks).toEqual([]);
  });
});
