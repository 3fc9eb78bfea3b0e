import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NAME_LOADING, useOrganisationNames } from '../../directory/use-directory-names';
import type { FoundMember } from '../../directory/use-directory-search';
import { Link } from '../../routing/link';
import { Button } from '../../ui/button';
import { frenchDateTime } from '../../ui/written-dates';
import { AttendanceStep } from './attendance-step';
import { EndStep } from './end-step';
import type { ItemDraft, RecordItemInput } from './item-record';
import { ItemStep } from './item-step';
import { leaveItems, showItem } from './meeting-clock';
import type { ItemTimes } from './meeting-clock';
import type { MeetingModeAgenda, MeetingModeProgress } from './meeting-mode.operations';
import { attendanceSummary, presentFromAttendance, savedItemsOf } from './meeting-progress';
import type { SavedItem } from './meeting-progress';
import { nextStep, previousStep, stepMoveOf } from './meeting-navigation';
import type { MeetingStep } from './meeting-navigation';
import { expectedAttendees } from './meeting-room';
import type { Professional } from './meeting-room';
import { useFullscreen } from './use-fullscreen';

export interface MeetingModeProps {
  agenda: MeetingModeAgenda;
  /** What was already recorded when the page opened (a reload in the middle of the meeting). */
  progress: MeetingModeProgress;
  /** The people the meeting names: the cell, the chair, those already recorded. */
  members: readonly Professional[];
  coordinatorId: string | undefined;
}

/**
 * The meeting on the projector: the attendance, then one item at a time, then its end. Moving
 * between them keeps what was typed for each item (in memory only) and the time spent on it; what
 * was saved starts from what the api says is recorded.
 */
