import { TypeMetadataStorage } from '@nestjs/graphql';
import { getMetadataStorage, ValidationArguments } from 'class-validator';
import { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { isEnglishDefault } from './french-constraint-messages';
import { textKindOf } from './text-field';
import { TextKind } from './text-rules';

type InputClass = abstract new (...args: never[]) => unknown;

/** Constraints that bound a text by themselves (a length, or a format of bounded length). */
const BOUNDING = new Set(['maxLength', 'isLength', 'isUuid', 'isLocalDate', 'isIn', 'isEnum', 'matches']);
/** Constraints class-validator adds without a message of its own (the safety net translates them). */
const WITHOUT_MESSAGE = new Set(['conditionalValidation', 'nestedValidation', 'whitelistValidation']);
const FRENCH = /[éèêàùçôîâ«»’]|\b(le|la|les|de|des|du|un|une|est|au|aux|doit|pas|ou|et)\b/i;

/** Every input and argument class the GraphQL schema is built from (decorators already run). */
export function graphqlInputClasses(): InputClass[] {
  const classes = [
    ...TypeMetadataStorage.getInputTypesMetadata(),
    ...TypeMetadataStorage.getArgumentsMetadata(),
  ];
  return classes.map((metadata) => metadata.target as InputClass);
}

function stringFields(target: InputClass): string[] {
  const metadata =
    TypeMetadataStorage.getInputTypesMetadata().find((item) => item.target === target) ??
    TypeMetadataStorage.getArgumentsMetadata().find((item) => item.target === target);
  if (!metadata) return [];
  TypeMetadataStorage.compileClassMetadata([metadata]);
  return (metadata.properties ?? [])
    .filter((property) => property.typeFn() === String)
    .map((property) => property.name);
}

function messageOf(rule: ValidationMetadata): string | undefined {
  const { message } = rule;
  if (typeof message === 'string') return message;
  if (typeof message !== 'function') return undefined;
  const args: ValidationArguments = {
    value: undefined,
    constraints: rule.constraints ?? [],
    targetName: rule.target instanceof Function ? rule.target.name : String(rule.target),
    object: {},
    property: rule.propertyName,
  };
  return message(args);
}

/**
 * What an input class breaks of the input rules, one French line each: a text field without a
 * length bound (nor a format that bounds it), a day checked by a pattern instead of `@LocalDate`, a
 * constraint without its own French message.
 */
export function inputRuleProblems(target: InputClass): string[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const problems: string[] = [];
  for (const field of stringFields(target)) {
    const own = rules.filter((rule) => rule.propertyName === field);
    const bounded = own.some((rule) => BOUNDING.has(rule.name ?? rule.type));
    if (!bounded && textKindOf(target.prototype as object, field) !== TextKind.SECRET) {
      problems.push(`${target.name}.${field} : texte sans longueur maximale (@MaxLength ou @Length).`);
    }
  }
  for (const rule of rules) {
    const where = `${target.name}.${rule.propertyName}`;
    const name = rule.name ?? rule.type;
    if (name === 'matches' && /\\d\{4\}-/.test(String(rule.constraints?.[0]))) {
      problems.push(`${where} : une date se vérifie avec @LocalDate(), pas avec un motif.`);
    }
    if (WITHOUT_MESSAGE.has(rule.type)) continue;
    const message = messageOf(rule);
    if (!message || isEnglishDefault(message) || !FRENCH.test(message)) {
      problems.push(`${where} : la contrainte ${name} n'a pas de message en français.`);
    }
  }
  return problems;
}
