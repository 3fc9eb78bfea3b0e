import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  Field,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { execute, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { readPlainFieldsDirectly } from './plain-field-reads';

@ObjectType()
class Shelf {
  @Field()
  label!: string;

  @Field({ nullable: true, defaultValue: 'rangé' })
  state?: string;
}

// The schema factory builds types only: the query's answer is given as the root value.
@Resolver(() => Shelf)
class ShelfResolver {
  @Query(() => [Shelf])
  shelves(): Shelf[] {
    return [];
  }
}

async function nestSchema(): Promise<GraphQLSchema> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return await context.get(GraphQLSchemaFactory).create([ShelfResolver]);
  } finally {
    await context.close();
  }
}

describe('readPlainFieldsDirectly', () => {
  let schema: GraphQLSchema;
  let fields: ReturnType<GraphQLObjectType['getFields']>;

  beforeAll(async () => {
    schema = readPlainFieldsDirectly(await nestSchema());
    fields = (schema.getType('Shelf') as GraphQLObjectType).getFields();
  });

  it('takes off the resolver Nest gives a plain field, so graphql-jit reads the property inline', () => {
    expect(fields.label.resolve).toBeUndefined();
  });

  it('keeps the resolver of a field with a default value', () => {
    expect(fields.state.resolve).toBeDefined();
  });

  it('answers as before, compiled or not', async () => {
    const document = parse('{ shelves { label state } }');
    const rootValue = { shelves: [{ label: 'A' }, { label: 'B', state: 'plein' }] };
    const expected = {
      shelves: [
        { label: 'A', state: 'rangé' },
        { label: 'B', state: 'plein' },
      ],
    };
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
    expect(await compiled.query(rootValue, {}, {})).toEqual({ data: expected });
    expect(await execute({ schema, document, rootValue })).toEqual({ data: expected });
  });
});
