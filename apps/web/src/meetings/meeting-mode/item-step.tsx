import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { Checkbox } from 'react-aria-components';
import { useController, useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { Path } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { FormDateField } from '../../ui/form/form-date-field';
import { FormTextField } from '../../ui/form/form-text-field';
import { Notice } from '../../ui/notice';
import { DecisionFields } from './decision-fields';
import { IdentityReveal } from './identity-reveal';
import { ItemHeading } from './item-heading';
import { apiFieldProblems, EMPTY_ACTION, emptyDraft, recordItemInput } from './item-record';
import type { ItemDraft, RecordItemInput } from './item-record';
import type { SavedItem } from './meeting-progress';
import { ItemRoom } from './item-room';
import type { ItemTimes } from './meeting-clock';
import type { MeetingModeItem } from './meeting-mode.operations';
import { RecordAgendaItemMutation } from './meeting-mode.operations';
import { itemRoomChoices, revealRoom } from './meeting-room';
import type { Attendee, NamedOrganisation } from './meeting-room';
import { RecordedItem } from './recorded-item';

export interface ItemStepProps {
  item: MeetingModeItem;
  count: number;
  times: ItemTimes;
  attendees: readonly Attendee[];
  /** The meeting's present people, once the attendance is recorded. */
  presentIds: ReadonlySet<string>;
  attendanceRecorded: boolean;
  territoryId: string;
  /** The partners of the room and of the item's guests, named. */
  organisations: readonly NamedOrganisation[];
  coordinatorId: string | undefined;
  /** What was typed for this item before, if the coordinator came back to it. */
  draft: ItemDraft | undefined;
  onDraft(itemId: string, draft: ItemDraft): void;
  /** What was saved for this item in this meeting, once it is (here, or before the page opened). */
  recorded: SavedItem | undefined;
  onRecorded(input: RecordItemInput): void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * One item on the screen: who it is about (by code), its time, who is in the room, the reveal,
 * and what the cell decides, saved once with « Enregistrer le point ».
 */
export function ItemStep(props: ItemStepProps) {
  const { item, attendees, presentIds, recorded } = props;
  const choices = useMemo(
    () => itemRoomChoices(attendees, presentIds, item.guestOrganisationIds ?? []),
    [attendees, presentIds, item.guestOrganisationIds],
  );
  const form = useForm<ItemDraft>({
    // A recorded item's room is the one recorded; otherwise the meeting's, as it stands.
    defaultValues: props.draft ?? emptyDraft(recorded ? recorded.presentUserIds : choices.preselected),
  });
  const { control, getValues, handleSubmit, setError, setFocus, setValue } = form;
  const decisions = useFieldArray({ control, name: 'decisions' });
  const itemPresent = useWatch({ control, name: 'presentUserIds' });
  const [state, recordItem] = useMutation(RecordAgendaItemMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const savedNotice = useRef<HTMLDivElement>(null);

  // What was typed goes back to the meeting when another item comes on screen.
  const { onDraft } = props;
  useEffect(() => () => onDraft(item.id, getValues()), [onDraft, getValues, item.id]);
  // Just saved: the reading position goes to what was saved. An item already recorded when it comes
  // on screen keeps it on its heading, as any other item does.
  const recordedOnArrival = useRef(Boolean(recorded));
  useEffect(() => {
    if (recorded && !recordedOnArrival.current) savedNotice.current?.focus();
  }, [recorded]);

  const peopleChecked = recorded ? new Set(recorded.presentUserIds) : presentIds;
  const room = revealRoom({
    attendees,
    peopleIds: peopleChecked,
    itemGuestOrganisationIds: item.guestOrganisationIds ?? [],
    organisations: props.organisations,
    coordinatorId: props.coordinatorId,
  });
  const narrower =
    !recorded && [...presentIds].some((id) => id !== props.coordinatorId && !itemPresent.includes(id));

  const submit = handleSubmit(async (values) => {
    setGeneral([]);
    const { input, formPathOf } = recordItemInput(item.id, values);
    const result = await recordItem({ input });
    if (result.error) {
      const shown = readError(result.error);
      const unplaced: string[] = [];
      let focused = false;
      for (const problem of apiFieldProblems(shown.extensions)) {
        const path = formPathOf.get(problem.path);
        if (path) {
          setError(
            path as Path<ItemDraft>,
            { type: 'server', message: problem.message },
            { shouldFocus: !focused },
          );
          focused = true;
        } else unplaced.push(problem.message);
      }
      const message =
        shown.code === 'INVALID_TRANSITION'
          ? 'Ce point ne peut plus être enregistré : il l’est déjà, ou le compte rendu est publié. Voyez le compte rendu.'
          : shown.message;
      setGeneral(unplaced.length ? unplaced : focused ? [] : [message]);
      return;
    }
    props.onRecorded(input);
  });

  function onFormKey(event: KeyboardEvent<HTMLFormElement>) {
    // Saving is done once, with its button: Entrée in a field never sends the item by accident.
    const target = event.target;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'checkbox') {
      event.preventDefault();
    }
  }

  return (
    <article className="meeting-item" aria-labelledby={`item-${item.id}`}>
      <div id={`item-${item.id}`}>
        <ItemHeading item={item} count={props.count} times={props.times} headingRef={props.headingRef} />
      </div>
      <div className="meeting-columns">
        <div className="meeting-column">
          <ItemRoom control={control} listed={choices.listed} isDisabled={Boolean(recorded)} />
          <IdentityReveal
            itemId={item.id}
            caseCode={item.caseCode}
            room={room}
            attendanceRecorded={props.attendanceRecorded}
            roomNote={
              narrower
                ? 'Tant que ce point n’est pas enregistré, Relais compte toutes les personnes présentes à la séance : enregistrez d’abord le point pour que seules les personnes cochées comptent.'
                : undefined
            }
          />
        </div>
        <div className="meeting-column">
          {recorded ? (
            <div ref={savedNotice} tabIndex={-1} className="announcement">
              <RecordedItem recorded={recorded} territoryId={props.territoryId} />
            </div>
          ) : (
            <form
              className="form meeting-record"
              onSubmit={(event) => void submit(event)}
              onKeyDown={onFormKey}
              noValidate
            >
              <h3>Décisions et actions</h3>
              {general.map((message) => (
                <Notice key={message} tone="error">
                  {message}
                </Notice>
              ))}
              {decisions.fields.map((field, index) => (
                <DecisionFields
                  key={field.id}
                  control={control}
                  setFocus={setFocus}
                  setValue={setValue}
                  index={index}
                  territoryId={props.territoryId}
                  onRemove={decisions.fields.length > 1 ? () => decisions.remove(index) : undefined}
                />
              ))}
              <Button
                variant="quiet"
                onPress={() => decisions.append({ text: '', actions: [{ ...EMPTY_ACTION }] })}
              >
                Ajouter une décision
              </Button>
              <FormDateField
                control={control}
                name="nextReviewOn"
                label="Prochain réexamen"
                hint="Laissé vide : à la date que prévoit le territoire (3 mois par défaut)."
              />
              <FormTextField
                control={control}
                name="summary"
                label="Synthèse des échanges"
                hint="Lue par les partenaires présents pour ce point : sans information de santé."
                multiline
              />
              <PersonAttended control={control} />
              <Button type="submit" isPending={state.fetching}>
                Enregistrer le point
                <span className="visually-hidden"> {item.caseCode}</span>
              </Button>
            </form>
          )}
        </div>
      </div>
    </article>
  );
}

function PersonAttended({ control }: { control: ItemStepFormControl }) {
  const {
    field: { value, onChange },
  } = useController({ control, name: 'personAttended' });
  return (
    <Checkbox isSelected={value} onChange={onChange} className="choice">
      <span className="choice-box" aria-hidden="true" />
      <span>La personne était présente</span>
    </Checkbox>
  );
}

type ItemStepFormControl = ReturnType<typeof useForm<ItemDraft>>['control'];
