import { NestFactory } from '@nestjs/core';
import { Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength } from 'class-validator';
import { inputRuleProblems } from './input-rules-audit';
import { LocalDate } from './local-date';

@InputType({ description: 'Conforme.' })
class WellDeclaredInput {
  @Field({ description: 'Un nom.' })
  @IsString({ message: 'Le nom est un texte.' })
  @MaxLength(100, { message: 'Au plus 100 caractères.' })
  name!: string;

  @Field({ description: 'Un jour.' })
  @LocalDate()
  day!: string;

  @Field({ description: 'Mot de passe : borné par la couche de saisie.' })
  @IsString({ message: 'Le mot de passe est un texte.' })
  password!: string;

  @Field(() => Int, { nullable: true, description: 'Un nombre.' })
  @IsOptional()
  @IsInt({ message: 'Un nombre entier est attendu.' })
  count?: number;
}

@InputType({ description: 'Fautive.' })
class CarelessInput {
  @Field({ description: 'Sans borne.' })
  @IsString({ message: 'Un texte.' })
  note!: string;

  @Field({ description: 'Un jour vérifié par un motif.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Écrivez la date au format AAAA-MM-JJ.' })
  day!: string;

  @Field(() => Int, { description: 'Un nombre sans message.' })
  @IsInt()
  @Max(200)
  first!: number;
}

describe('inputRuleProblems', () => {
  beforeAll(async () => {
    // Building a schema loads the field metadata @nestjs/graphql keeps until then.
    const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
    await context.get(GraphQLSchemaFactory).create([], { skipCheck: true });
    await context.close();
  });

  it('finds nothing to say of a class that follows the input rules', () => {
    expect(inputRuleProblems(WellDeclaredInput)).toEqual([]);
  });

  it('names an unbounded text, a day checked by a pattern and every constraint left in English', () => {
    expect(inputRuleProblems(CarelessInput).sort()).toEqual(
      [
        'CarelessInput.note : texte sans longueur maximale (@MaxLength ou @Length).',
        'CarelessInput.day : une date se vérifie avec @LocalDate(), pas avec un motif.',
        "CarelessInput.first : la contrainte isInt n'a pas de message en français.",
        "CarelessInput.first : la contrainte max n'a pas de message en français.",
      ].sort(),
    );
  });
});
