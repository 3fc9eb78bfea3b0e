import { Injectable } from '@nestjs/common';
import { ProducerQueues, QueueName } from '@relais/queue';
import { JobsOptions } from 'bullmq';

export const MailJob = { SEND: 'send', DIGEST: 'daily-digest' } as const;

export interface SendMailJob {
  notificationId: string;
  territoryId: string;
}

const MAIL_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: true,
  removeOnFail: false,
};

/** One job per immediate mail, named after its notification: enqueued twice, sent once. */
@Injectable()
export class MailQueue {
  constructor(private readonly queues: ProducerQueues) {}

  async enqueue(mails: readonly SendMailJob[]): Promise<void> {
    if (!mails.length) return;
    await this.queues.get(QueueName.MAIL).addBulk(
      mails.map((mail) => ({
        name: MailJob.SEND,
        data: mail,
        opts: { ...MAIL_JOB_OPTIONS, jobId: `mail-${mail.notificationId}` },
      })),
    );
  }
}
