import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { graphqlInputClasses, inputRuleProblems } from '@relais/graphql';
// Loading the application registers every input and argument class of the schema.
import { AppModule } from './app.module';

describe('input rules of every input and argument class of the schema', () => {
  beforeAll(async () => {
    expect(AppModule).toBeDefined();
    // Building a schema loads the metadata @nestjs/graphql keeps until then (no database needed).
    const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
    await context.get(GraphQLSchemaFactory).create([], { skipCheck: true });
    await context.close();
  });

  it('leaves no text without a length bound, no day outside @LocalDate and no constraint without a French message', () => {
    const classes = graphqlInputClasses();
    expect(classes.length).toBeGreaterThan(30);
    expect(classes.flatMap((target) => inputRuleProblems(target))).toEqual([]);
  });
});
