/** A part of the receipt as the page lays it out: a paragraph, or the bullet lines that follow one. */
export type ReceiptBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] };

const BULLET = /^\s*•\s*/;

/**
 * The api's receipt is plain text (lines, blank lines between parts, « • » items): the page keeps
 * its words and order, and gives them the structure a screen reader and a printer expect; a
 * sentence it wrapped is joined again, so the page wraps it to its own width.
 */
export function receiptBlocks(receipt: string): { title: string | undefined; blocks: ReceiptBlock[] } {
  const lines = receipt.split('\n');
  const title = lines[0]?.trim() ? lines.shift()!.trim() : undefined;
  const blocks: ReceiptBlock[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const last = blocks[blocks.length - 1];
    if (line === '') {
      blocks.push({ kind: 'paragraph', lines: [] });
    } else if (BULLET.test(raw)) {
      const item = line.replace(BULLET, '');
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (last?.kind === 'paragraph' && last.lines.length && /^\p{Ll}/u.test(line)) {
      // The api wraps a long sentence: a line starting in lower case goes on with the one before.
      last.lines[last.lines.length - 1] += ` ${line}`;
    } else if (last?.kind === 'paragraph') {
      last.lines.push(line);
    } else {
      blocks.push({ kind: 'paragraph', lines: [line] });
    }
  }
  return { title, blocks: blocks.filter((block) => block.kind === 'list' || block.lines.length > 0) };
}
