import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { AgendaQueryService } from '@relais/meetings';
import { ConsentService } from '@relais/consent';
import {
  IdentityReader,
  Person,
  Situation,
  SituationAction,
  toActionObject,
  toPersonObject,
} from '@relais/situations';
import { EntityManager, In } from 'typeorm';
import { FHIR_TASK_STATUS, REFERRAL_STATUS_LABELS, ReferralStatus } from './domain/referral-status';
import { MyReferralObject, ReferralObject } from './dto/referral.objects';
import { Referral, ReferralTransition } from './entities';
import { readerOf, referralCategories, shownCategories, toReferralView } from './referral.view';

const LIST_LIMIT = 200;

/**
 * Reads of referrals: rows filtered in SQL by the rules, then each field masked by the reader's
 * relation and the sharing matrix. A list costs the same few queries whatever its length.
 */
@Injectable()
export class ReferralQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly identities: IdentityReader,
    private readonly consents: ConsentService,
    private readonly agendas: AgendaQueryService,
    private readonly clock: Clock,
  ) {}

  referral(actor: Principal, referralId: string): Promise<ReferralObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const [view] = await this.views(manager, actor, { referralId }, true);
      if (!view) throw new AccessException('NOT_FOUND');
      return view;
    });
  }

  /** The coordinator's inbox and the cell's pre-review: what each may see in the territory. */
  referrals(actor: Principal, territoryId: string, status?: ReferralStatus): Promise<ReferralObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, (manager) =>
      this.views(manager, actor, { territoryId, status }, false),
    );
  }

  /** « Les saisines de mon organisation » : the status and what concerns us, nothing confidential. */
  myOrganisationReferrals(actor: Principal, territoryId: string): Promise<MyReferralObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Referral)
        .createQueryBuilder('referral')
        .innerJoinAndMapOne('referral.person', Person, 'person', 'person.id = referral.personId')
        .leftJoinAndMapOne(
          'referral.situation',
          Situation,
          'situation',
          'situation.id = referral.situationId',
        )
        .where('referral.territoryId = :territoryId AND referral.referrerOrganisationId = :organisationId', {
          territoryId,
          organisationId: actor.organisationId,
        })
        .orderBy('referral.createdAt', 'DESC')
        .limit(LIST_LIMIT);
      this.access.accessibleBy(query, actor, 'read', 'Referral');
      const referrals = await query.getMany();
      const actions = referrals.length
        ? manager
            .getRepository(SituationAction)
            .createQueryBuilder('action')
            .where('action.personId IN (:...personIds) AND action.ownerOrganisationId = :organisationId', {
              personIds: [...new Set(referrals.map((referral) => referral.personId))],
              organisationId: actor.organisationId,
            })
            .orderBy('action.dueOn', 'ASC')
        : null;
      if (actions) this.access.accessibleBy(actions, actor, 'read', 'SituationAction');
      const ours = actions ? await actions.getMany() : [];
      const situationIds = referrals.flatMap((referral) =>
        referral.situationId ? [referral.situationId] : [],
      );
      const nextMeetings = await this.agendas.nextMeetingsOf(manager, situationIds, this.clock.now());
      return referrals.map((referral) => {
        const person = toPersonObject(referral.person!);
        return {
          id: referral.id,
          caseCode: person.caseCode,
          pseudonym: person.pseudonym,
          status: referral.status,
          statusLabel: REFERRAL_STATUS_LABELS[referral.status],
          fhirTaskStatus: FHIR_TASK_STATUS[referral.status],
          submittedAt: referral.submittedAt,
          decidedAt: referral.decidedAt,
          redirectTarget: referral.redirectTarget,
          redirectMessage: referral.redirectMessage,
          situationStatus: referral.situation?.status ?? null,
          nextMeetingAt: referral.situationId ? (nextMeetings.get(referral.situationId) ?? null) : null,
          actionsForMyOrganisation: ours
            .filter((action) => action.personId === referral.personId)
            .map(toActionObject),
        };
      });
    });
  }

  private async views(
    manager: EntityManager,
    actor: Principal,
    filter: { referralId?: string; territoryId?: string; status?: ReferralStatus },
    withTransitions: boolean,
  ): Promise<ReferralObject[]> {
    const query = manager
      .getRepository(Referral)
      .createQueryBuilder('referral')
      .innerJoinAndMapOne('referral.person', Person, 'person', 'person.id = referral.personId')
      .orderBy('referral.submittedAt', 'DESC', 'NULLS FIRST')
      .addOrderBy('referral.createdAt', 'DESC')
      .limit(LIST_LIMIT);
    if (filter.referralId) query.andWhere('referral.id = :referralId', { referralId: filter.referralId });
    if (filter.territoryId)
      query.andWhere('referral.territoryId = :territoryId', { territoryId: filter.territoryId });
    if (filter.status) query.andWhere('referral.status = :status', { status: filter.status });
    this.access.accessibleBy(query, actor, 'read', 'Referral');
    const referrals = await query.getMany();
    if (!referrals.length) return [];

    const personIds = referrals.map((referral) => referral.personId);
    const identities = await this.identities.readableIdentities(manager, actor, personIds, false);
    const states = await this.consents.consentStates(manager, personIds);
    const duplicateIds = referrals
      .filter((referral) => referral.possibleDuplicatePersonId && readerOf(actor, referral) === 'COORDINATOR')
      .map((referral) => referral.possibleDuplicatePersonId!);
    const duplicates = duplicateIds.length ? await manager.findBy(Person, { id: In(duplicateIds) }) : [];
    const transitions = withTransitions
      ? await manager.find(ReferralTransition, {
          where: { referralId: In(referrals.map((referral) => referral.id)) },
          order: { occurredAt: 'ASC' },
        })
      : [];

    const views = referrals.map((referral) => {
      const consent = states.get(referral.personId);
      const reader = readerOf(actor, referral, consent);
      const duplicate = duplicates.find((person) => person.id === referral.possibleDuplicatePersonId);
      return toReferralView({
        referral,
        person: toPersonObject(referral.person!),
        reader,
        categories: referralCategories(actor, reader, referral.territoryId, consent),
        // Only the pre-review rule lists fields, and it reads the row's own columns: evaluated in
        // memory here. The other readers' rules grant whole rows (their conditions walk relations).
        ruleRedacted:
          reader === 'CELL' ? this.access.redactedFields(actor, 'read', referral, REFERRAL_FIELDS) : [],
        identity: identities.get(referral.personId) ?? null,
        consentStatus: states.get(referral.personId)?.status ?? null,
        possibleDuplicate: duplicate ? toPersonObject(duplicate) : null,
        transitions: withTransitions
          ? transitions
              .filter((transition) => transition.referralId === referral.id)
              .map(({ fromStatus, toStatus, actorUserId, occurredAt, reason }) => ({
                fromStatus,
                toStatus,
                actorUserId,
                occurredAt,
                reason,
              }))
          : null,
      });
    });
    // One event per person read, naming every confidential category shown (identity included).
    await this.audit.recordReads(
      manager,
      actor,
      views.map((view, index) => ({
        territoryId: view.territoryId,
        personId: referrals[index].personId,
        subject: { type: 'Referral', id: view.id },
        categories: shownCategories(view),
      })),
    );
    return views;
  }
}

/** The referral's own fields, as the CASL field rules name them. */
const REFERRAL_FIELDS = [
  'referrerUserId',
  'referrerOrganisationId',
  'urgency',
  'requests',
  'difficultyAreas',
  'servicesInvolved',
  'actionsTried',
  'blockages',
  'questionToCell',
  'description',
  'housingContext',
  'healthInformation',
  'submittedAt',
  'decidedAt',
  'redirectTarget',
  'redirectMessage',
  'situationId',
];
