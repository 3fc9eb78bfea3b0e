import { FastifyReply } from 'fastify';

/** Sends a generated CSV file like a PDF: never cached, always downloaded. */
export async function sendCsv(reply: FastifyReply, csv: string, filename: string): Promise<void> {
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}
