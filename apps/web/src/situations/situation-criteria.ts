import { parseDayText } from '../ui/form/day-text';
import type { SituationCriteria } from './use-situation-list';
import { OPEN_SITUATION_STATUSES } from './situation-words';
import type { ReferrerKind, SituationStatus } from './situation-words';

/** « Toutes les situations ouvertes » is the list's first view; « ALL » counts the closed ones too. */
export const OPEN = 'OPEN';
export const ALL = 'ALL';

export interface SituationFilterValues {
  status: string;
  district: string;
  referrerKind: string;
  reviewDueBy: string;
}

export const DEFAULT_FILTERS: SituationFilterValues = {
  status: OPEN,
  district: '',
  referrerKind: '',
  reviewDueBy: '',
};

/** The api's criteria for what the form holds; an empty field does not filter. */
export function situationCriteria(values: SituationFilterValues): SituationCriteria {
  const statuses: SituationStatus[] | undefined =
    values.status === OPEN
      ? [...OPEN_SITUATION_STATUSES]
      : values.status === ALL
        ? undefined
        : [values.status as SituationStatus];
  const district = values.district.trim();
  return {
    ...(statuses ? { statuses } : {}),
    ...(district ? { district } : {}),
    ...(values.referrerKind ? { referrerKinds: [values.referrerKind as ReferrerKind] } : {}),
    ...(parseDayText(values.reviewDueBy) ? { reviewDueBy: parseDayText(values.reviewDueBy) } : {}),
  };
}
