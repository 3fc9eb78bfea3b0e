/** The paragraphs of a charter as its author typed them: blank lines part them, line breaks stay. */
export function charterParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

const KIND_LABELS: Record<string, string> = {
  CONFIDENTIALITY: 'Charte de confidentialité',
  RULES: 'Règlement intérieur de la cellule',
};

export function charterKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}
