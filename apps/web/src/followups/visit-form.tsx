import { useEffect, useRef, useState } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { useController, useForm, useWatch } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import type { ShownError } from '../graphql/errors';
import { navigate } from '../routing/router';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormDateField } from '../ui/form/form-date-field';
import { FormTextField } from '../ui/form/form-text-field';
import { formNoticeMessages } from '../ui/form/server-errors';
import { parseDayText } from '../ui/form/day-text';
import { Notice } from '../ui/notice';
import { frenchCalendarDate } from '../ui/written-dates';
import { RecordFollowUpActMutation } from './follow-ups.operations';
import type { FollowUpDetail } from './follow-ups.operations';
import {
  ACT_TYPE_LABELS,
  ACT_TYPES,
  HEALTH_NOTE_RESTRICTION,
  TEAM_ROLE_LABELS,
  TEAM_ROLES,
} from './follow-up-words';
import { memberNames } from './team-names';
import { useVisitDrafts } from './visit-drafts';
import type { VisitDraft } from './visit-drafts';
import { actInput, parseMinutes, visitValues } from './visit-values';
import type { VisitValues } from './visit-values';

const FIELDS = ['place', 'otherType', 'day', 'duration', 'presentUserIds', 'note', 'healthOnly'] as const;

/** The api's field names, as the form names them. */
const SERVER_FIELDS: Record<string, (typeof FIELDS)[number]> = {
  type: 'otherType',
  occurredOn: 'day',
  durationMinutes: 'duration',
  presentUserIds: 'presentUserIds',
  note: 'note',
  noteVisibility: 'healthOnly',
};

function renamed(error: ShownError): ShownError {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields))
    fields[SERVER_FIELDS[field] ?? field] = message;
  return { ...error, fields };
}

const PLACES = [
  { value: 'HOME', label: 'À domicile', description: 'Une visite chez la personne.' },
  {
    value: 'ELSEWHERE',
    label: 'Ailleurs ou à distance',
    description: 'Un rendez-vous, un appel, un partenaire…',
  },
];

const OTHER_TYPES = ACT_TYPES.filter((type) => type !== 'HOME_VISIT').map((type) => ({
  value: type,
  label: ACT_TYPE_LABELS[type],
}));

export interface VisitFormProps {
  followUp: FollowUpDetail;
  myId: string;
  /** Offered the choice of a note for the team's health professionals only. */
  healthProfessional: boolean;
  /** A new visit, or the draft kept in this session. */
  initial: VisitDraft;
}

/**
 * A visit recorded on the move, in under a minute: where, when, who was there, how long, and a note
 * (for the team, or for its health professionals only, said before saving). What is typed is kept in
 * memory as it is typed, so a save lost with the connection is tried again, here or later.
 */
