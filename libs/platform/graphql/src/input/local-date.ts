import { Extensions } from '@nestjs/graphql';
import { isCalendarDate } from '@relais/config';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { DateWindow, setDateWindow } from './date-window';

/** The key, in the served schema's field extensions, of the format a text input field expects. */
export const INPUT_FORMAT_EXTENSION = 'inputFormat';
export const LOCAL_DATE_FORMAT = 'LOCAL_DATE';

export const LOCAL_DATE_MESSAGES = {
  format: 'Écrivez la date au format AAAA-MM-JJ.',
  impossible: 'Cette date n’existe pas dans le calendrier.',
} as const;

const LOOKS_LIKE_A_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day written `YYYY-MM-DD` (a day in Paris, no time): a real one (no 30 February, no 13th
 * month), and within the field's window when it gives one (checked against the application's
 * clock by the validation pipe).
 */
export function LocalDate(window?: DateWindow): PropertyDecorator {
  return (target, property) => {
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: String(property),
      options: {
        message: ({ value }: ValidationArguments) =>
          typeof value === 'string' && LOOKS_LIKE_A_DATE.test(value)
            ? LOCAL_DATE_MESSAGES.impossible
            : LOCAL_DATE_MESSAGES.format,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) },
    });
    (Extensions({ [INPUT_FORMAT_EXTENSION]: LOCAL_DATE_FORMAT }) as PropertyDecorator)(target, property);
    // Every day field has a window (the plausible one at least), which is how the pipe finds it.
    setDateWindow(target, property, window ?? {});
  };
}

/** A moment (`DateTime`) within the field's window, its day read in Paris. */
export function MomentWithin(window: DateWindow): PropertyDecorator {
  return (target, property) => setDateWindow(target, property, window);
}