export function MeetingMode({ agenda, progress, members: named, coordinatorId }: MeetingModeProps) {
  const { meeting, items } = agenda;
  // People found in the directory and added to the room during the meeting (a guest's professional).
  const [added, setAdded] = useState<readonly FoundMember[]>([]);
  const members = useMemo(
    () => [...named, ...added.filter((person) => !named.some((member) => member.id === person.id))],
    [named, added],
  );
  const partners = useOrganisationNames(meeting.territoryId, [
    ...members.map((member) => member.organisationId),
    ...items.flatMap((item) => item.guestOrganisationIds ?? []),
  ]);
  const organisations = useMemo(
    () =>
      [
        ...new Set([
          ...members.map((member) => member.organisationId),
          ...items.flatMap((item) => item.guestOrganisationIds ?? []),
        ]),
      ].flatMap(
        // A partner still asked for (that of someone just added) says so, not « Partenaire ».
        (id) => partners.entryOf(id) ?? (partners.pending(id) ? [{ id, name: NAME_LOADING }] : []),
      ),
    [members, items, partners],
  );
  // The step on screen and the time spent on each item change together: the clock follows the screen.
  const [view, setView] = useState<{ step: MeetingStep; times: ItemTimes }>({
    step: { kind: 'attendance' },
    times: { spent: {} },
  });
  const { step, times } = view;
  const [presentIds, setPresentIds] = useState<ReadonlySet<string>>(() =>
    presentFromAttendance(progress.attendance),
  );
  const [attendanceRecorded, setAttendanceRecorded] = useState(progress.attendanceRecorded);
  const [recorded, setRecorded] = useState<Readonly<Record<string, SavedItem>>>(() => savedItemsOf(progress));
  const [earlierAttendance] = useState(() =>
    progress.attendanceRecorded ? attendanceSummary(progress.attendance) : undefined,
  );
  const [held, setHeld] = useState(meeting.status === 'HELD');
  const [drafts, setDrafts] = useState<Readonly<Record<string, ItemDraft>>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const fullscreen = useFullscreen();

  const attendees = useMemo(() => {
    // The coordinator chairs: in the room, whether or not she sits in the cell as a member.
    const invitees = agenda.standingInvitees ?? [];
    const chair = members.find((member) => member.id === coordinatorId);
    const standing =
      chair && !invitees.some((invitee) => invitee.userId === chair.id)
        ? [{ userId: chair.id, organisationId: chair.organisationId }, ...invitees]
        : invitees;
    // Whoever was recorded in the room, or added by name, is listed too.
    const inRoom = new Set([
      ...progress.attendance.map((entry) => entry.userId),
      ...progress.items.flatMap((item) => item.presentUserIds),
      ...added.map((person) => person.id),
    ]);
    return expectedAttendees(
      standing,
      items.flatMap((item) => item.guestOrganisationIds ?? []),
      members,
      organisations,
      members.filter((member) => inRoom.has(member.id)),
    );
  }, [agenda.standingInvitees, items, members, organisations, coordinatorId, progress, added]);
  const guestPartners = [...new Set(items.flatMap((item) => item.guestOrganisationIds ?? []))].flatMap(
    (id) => partners.entryOf(id)?.name ?? [],
  );

  const move = useCallback(
    (direction: 'next' | 'previous') => {
      const now = performance.now();
      setView((current) => {
        const next =
          direction === 'next'
            ? nextStep(current.step, items.length)
            : previousStep(current.step, items.length);
        const shownId = next.kind === 'item' ? items[next.index]?.id : undefined;
        return {
          step: next,
          times: shownId ? showItem(current.times, shownId, now) : leaveItems(current.times, now),
        };
      });
    },
    [items],
  );

  // The reading position goes to the new step's heading, as a new page's would.
  const stepKey = step.kind === 'item' ? items[step.index]?.id : step.kind;
  const firstStep = useRef(stepKey);
  useEffect(() => {
    if (stepKey !== firstStep.current) heading.current?.focus();
    firstStep.current = stepKey;
  }, [stepKey]);

  // Page suivante / Page précédente, as a presenter's remote sends them, outside the fields.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      const wanted = stepMoveOf(event, {
        tagName: target.tagName,
        inputType: target instanceof HTMLInputElement ? target.type : undefined,
        isContentEditable: target.isContentEditable,
        inDialog: Boolean(target.closest('[role="dialog"]')),
      });
      if (!wanted) return;
      event.preventDefault();
      move(wanted);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);

  const saveDraft = useCallback((itemId: string, draft: ItemDraft) => {
    setDrafts((current) => ({ ...current, [itemId]: draft }));
  }, []);
  const onRecorded = useCallback((input: RecordItemInput) => {
    const recordedAt = new Date().toISOString();
    setRecorded((current) => ({ ...current, [input.itemId]: { ...input, recordedAt } }));
  }, []);

  const item = step.kind === 'item' ? items[step.index] : undefined;
  const where =
    step.kind === 'attendance'
      ? 'Présences'
      : step.kind === 'item'
        ? `Point ${step.index + 1} sur ${items.length}`
        : 'Fin de la séance';

  return (
    <div className="meeting-mode">
      <div className="meeting-bar">
        <div>
          <h1>Séance du {frenchDateTime(meeting.startsAt)}</h1>
          <p className="meeting-where">
            {meeting.place ? `${meeting.place} · ` : ''}
            {items.length} point{items.length > 1 ? 's' : ''}, {agenda.totalMinutes} min prévues · {where}
          </p>
        </div>
        <nav className="meeting-moves" aria-label="Déroulé de la séance">
          <Button variant="quiet" onPress={() => move('previous')} isDisabled={step.kind === 'attendance'}>
            Point précédent
          </Button>
          <Button onPress={() => move('next')} isDisabled={step.kind === 'end'}>
            Point suivant
          </Button>
          {fullscreen.supported ? (
            <Button variant="quiet" onPress={fullscreen.toggle}>
              {fullscreen.active ? 'Quitter le plein écran' : 'Plein écran'}
            </Button>
          ) : null}
        </nav>
      </div>
      <p className="meeting-keys">
        Clavier : <kbd>Page suivante</kbd> / <kbd>Page précédente</kbd> pour le point suivant ou précédent,
        hors des champs de saisie ; <kbd>Tab</kbd> pour aller d’une commande à l’autre ; <kbd>Entrée</kbd>{' '}
        dans une action ajoute une ligne ; <kbd>Échap</kbd> quitte le plein écran.
      </p>
      {step.kind === 'attendance' ? (
        <AttendanceStep
          meetingId={meeting.id}
          attendees={attendees}
          presentIds={presentIds}
          recorded={attendanceRecorded}
          earlier={earlierAttendance}
          onRecorded={(present) => {
            setPresentIds(present);
            setAttendanceRecorded(true);
          }}
          headingRef={heading}
          chairId={coordinatorId}
          territoryId={meeting.territoryId}
          guestPartners={guestPartners}
          onAdded={(person) => setAdded((current) => [...current, person])}
        />
      ) : item ? (
        <ItemStep
          key={item.id}
          item={item}
          count={items.length}
          times={times}
          attendees={attendees}
          presentIds={presentIds}
          attendanceRecorded={attendanceRecorded}
          territoryId={meeting.territoryId}
          organisations={organisations}
          coordinatorId={coordinatorId}
          draft={drafts[item.id]}
          onDraft={saveDraft}
          recorded={recorded[item.id]}
          onRecorded={onRecorded}
          headingRef={heading}
        />
      ) : (
        <EndStep
          meetingId={meeting.id}
          items={items}
          recordedIds={new Set(Object.keys(recorded))}
          held={held}
          onHeld={() => setHeld(true)}
          headingRef={heading}
        />
      )}
      <p className="meeting-leave">
        <Link to={`/seances/${encodeURIComponent(meeting.id)}/ordre-du-jour`}>Quitter le mode séance</Link>
      </p>
    </div>
  );
}
