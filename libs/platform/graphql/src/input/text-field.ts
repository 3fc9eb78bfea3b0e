import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { DEFAULT_SECRET_MAX_LENGTH, DEFAULT_TEXT_MAX_LENGTH, TextKind } from './text-rules';

const TEXT_KIND = Symbol('relais:text-kind');

/** A text meant to span lines (notes, reasons, descriptions): line breaks and tabs are kept. */
export const MultilineText = (): PropertyDecorator => (target, property) =>
  Reflect.defineMetadata(TEXT_KIND, TextKind.MULTILINE, target, property);

/**
 * A secret typed by a person: never trimmed. A field whose name says « password » is one already,
 * so a new password field cannot be trimmed by mistake.
 */
export const SecretText = (): PropertyDecorator => (target, property) =>
  Reflect.defineMetadata(TEXT_KIND, TextKind.SECRET, target, property);

const SECRET_NAME = /password|passphrase|secret/i;

/** How the text of a field (or of a lone argument) is cleaned; one line unless the field says so. */
export function textKindOf(owner: object | undefined, property: string): TextKind {
  const declared = owner
    ? (Reflect.getMetadata(TEXT_KIND, owner, property) as TextKind | undefined)
    : undefined;
  if (declared) return declared;
  return SECRET_NAME.test(property) ? TextKind.SECRET : TextKind.SINGLE_LINE;
}

/** The class-validator constraints that bound a text's length, with the bound's position. */
const LENGTH_BOUNDS: Record<string, number> = { maxLength: 0, isLength: 1 };

/**
 * The bounds each input class declares, by field: read from class-validator's metadata once per
 * class (complete once the class is defined), not for every text of every request.
 */
const declaredBounds = new WeakMap<object, Map<string, number>>();

function boundsOf(type: object): Map<string, number> {
  let bounds = declaredBounds.get(type);
  if (bounds) return bounds;
  bounds = new Map();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(
    type as new () => unknown,
    '',
    true,
    false,
  )) {
    if (!metadata.name || !(metadata.name in LENGTH_BOUNDS)) continue;
    const bound = Number(metadata.constraints?.[LENGTH_BOUNDS[metadata.name]]);
    if (!Number.isFinite(bound)) continue;
    bounds.set(metadata.propertyName, Math.min(bound, bounds.get(metadata.propertyName) ?? Infinity));
  }
  declaredBounds.set(type, bounds);
  return bounds;
}

/** The longest text the field of this object declares (class-validator), if it declares one. */
export function declaredMaxLength(owner: object | undefined, property: string): number | undefined {
  if (!owner) return undefined;
  return boundsOf(owner.constructor).get(property);
}

/** The bound the input layer applies to a text whose field declares none. */
export function defaultMaxLength(kind: TextKind): number {
  return kind === TextKind.SECRET ? DEFAULT_SECRET_MAX_LENGTH : DEFAULT_TEXT_MAX_LENGTH;
}
