import { buildSchema, graphql } from 'graphql';
import { DataCategory } from '../domain/data-category';
import { Categorized, gateFields } from './field-mask';
import { requireGatedObjects } from './gated-schema';

class PersonView {
  @Categorized(DataCategory.LOGISTIC)
  caseCode!: string;

  @Categorized(DataCategory.IDENTITY)
  lastName!: string | null;

  redactedFields!: string[];
}

const schema = requireGatedObjects(
  buildSchema(`
    type Person { caseCode: String! lastName: String redactedFields: [String!]! }
    type Meeting { place: String! }
    type Query { gated: Person handMade: Person unmasked: Person meeting: Meeting }
  `),
);

const person = { caseCode: '7KQ-4MZ', lastName: 'Dupont' };
const rootValue = {
  gated: () => gateFields(PersonView, person, { categories: new Set([DataCategory.LOGISTIC]) }).value,
  handMade: () => ({ ...person, redactedFields: [] }),
  // A gated object spread into a new one with the masked field put back.
  unmasked: () => ({
    ...gateFields(PersonView, person, { categories: new Set([DataCategory.LOGISTIC]) }).value,
    lastName: person.lastName,
  }),
  meeting: () => ({ place: 'Mairie' }),
};

describe('the served schema lets objects about a person through only from the gate', () => {
  it('answers a gated object as the gate left it', async () => {
    const result = await graphql({
      schema,
      rootValue,
      source: '{ gated { caseCode lastName redactedFields } }',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.gated).toEqual({ caseCode: '7KQ-4MZ', lastName: null, redactedFields: ['lastName'] });
  });

  it('refuses an object built by hand, whatever it holds', async () => {
    const result = await graphql({ schema, rootValue, source: '{ handMade { caseCode lastName } }' });
    expect(result.data?.handMade).toBeNull();
    expect(result.errors?.[0].message).toContain('Person');
  });

  it('refuses a copy of a gated object, which may have put back what the gate masked', async () => {
    const result = await graphql({ schema, rootValue, source: '{ unmasked { caseCode lastName } }' });
    expect(result.data?.unmasked).toBeNull();
    expect(result.errors?.[0].message).toContain('Person');
  });

  it('leaves types that carry nothing about a person alone', async () => {
    const result = await graphql({ schema, rootValue, source: '{ meeting { place } }' });
    expect(result.data?.meeting).toEqual({ place: 'Mairie' });
  });
});
