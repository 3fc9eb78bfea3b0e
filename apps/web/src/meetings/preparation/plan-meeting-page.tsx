import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Link } from '../../routing/link';
import { Button } from '../../ui/button';
import { FormChoiceGroup } from '../../ui/form/form-choice-group';
import { FormDateField } from '../../ui/form/form-date-field';
import { FormTextField } from '../../ui/form/form-text-field';
import { applyServerErrors } from '../../ui/form/server-errors';
import { Notice } from '../../ui/notice';
import { useFocusOnChange } from '../../ui/use-focus-on-change';
import { usePageTitle } from '../../ui/use-page-title';
import { frenchDateTime } from '../../ui/written-dates';
import { meetingPaths } from '../meeting-labels';
import { parseTimeText, startsAtOf } from './meeting-time';
import { MeetingTerritoryChoice } from './meeting-territory';
import type { MeetingTerritory } from './meeting-territory';
import { PlanMeetingMutation, PlanMeetingSeriesMutation } from './preparation.operations';
import type { MeetingView } from './preparation.operations';
import './preparation.css';

/** « Prévoir une séance » : one meeting, or a monthly series at the same rank and time. */
export function PlanMeetingPage() {
  usePageTitle('Prévoir une séance');
  return (
    <>
      <h1>Prévoir une séance</h1>
      <p>
        <Link to={meetingPaths.list}>Retour aux séances</Link>
      </p>
      <MeetingTerritoryChoice>
        {(territory) =>
          territory.coordinating && territory.cellId ? (
            <PlanMeeting key={territory.id} territory={territory} cellId={territory.cellId} />
          ) : (
            <Notice>
              Seule la coordination d’une cellule prévoit ses séances ; votre adhésion à {territory.name} n’en
              désigne pas.
            </Notice>
          )
        }
      </MeetingTerritoryChoice>
    </>
  );
}

interface PlanValues {
  repeat: 'ONCE' | 'MONTHLY';
  day: string;
  time: string;
  durationMinutes: string;
  place: string;
  videoLink: string;
  count: string;
}

const FIELDS = ['day', 'time', 'durationMinutes', 'place', 'videoLink', 'count'] as const;

const REPEAT_CHOICES = [
  { value: 'ONCE', label: 'Une séance' },
  {
    value: 'MONTHLY',
    label: 'Une série mensuelle',
    description: 'Même jour de la semaine, même rang dans le mois (par exemple le 2e mardi), même heure.',
  },
];

function PlanMeeting({ territory, cellId }: { territory: MeetingTerritory; cellId: string }) {
  const [once, planOnce] = useMutation(PlanMeetingMutation);
  const [series, planSeries] = useMutation(PlanMeetingSeriesMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [planned, setPlanned] = useState<MeetingView[]>();
  const announced = useRef<HTMLDivElement>(null);
  useFocusOnChange(announced, planned);
  const { control, handleSubmit, setError } = useForm<PlanValues>({
    defaultValues: {
      repeat: 'ONCE',
      day: '',
      time: '14 h 00',
      durationMinutes: '120',
      place: '',
      videoLink: '',
      count: '6',
    },
  });
  const monthly = useWatch({ control, name: 'repeat' }) === 'MONTHLY';

  const submit = handleSubmit(async (values) => {
    setGeneral([]);
    const startsAt = startsAtOf(values.day, values.time);
    if (!startsAt) return;
    const common = {
      cellId,
      startsAt,
      durationMinutes: Number(values.durationMinutes),
      place: values.place.trim() || null,
      videoLink: values.videoLink.trim() || null,
    };
    const result =
      values.repeat === 'MONTHLY'
        ? await planSeries({ input: { ...common, count: Number(values.count) } })
        : await planOnce({ input: common });
    if (result.error) {
      const shown = readError(result.error);
      // The api speaks of the start; the form asks it as a day and a time.
      if (shown.fields.startsAt) {
        shown.fields = { ...shown.fields, day: shown.fields.startsAt };
        delete shown.fields.startsAt;
      }
      const unplaced = applyServerErrors(shown, FIELDS, setError);
      const placed = Object.keys(shown.fields).length > unplaced.length;
      setGeneral(unplaced.length ? unplaced : placed ? [] : [shown.message]);
      return;
    }
    const data = result.data;
    if (data && 'planMeetingSeries' in data) setPlanned(data.planMeetingSeries);
    else if (data && 'planMeeting' in data) setPlanned([data.planMeeting]);
  });

  if (planned) {
    return (
      <div ref={announced} tabIndex={-1} className="announcement">
        <Notice tone="success">
          <p>
            {planned.length > 1
              ? `${planned.length} séances sont prévues à ${territory.name} :`
              : `La séance est prévue à ${territory.name} :`}
          </p>
          <ul>
            {planned.map((meeting) => (
              <li key={meeting.id}>
                <Link to={meetingPaths.agenda(meeting.id)}>
                  Préparer l’ordre du jour du {frenchDateTime(meeting.startsAt)}
                </Link>
              </li>
            ))}
          </ul>
        </Notice>
        <p>
          <Link to={meetingPaths.list}>Voir toutes les séances</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="reading-width">
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormChoiceGroup
          control={control}
          name="repeat"
          label="Prévoir"
          choices={REPEAT_CHOICES}
          rules={{ required: true }}
        />
        <FormDateField
          control={control}
          name="day"
          label={monthly ? 'Jour de la première séance' : 'Jour de la séance'}
          rules={{ required: 'Indiquez le jour de la séance.' }}
        />
        <FormTextField
          control={control}
          name="time"
          label="Heure de début"
          hint="Par exemple 14 h 00 ou 9:30."
          rules={{
            required: 'Indiquez l’heure de début.',
            validate: (value) =>
              parseTimeText(String(value)) !== undefined || 'Écrivez l’heure ainsi : 14 h 00, ou 9:30.',
          }}
        />
        <FormTextField
          control={control}
          name="durationMinutes"
          label="Durée, en minutes"
          hint="De 15 à 480 minutes ; l’ordre du jour se compare à cette durée."
          inputMode="numeric"
          rules={{
            required: 'Indiquez la durée de la séance.',
            pattern: { value: /^\s*\d+\s*$/, message: 'Indiquez un nombre entier de minutes.' },
          }}
        />
        <FormTextField
          control={control}
          name="place"
          label="Lieu"
          hint="Salle et adresse. Un lieu ou un lien de visioconférence est demandé."
        />
        <FormTextField
          control={control}
          name="videoLink"
          label="Lien de visioconférence"
          hint="Une adresse qui commence par https://"
        />
        {monthly ? (
          <FormTextField
            control={control}
            name="count"
            label="Nombre de séances"
            hint="12 au plus : une par mois à partir de la première."
            inputMode="numeric"
            rules={{
              required: 'Indiquez le nombre de séances.',
              pattern: { value: /^\s*\d+\s*$/, message: 'Indiquez un nombre entier de séances.' },
            }}
          />
        ) : null}
        <div className="button-row">
          <Button type="submit" isPending={once.fetching || series.fetching}>
            {monthly ? 'Prévoir la série' : 'Prévoir la séance'}
          </Button>
        </div>
      </Form>
    </div>
  );
}
