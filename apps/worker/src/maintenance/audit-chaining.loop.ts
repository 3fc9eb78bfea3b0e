import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditEventChainer } from '@relais/audit';

/** How long a read may wait before it is linked into its territory's chain. */
export const AUDIT_CHAINING_EVERY_MS = 2_000;

/**
 * Links the reads written unchained into their territories' chains, every few seconds. A timer,
 * not a BullMQ job: it must keep running when Redis is away, and the head's row lock makes
 * concurrent rounds of several replicas harmless (each links only what is still unchained).
 */
@Injectable()
export class AuditChainingLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditChaining');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly chainer: AuditEventChainer) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), AUDIT_CHAINING_EVERY_MS);
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.chainer
      .chainAll()
      .then((round) => {
        if (round.failed) this.logger.warn({ message: "Chaînage d'audit incomplet", ...round });
      })
      .catch((error: Error) =>
        this.logger.warn({ message: "Échec du chaînage d'audit", error: error.message }),
      )
      .finally(() => (this.running = undefined));
  }
}
