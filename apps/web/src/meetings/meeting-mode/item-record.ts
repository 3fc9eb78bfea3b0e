import { parseDayText } from '../../ui/form/day-text';

/** One action line as typed: the day as people write it (JJ/MM/AAAA). */
export interface ActionDraft {
  description: string;
  ownerOrganisationId: string;
  ownerUserId: string;
  dueOn: string;
}

export interface DecisionDraft {
  text: string;
  actions: ActionDraft[];
}

/** What the coordinator types for an item before saving it (kept while moving between items). */
export interface ItemDraft {
  presentUserIds: string[];
  personAttended: boolean;
  summary: string;
  decisions: DecisionDraft[];
  nextReviewOn: string;
}

export const EMPTY_ACTION: ActionDraft = {
  description: '',
  ownerOrganisationId: '',
  ownerUserId: '',
  dueOn: '',
};

export function emptyDraft(presentUserIds: string[]): ItemDraft {
  return {
    presentUserIds,
    personAttended: false,
    summary: '',
    decisions: [{ text: '', actions: [{ ...EMPTY_ACTION }] }],
    nextReviewOn: '',
  };
}

const isBlank = (text: string) => text.trim() === '';

/** A line left untouched (the one Entrée adds ahead) is not an action. */
export function isBlankAction(action: ActionDraft): boolean {
  return (
    isBlank(action.description) && !action.ownerOrganisationId && !action.ownerUserId && isBlank(action.dueOn)
  );
}

function isBlankDecision(decision: DecisionDraft): boolean {
  return isBlank(decision.text) && decision.actions.every(isBlankAction);
}

export interface RecordItemInput {
  itemId: string;
  presentUserIds: string[];
  personAttended: boolean;
  summary: string | null;
  nextReviewOn: string | null;
  decisions: {
    text: string;
    actions: {
      description: string;
      ownerOrganisationId: string;
      ownerUserId: string | null;
      dueOn: string;
    }[];
  }[];
}

/**
 * The api's input for the draft, blank lines left out, and where each field the api may name
 * (`decisions.0.actions.1.dueOn`) sits in the form (`decisions.0.actions.2.dueOn` when a blank line
 * came before). The form's own rules have checked the days: one still unreadable is sent as typed
 * for the api to refuse on its field.
 */
export function recordItemInput(
  itemId: string,
  draft: ItemDraft,
): { input: RecordItemInput; formPathOf: Map<string, string> } {
  const formPathOf = new Map<string, string>([
    ['nextReviewOn', 'nextReviewOn'],
    ['summary', 'summary'],
  ]);
  const decisions: RecordItemInput['decisions'] = [];
  draft.decisions.forEach((decision, d) => {
    if (isBlankDecision(decision)) return;
    const sentDecision = decisions.length;
    formPathOf.set(`decisions.${sentDecision}.text`, `decisions.${d}.text`);
    const actions: RecordItemInput['decisions'][number]['actions'] = [];
    decision.actions.forEach((action, a) => {
      if (isBlankAction(action)) return;
      for (const field of ['description', 'ownerOrganisationId', 'ownerUserId', 'dueOn']) {
        formPathOf.set(
          `decisions.${sentDecision}.actions.${actions.length}.${field}`,
          `decisions.${d}.actions.${a}.${field}`,
        );
      }
      actions.push({
        description: action.description.trim(),
        ownerOrganisationId: action.ownerOrganisationId,
        ownerUserId: action.ownerUserId || null,
        dueOn: parseDayText(action.dueOn) ?? action.dueOn.trim(),
      });
    });
    decisions.push({ text: decision.text.trim(), actions });
  });
  return {
    input: {
      itemId,
      presentUserIds: draft.presentUserIds,
      personAttended: draft.personAttended,
      summary: isBlank(draft.summary) ? null : draft.summary.trim(),
      nextReviewOn: isBlank(draft.nextReviewOn)
        ? null
        : (parseDayText(draft.nextReviewOn) ?? draft.nextReviewOn.trim()),
      decisions,
    },
    formPathOf,
  };
}

/** The api's field problems (`extensions.fields`), by its dotted path without the `input.` prefix. */
export function apiFieldProblems(extensions: Record<string, unknown>): { path: string; message: string }[] {
  if (!Array.isArray(extensions.fields)) return [];
  return (extensions.fields as { field?: unknown; message?: unknown }[]).flatMap((problem) =>
    typeof problem.field === 'string' && typeof problem.message === 'string'
      ? [{ path: problem.field.replace(/^input\./, ''), message: problem.message }]
      : [],
  );
}
