import { ArgumentMetadata, Paramtype } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, ValidateNested } from 'class-validator';
import { InputValidationException } from './errors/input-validation.exception';
import { fromToday } from './input/date-window';
import { LOCAL_DATE_MESSAGES, LocalDate, MomentWithin } from './input/local-date';
import { DATE_TIME_MESSAGE } from './input/strict-date-time';
import { MultilineText } from './input/text-field';
import { TEXT_MESSAGES } from './input/text-rules';
import { createValidationPipe } from './validation.pipe';

class NoteInput {
  @MultilineText()
  @IsString({ message: 'La note est un texte.' })
  @MaxLength(20, { message: 'Au plus 20 caractères.' })
  text!: string;
}

class SampleInput {
  @IsString({ message: 'Le nom est obligatoire.' })
  @Length(1, 10, { message: 'Le nom doit contenir entre 1 et 10 caractères.' })
  name!: string;

  @IsOptional()
  @MultilineText()
  @MaxLength(50, { message: 'Au plus 50 caractères.' })
  note?: string;

  @IsOptional()
  @LocalDate({ earliest: '1900-01-01', latest: fromToday() })
  birthDate?: string;

  @IsOptional()
  @Type(() => Date)
  @MomentWithin({ earliest: fromToday(), latest: fromToday({ years: 5 }) })
  startsAt?: Date;

  // Declared without a message: answered in French all the same.
  @IsOptional()
  @IsInt()
  @Max(200)
  first?: number;

  @IsOptional()
  @IsString({ message: 'Le mot de passe est un texte.' })
  password?: string;

  @IsOptional()
  @MultilineText()
  @Length(20, 100_000, { message: 'Entre 20 et 100 000 caractères.' })
  body?: string;

  // Declares no bound: the input layer gives it one.
  @IsOptional()
  @IsString({ message: 'Un texte.' })
  nickname?: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => NoteInput)
  notes?: NoteInput[];
}

const now = new Date('2027-01-15T10:00:00Z');
const pipe = createValidationPipe({ now: () => now });
// What @nestjs/graphql gives a pipe for an @Args() value.
const ARGS = 3 as unknown as Paramtype;
const asInput: ArgumentMetadata = { type: ARGS, metatype: SampleInput, data: 'input' };

async function refusal(value: unknown, metadata: ArgumentMetadata = asInput) {
  const error = await pipe.transform(value, metadata).then(
    () => undefined,
    (raised: unknown) => raised,
  );
  if (!(error instanceof InputValidationException)) throw new Error(`refus attendu, reçu ${String(error)}`);
  return error.fields;
}

