import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';
import { useMutation } from 'urql';
import { MemberSearchField } from '../../directory/member-search-field';
import type { FoundMember } from '../../directory/use-directory-search';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { attendanceEntries } from './meeting-room';
import type { Attendee } from './meeting-room';
import { RecordAttendanceMutation } from './meeting-mode.operations';

export interface AttendanceStepProps {
  meetingId: string;
  attendees: readonly Attendee[];
  presentIds: ReadonlySet<string>;
  recorded: boolean;
  /** « 3 présents, 1 excusé » when the attendance was already recorded as the page opened. */
  earlier?: string;
  onRecorded(presentIds: ReadonlySet<string>): void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** The coordinator who chairs, said so in the list. */
  chairId: string | undefined;
  territoryId: string;
  /** The partners invited to an item, named in the search field's hint. */
  guestPartners: readonly string[];
  /** Someone found in the directory joins the list, ticked present. */
  onAdded(person: FoundMember): void;
}

/** Who came: each expected person checked present; a member of the cell left unchecked is excused. */
export function AttendanceStep({
  meetingId,
  attendees,
  presentIds,
  recorded,
  earlier,
  onRecorded,
  headingRef,
  chairId,
  territoryId,
  guestPartners,
  onAdded,
}: AttendanceStepProps) {
  const [chosen, setChosen] = useState<string[]>(() => [...presentIds]);
  const [sentPresent, setSentPresent] = useState<ReadonlySet<string>>(presentIds);
  const [state, recordAttendance] = useMutation(RecordAttendanceMutation);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; message: string; at: number }>();
  const outcomeBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeBox.current?.focus();
  }, [outcome]);

  async function save() {
    const present = new Set(chosen);
    const entries = attendanceEntries(attendees, present, sentPresent);
    const result = await recordAttendance({ input: { meetingId, entries } });
    if (result.error) {
      setOutcome({ tone: 'error', message: readError(result.error).message, at: Date.now() });
      return;
    }
    const excused = entries.filter((entry) => entry.status === 'EXCUSED').length;
    setSentPresent(present);
    onRecorded(present);
    setOutcome({
      tone: 'success',
      message: `Présences enregistrées : ${present.size} présent${present.size > 1 ? 's' : ''}, ${excused} excusé${excused > 1 ? 's' : ''}. Passez au premier point.`,
      at: Date.now(),
    });
  }

  return (
    <section className="meeting-step" aria-labelledby="presences">
      <h2 id="presences" ref={headingRef} tabIndex={-1}>
        Présences
      </h2>
      <p>
        Cochez les personnes présentes. Un membre de la cellule non coché est noté excusé. La liste de chaque
        point part de ces présences ; une identité n’est dévoilée qu’après leur enregistrement.
      </p>
      {earlier && !outcome ? (
        <Notice>
          Présences déjà enregistrées pour cette séance : {earlier}. Elles sont cochées ci-dessous ;
          corrigez-les au besoin et enregistrez-les à nouveau.
        </Notice>
      ) : null}
      {attendees.length ? (
        <CheckboxGroup className="field choice-group attendance-choices" value={chosen} onChange={setChosen}>
          <Label className="group-label">Présents à la séance</Label>
          <Text slot="description" className="hint">
            Les membres de la cellule, puis les partenaires invités à un point.
          </Text>
          {attendees.map((person) => (
            <Checkbox key={person.userId} value={person.userId} className="choice">
              <span className="choice-box" aria-hidden="true" />
              <span>
                {person.name}
                <span className="choice-description">
                  {person.organisationName} ·{' '}
                  {person.userId === chairId
                    ? 'préside la séance'
                    : person.standing
                      ? 'membre de la cellule'
                      : person.guest
                        ? 'invité à un point'
                        : 'ajouté·e à la séance'}
                </span>
              </span>
            </Checkbox>
          ))}
        </CheckboxGroup>
      ) : (
        <p>Aucun membre de la cellule ni aucun invité n’est connu pour cette séance.</p>
      )}
      <MemberSearchField
        territoryId={territoryId}
        label="Ajouter une personne présente"
        hint={
          guestPartners.length
            ? `Quelqu’un qui n’est pas dans la liste : un professionnel qui en remplace un autre, ou d’un partenaire invité (${guestPartners.join(', ')}) qui n’y figure pas.`
            : 'Quelqu’un qui n’est pas dans la liste : un professionnel qui remplace un membre, ou qui vient pour un point.'
        }
        excludeIds={attendees.map((person) => person.userId)}
        onChoose={(person) => {
          if (!person) return;
          onAdded(person);
          setChosen((current) => (current.includes(person.id) ? current : [...current, person.id]));
        }}
      />
      {outcome ? (
        <div ref={outcomeBox} tabIndex={-1} key={outcome.at} className="announcement">
          <Notice tone={outcome.tone}>{outcome.message}</Notice>
        </div>
      ) : null}
      <Button onPress={() => void save()} isPending={state.fetching}>
        {recorded ? 'Enregistrer à nouveau les présences' : 'Enregistrer les présences'}
      </Button>
    </section>
  );
}
