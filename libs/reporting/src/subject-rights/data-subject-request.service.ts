import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, DataCategory, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { EntityManager } from 'typeorm';
import {
  ANSWERED_STATUSES,
  DataSubjectRequestKind,
  DataSubjectRequestStatus,
} from './domain/data-subject-request.enums';
import { DataSubjectRequestObject } from './dto/data-subject-request.object';
import {
  AnswerDataSubjectRequestInput,
  DATA_SUBJECT_REQUEST_CURSOR,
  DataSubjectRequestsArgs,
  RecordDataSubjectRequestInput,
} from './dto/data-subject-request.inputs';
import { DataSubjectRequest } from './entities';
import { DataSubjectRequestReader } from './data-subject-request.reader';
import { ErasureService } from './erasure.service';
import { SubjectRightsException } from './subject-rights.exception';

/**
 * The person's requests about her data, from receipt to answer: recorded, taken up and answered by
 * the coordination, each change audited; an erasure answered « done » goes through the retention
 * rules first (`ErasureService`).
 */
@Injectable()
export class DataSubjectRequestService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reader: DataSubjectRequestReader,
    private readonly erasure: ErasureService,
    private readonly clock: Clock,
  ) {}

  recordDataSubjectRequest(
    actor: Principal,
    input: RecordDataSubjectRequestInput,
  ): Promise<DataSubjectRequestObject> {
    this.access.assertCan(
      actor,
      'record',
      asSubject('DataSubjectRequest', { territoryId: input.territoryId }),
    );
    return this.database.run({ territoryIds: [input.territoryId] }, async (manager) => {
      await this.reader.assertPersonOf(manager, actor, input.territoryId, input.personId);
      const request = await manager.save(
        manager.create(DataSubjectRequest, {
          territoryId: input.territoryId,
          personId: input.personId,
          kind: input.kind,
          receivedOn: input.receivedOn,
          request: input.request,
          status: DataSubjectRequestStatus.RECEIVED,
          outcome: null,
          answeredOn: null,
          answeredByUserId: null,
          recordedByUserId: actor.userId,
        }),
      );
      await this.recordChange(manager, actor, request, 'DATA_SUBJECT_REQUEST_RECORDED');
      return this.reader.present(manager, actor, request);
    });
  }

  /** The coordination starts working on the request. */
  startDataSubjectRequest(actor: Principal, requestId: string): Promise<DataSubjectRequestObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const request = await this.loadOpen(manager, actor, requestId);
      if (request.status !== DataSubjectRequestStatus.RECEIVED)
        throw new SubjectRightsException('ALREADY_STARTED');
      request.status = DataSubjectRequestStatus.IN_PROGRESS;
      await manager.save(request);
      await this.recordChange(manager, actor, request, 'DATA_SUBJECT_REQUEST_STARTED');
      return this.reader.present(manager, actor, request);
    });
  }

  /**
   * The answer given to the person. An erasure answered « done » is carried out here, in the same
   * transaction — or refused with the retention rules' reasons, the request left as it was.
   */
  async answerDataSubjectRequest(
    actor: Principal,
    input: AnswerDataSubjectRequestInput,
  ): Promise<DataSubjectRequestObject> {
    const pending = await this.database.run({ territoryIds: actor.territoryIds }, (manager) =>
      this.loadOpen(manager, actor, input.requestId),
    );
    const erasing =
      pending.kind === DataSubjectRequestKind.ERASURE && input.status === DataSubjectRequestStatus.DONE;
    // Read before the transaction that writes: the facts come through the other contexts' reads.
    if (erasing) await this.erasure.assertErasable(actor, pending.territoryId, pending.personId);
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const request = await this.loadOpen(manager, actor, input.requestId);
      request.status = input.status;
      request.outcome = input.outcome;
      request.answeredOn = parisDate(this.clock.now());
      request.answeredByUserId = actor.userId;
      await manager.save(request);
      if (erasing) await this.erasure.erase(manager, actor, request.territoryId, request.personId);
      await this.recordChange(manager, actor, request, 'DATA_SUBJECT_REQUEST_ANSWERED');
      return this.reader.present(manager, actor, request);
    });
  }

  /** The requests of a territory (or of one person in it), the latest received first. */
  dataSubjectRequests(
    actor: Principal,
    args: DataSubjectRequestsArgs,
  ): Promise<Connection<DataSubjectRequestObject>> {
    const after = args.after ? decodeCursor(args.after, DATA_SUBJECT_REQUEST_CURSOR) : null;
    if (args.after && !after)
      throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(DataSubjectRequest)
        .createQueryBuilder('request')
        .where('request.territoryId = :territoryId', { territoryId: args.territoryId })
        .orderBy('request.receivedOn', 'DESC')
        .addOrderBy('request.id', 'DESC')
        .limit(args.first + 1);
      if (args.personId) query.andWhere('request.personId = :personId', { personId: args.personId });
      if (after)
        query.andWhere('(request.receivedOn, request.id) < (CAST(:receivedOn AS date), CAST(:id AS uuid))', {
          receivedOn: after[0],
          id: after[1],
        });
      const { rows, accesses } = await this.reader.readable(query, actor);
      const shown = await this.reader.presentAll(manager, actor, rows.slice(0, args.first), accesses);
      return pageOf(
        rows,
        args.first,
        (row) => [row.receivedOn, row.id],
        (row) => shown.get(row.id)!,
      );
    });
  }

  private async loadOpen(
    manager: EntityManager,
    actor: Principal,
    requestId: string,
  ): Promise<DataSubjectRequest> {
    const { row } = await this.access.loadAccessible(
      manager,
      actor,
      'answer',
      DataSubjectRequest,
      requestId,
      'pessimistic_write',
    );
    if (ANSWERED_STATUSES.includes(row.status)) throw new SubjectRightsException('ALREADY_ANSWERED');
    return row;
  }

  private async recordChange(
    manager: EntityManager,
    actor: Principal,
    request: DataSubjectRequest,
    action: string,
  ): Promise<void> {
    await this.audit.record(manager, {
      territoryId: request.territoryId,
      actor,
      action,
      subject: { type: 'DataSubjectRequest', id: request.id },
      personId: request.personId,
      dataCategories: [DataCategory.SOCIAL_CONFIDENTIAL],
      details: { kind: request.kind, status: request.status },
    });
  }
}