describe('the validation pipe’s input layer', () => {
  it('cleans every text in place: composed, trimmed, line breaks kept where they belong, secrets untouched', async () => {
    const input = (await pipe.transform(
      {
        name: '  Rene\u0301 ',
        note: ' Ligne 1\r\nLigne 2 ',
        password: ' mot de passe ',
        notes: [{ text: ' a\r\nb ' }],
      },
      asInput,
    )) as SampleInput;
    expect(input).toBeInstanceOf(SampleInput);
    expect(input.name).toBe('René');
    expect(input.note).toBe('Ligne 1\nLigne 2');
    expect(input.password).toBe(' mot de passe ');
    expect(input.notes?.[0].text).toBe('a\nb');
  });

  it('refuses a NUL byte or a line break on one line, naming the field, instead of the class’s own rule', async () => {
    expect(await refusal({ name: 'a\u0000b' })).toEqual([{ field: 'name', message: TEXT_MESSAGES.control }]);
    expect(await refusal({ name: 'a\nb' })).toEqual([{ field: 'name', message: TEXT_MESSAGES.singleLine }]);
    expect(await refusal({ name: 'Jean', notes: [{ text: 'ok' }, { text: '\u0007' }] })).toEqual([
      { field: 'notes.1.text', message: TEXT_MESSAGES.control },
    ]);
    expect(await refusal({ name: 'Jean', password: 'abc\u0000' })).toEqual([
      { field: 'password', message: TEXT_MESSAGES.control },
    ]);
  });

  it('reports the layer’s problems together with the class’s on other fields', async () => {
    expect(await refusal({ name: 'beaucoup trop long', note: 'x\u0000' })).toEqual([
      { field: 'note', message: TEXT_MESSAGES.control },
      { field: 'name', message: 'Le nom doit contenir entre 1 et 10 caractères.' },
    ]);
  });

  it('bounds a text whose field declares no length', async () => {
    expect(await refusal({ name: 'Jean', nickname: 'x'.repeat(201) })).toEqual([
      { field: 'nickname', message: TEXT_MESSAGES.tooLong(200) },
    ]);
    await expect(pipe.transform({ name: 'Jean', nickname: 'x'.repeat(200) }, asInput)).resolves.toBeDefined();
    // A field's own bound, longer than the default, is the one applied.
    await expect(pipe.transform({ name: 'Jean', body: 'x'.repeat(90_000) }, asInput)).resolves.toBeDefined();
  });

  it('refuses an impossible day, a badly written one and one outside the field’s window', async () => {
    expect(await refusal({ name: 'Jean', birthDate: '2027-02-30' })).toEqual([
      { field: 'birthDate', message: LOCAL_DATE_MESSAGES.impossible },
    ]);
    expect(await refusal({ name: 'Jean', birthDate: '15/01/1980' })).toEqual([
      { field: 'birthDate', message: LOCAL_DATE_MESSAGES.format },
    ]);
    expect(await refusal({ name: 'Jean', birthDate: '2027-01-16' })).toEqual([
      {
        field: 'birthDate',
        message: 'La date doit être comprise entre le 1 janvier 1900 et le 15 janvier 2027.',
      },
    ]);
    expect(await refusal({ name: 'Jean', birthDate: '9999-01-01' })).toEqual([
      {
        field: 'birthDate',
        message: 'La date doit être comprise entre le 1 janvier 1900 et le 31 décembre 2100.',
      },
    ]);
    await expect(pipe.transform({ name: 'Jean', birthDate: '2027-01-15' }, asInput)).resolves.toBeDefined();
  });

  it('refuses a moment the scalar could not read, and one outside the field’s window', async () => {
    expect(await refusal({ name: 'Jean', startsAt: new Date(Number.NaN) })).toEqual([
      { field: 'startsAt', message: DATE_TIME_MESSAGE },
    ]);
    expect(await refusal({ name: 'Jean', startsAt: new Date('2032-01-16T10:00:00Z') })).toEqual([
      {
        field: 'startsAt',
        message: 'La date doit être comprise entre le 15 janvier 2027 et le 15 janvier 2032.',
      },
    ]);
    await expect(
      pipe.transform({ name: 'Jean', startsAt: new Date('2032-01-15T10:00:00Z') }, asInput),
    ).resolves.toBeDefined();
  });

  it('answers a constraint declared without a message in French', async () => {
    expect(await refusal({ name: 'Jean', first: 500 })).toEqual([
      { field: 'first', message: 'La valeur doit être au plus 200.' },
    ]);
    expect(await refusal({ name: 'Jean', first: 1.5 })).toEqual([
      { field: 'first', message: 'Un nombre entier est attendu.' },
    ]);
  });

  it('reads a lone argument under its own name', async () => {
    const reason: ArgumentMetadata = { type: ARGS, metatype: String, data: 'reason' };
    await expect(pipe.transform('  Un motif  ', reason)).resolves.toBe('Un motif');
    expect(await refusal('Un\u0000motif', reason)).toEqual([
      { field: 'reason', message: TEXT_MESSAGES.control },
    ]);
    expect(await refusal('x'.repeat(201), reason)).toEqual([
      { field: 'reason', message: TEXT_MESSAGES.tooLong(200) },
    ]);
    const ids: ArgumentMetadata = { type: ARGS, metatype: Array, data: 'ids' };
    expect(await refusal(['a', 'b\u0000'], ids)).toEqual([
      { field: 'ids.1', message: TEXT_MESSAGES.control },
    ]);
  });

  it('leaves what is not an argument alone (the principal, the context)', async () => {
    const principal = { name: ' a\u0000 ' };
    const custom: ArgumentMetadata = { type: 'custom', metatype: Object, data: undefined };
    await expect(pipe.transform(principal, custom)).resolves.toBe(principal);
    expect(principal.name).toBe(' a\u0000 ');
  });
});
