import { Injectable } from '@nestjs/common';
import { MailDispatcher, MailJob, SendMailJob } from '@relais/reminders';
import { Job } from 'bullmq';

@Injectable()
export class MailJobs {
  constructor(private readonly mail: MailDispatcher) {}

  async process(job: Job): Promise<Record<string, number | boolean>> {
    switch (job.name) {
      case MailJob.SEND: {
        const { notificationId, territoryId } = job.data as SendMailJob;
        return { sent: await this.mail.sendImmediate(notificationId, territoryId) };
      }
      case MailJob.DIGEST:
        return { digests: await this.mail.sendDigests() };
      default:
        throw new Error(`Tâche d'envoi inconnue : ${job.name}`);
    }
  }
}
