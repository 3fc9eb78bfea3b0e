import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { AuditService } from '../audit.service';
import { ChainBudget } from './chain-budget';
import { SecurityEvent } from './security-event';

/**
 * Records a security event in its own transaction — the request that caused it usually fails and
 * rolls back — and as a log line. Never throws: a refused caller gets the refusal it earned, and
 * a failure to record is logged as an error.
 */
/** Security events one account (or one targeted account) may add to the chain per minute. */
export const SECURITY_EVENTS_PER_SOURCE_PER_MINUTE = 30;

@Injectable()
export class SecurityEventRecorder {
  private readonly logger = new Logger('Security');
  private readonly budget = new ChainBudget(SECURITY_EVENTS_PER_SOURCE_PER_MINUTE, 60_000);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(event: SecurityEvent): Promise<void> {
    const territoryId = event.territoryId;
    const source = event.actorUserId ?? event.subject?.id ?? 'anonyme';
    const chained = territoryId !== null && this.budget.take(source, this.clock.now().getTime());
    this.logger.warn({
      msg: 'Événement de sécurité',
      securityEvent: event.kind,
      territoryId: event.territoryId,
      actorUserId: event.actorUserId ?? null,
      requestId: event.requestId ?? null,
      subjectType: event.subject?.type ?? null,
      subjectId: event.subject?.id ?? null,
      ...event.details,
      // False when the event has no territory or its source spent its budget for the minute.
      inAuditChain: chained,
    });
    if (!chained) return;
    try {
      await this.database.run({ territoryIds: [territoryId] }, (manager) =>
        this.audit.record(manager, {
          territoryId,
          actor: event.actorUserId
            ? { userId: event.actorUserId, requestId: event.requestId ?? '' }
            : undefined,
          action: event.kind,
          subject: event.subject ?? { type: 'Security' },
          details: event.details ?? {},
        }),
      );
    } catch (error) {
      this.logger.error({
        err: error,
        securityEvent: event.kind,
        msg: 'Événement de sécurité non enregistré',
      });
    }
  }
}
