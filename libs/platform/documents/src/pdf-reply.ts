import { FastifyReply } from 'fastify';

/** Sends a generated document: never cached, always downloaded. */
export async function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string): Promise<void> {
  await reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}