export function VisitForm({ followUp, myId, healthProfessional, initial }: VisitFormProps) {
  const drafts = useVisitDrafts();
  const [state, record] = useMutation(RecordFollowUpActMutation);
  const [unsent, setUnsent] = useState(initial.unsent);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<VisitValues>({ defaultValues: visitValues(initial) });
  const values = useWatch({ control }) as VisitValues;
  const unsentNotice = useRef<HTMLDivElement>(null);

  // Every change is kept for the session: leaving the page (or losing the connection) loses nothing.
  const firstValues = useRef(values);
  useEffect(() => {
    if (values !== firstValues.current) drafts.keep(followUp.id, { ...values, unsent });
  }, [values, unsent, drafts, followUp.id]);

  useEffect(() => {
    if (unsent) unsentNotice.current?.focus();
  }, [unsent]);

  const seats = TEAM_ROLES.flatMap((role) =>
    followUp.team.filter((seat) => seat.role === role && seat.userId),
  );
  const nameOf = memberNames(followUp.team, myId);
  const present = seats.map((seat) => ({
    value: seat.userId!,
    label: nameOf(seat.userId!),
    description: TEAM_ROLE_LABELS[seat.role],
  }));

  const submit = handleSubmit(async (values) => {
    setGeneral([]);
    const result = await record({ input: actInput(followUp.id, values, healthProfessional) });
    if (result.error) {
      const shown = readError(result.error);
      if (shown.code === 'NETWORK') {
        setUnsent(true);
        drafts.keep(followUp.id, { ...values, unsent: true });
        return;
      }
      setGeneral(formNoticeMessages(renamed(shown), FIELDS, setError));
      return;
    }
    drafts.discard(followUp.id);
    const day = parseDayText(values.day);
    drafts.announce(followUp.id, `La visite${day ? ` du ${frenchCalendarDate(day)}` : ''} est enregistrée.`);
    navigate(`/suivis/${followUp.id}`);
  });

  return (
    <>
      {unsent ? (
        <div ref={unsentNotice} tabIndex={-1} className="notice notice-error" role="alert">
          <p>
            <strong>La visite n’a pas pu être enregistrée :</strong> Relais ne répond pas (connexion perdue
            ?). Ce que vous avez saisi est gardé sur cette page tant que vous restez connecté, même si vous
            revenez à l’accompagnement ; il est effacé à la déconnexion.
          </p>
          <Button isPending={state.fetching} onPress={() => void submit()}>
            Réessayer
          </Button>
        </div>
      ) : null}
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form visit-form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormChoiceGroup
          control={control}
          name="place"
          label="Où ?"
          choices={PLACES}
          rules={{ required: 'Dites où a eu lieu le contact.' }}
        />
        {values.place === 'ELSEWHERE' ? (
          <FormChoiceGroup
            control={control}
            name="otherType"
            label="Quel contact ?"
            choices={OTHER_TYPES}
            rules={{ required: 'Choisissez le type de contact.' }}
          />
        ) : null}
        <FormDateField
          control={control}
          name="day"
          label="Date"
          hint="Aujourd’hui par défaut."
          rules={{ required: 'Donnez la date du contact.' }}
        />
        <FormChoiceGroup
          control={control}
          name="presentUserIds"
          label="Qui était là ?"
          hint="Les professionnels de l’équipe présents."
          choices={present}
          multiple
          rules={{ required: 'Cochez au moins une personne présente.' }}
        />
        <FormTextField
          control={control}
          name="duration"
          label="Durée, en minutes"
          hint="Par exemple 45, ou 1 h 30."
          inputMode="text"
          autoComplete="off"
          rules={{
            required: 'Donnez la durée du contact.',
            validate: (value) => {
              const minutes = typeof value === 'string' ? parseMinutes(value) : undefined;
              if (minutes === undefined) return 'Saisissez un nombre de minutes, par exemple 45 ou 1 h 30.';
              return (minutes >= 1 && minutes <= 600) || 'Entre 1 minute et 10 heures.';
            },
          }}
        />
        <FormTextField
          control={control}
          name="note"
          label="Note"
          hint={
            healthProfessional
              ? 'Au strict nécessaire (3 000 caractères au plus). Lisible par toute l’équipe, sauf si vous la réservez aux professionnels de santé ci-dessous.'
              : 'Au strict nécessaire (3 000 caractères au plus), sans information de santé : elle est lisible par toute l’équipe.'
          }
          multiline
          rules={{
            maxLength: {
              value: 3000,
              message: 'Au plus 3 000 caractères : ne gardez que le strictement nécessaire.',
            },
          }}
        />
        {healthProfessional ? <HealthOnlyChoice control={control} /> : null}
        {healthProfessional && values.healthOnly ? (
          <p className="health-restriction" id="restriction-sante">
            <strong>{HEALTH_NOTE_RESTRICTION}.</strong> La TISF et la coordination du parcours verront la
            visite, sans sa note.
          </p>
        ) : null}
        <div className="button-row">
          <Button type="submit" isPending={state.fetching}>
            Enregistrer la visite
          </Button>
          <Button
            variant="quiet"
            onPress={() => {
              drafts.discard(followUp.id);
              navigate(`/suivis/${followUp.id}`);
            }}
          >
            Abandonner cette saisie
          </Button>
        </div>
      </Form>
    </>
  );
}

/** For a health professional only: the note kept to the team's health professionals. */
function HealthOnlyChoice({ control }: { control: Control<VisitValues> }) {
  const { field } = useController({ control, name: 'healthOnly' });
  return (
    <div className="field">
      <Checkbox
        className="choice"
        isSelected={Boolean(field.value)}
        onChange={field.onChange}
        onBlur={field.onBlur}
        name={field.name}
      >
        <span className="choice-box" aria-hidden="true" />
        <span>
          Réserver la note aux professionnels de santé de l’équipe
          <span className="choice-description">
            Secret médical : ni la TISF ni la coordination ne la liront.
          </span>
        </span>
      </Checkbox>
    </div>
  );
}
