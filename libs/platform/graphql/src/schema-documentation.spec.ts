import { buildSchema } from 'graphql';
import { describeRootTypes, undocumentedSchemaElements } from './schema-documentation';

describe('schema documentation', () => {
  const schema = () =>
    buildSchema(`
      """Une réunion."""
      type Meeting {
        """Son identifiant."""
        id: ID!
        title(
          """Langue."""
          language: String
          format: String
        ): String
      }
      enum Status {
        """Prévue."""
        PLANNED
        HELD
      }
      """Critères."""
      input Filter {
        status: Status
      }
      type Query {
        """Une réunion."""
        meeting(filter: Filter): Meeting
      }
    `);

  it('names every type, field, argument and enum value without a description', () => {
    expect(undocumentedSchemaElements(schema())).toEqual([
      'Filter.status',
      'Meeting.title',
      'Meeting.title(format)',
      'Query',
      'Query.meeting(filter)',
      'Status',
      'Status.HELD',
    ]);
  });

  it('describes the root types, keeping a description already given', () => {
    const described = describeRootTypes(schema());
    expect(described.getQueryType()?.description).toMatch(/lectures/);
    expect(undocumentedSchemaElements(described)).not.toContain('Query');
  });
});
