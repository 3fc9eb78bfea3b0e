/**
 * A plain A4 document in Helvetica (WinAnsi covers French: accents, œ, guillemets). Rendering is
 * synchronous; the buffer is complete once pdfkit ends the stream. pdfkit (and its fonts' code) is
 * loaded at the first document, not with the api: most processes never print one.
 */
export async function renderPdf(
  title: string,
  write: (document: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Producer: 'Relais' } });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.font('Helvetica-Bold').fontSize(16).text(title);
  document.moveDown(0.5).font('Helvetica').fontSize(10);
  write(document);
  document.end();
  return finished;
}

export function heading(document: PDFKit.PDFDocument, text: string): void {
  document.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10);
}

/** « mardi 10 novembre 2026 à 14 h 00 », in Paris time. */
export function frenchMoment(moment: Date): string {
  const day = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(moment);
  const time = new Intl.DateTimeFormat('fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  })
    .format(moment)
    .replace(':', ' h ');
  return `${day} à ${time}`;
}
