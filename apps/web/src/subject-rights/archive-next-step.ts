import { frenchDate } from '../ui/written-dates';
import type { ArchivedSituation, RetentionStep } from './subject-rights.operations';

export interface NextStepWords {
  headline: string;
  detail: string;
}

/**
 * What the retention rules do next to an archived situation, in words: nothing once anonymised;
 * suspended under a legal hold; due now when the dry run lists its anonymisation; else its day.
 */
export function archiveNextStep(
  situation: Pick<ArchivedSituation, 'retentionState' | 'anonymisedAt' | 'anonymiseOn' | 'underLegalHold'>,
  step: Pick<RetentionStep, 'dueAt' | 'description'> | undefined,
): NextStepWords {
  if (situation.retentionState === 'ANONYMISED') {
    return {
      headline: situation.anonymisedAt
        ? `Anonymisée le ${frenchDate(situation.anonymisedAt, { weekday: false })}`
        : 'Anonymisée',
      detail: 'Plus rien n’est prévu : le code et les dates restent.',
    };
  }
  if (situation.underLegalHold) {
    return {
      headline: 'Anonymisation suspendue',
      detail: 'Un gel juridique est en vigueur : la situation reste archivée tant qu’il n’est pas levé.',
    };
  }
  if (step) {
    return {
      headline: `Anonymisation due depuis le ${frenchDate(step.dueAt, { weekday: false })}`,
      detail: `Le traitement quotidien de conservation la fera à son prochain passage. ${step.description}`,
    };
  }
  if (situation.anonymiseOn) {
    return {
      headline: `Anonymisation le ${frenchDate(situation.anonymiseOn, { weekday: false })}`,
      detail: 'Identité et textes libres effacés ; code, dates et états conservés.',
    };
  }
  return { headline: 'Rien n’est prévu.', detail: '' };
}
