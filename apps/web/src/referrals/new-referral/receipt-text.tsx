import { receiptBlocks } from './receipt-blocks';

/** The api's receipt, its words untouched, as paragraphs and lists. */
export function ReceiptText({ receipt, asPage }: { receipt: string; asPage: boolean }) {
  const { title, blocks } = receiptBlocks(receipt);
  return (
    <div className="receipt">
      {title && asPage ? <h1 className="receipt-title">{title}</h1> : null}
      {title && !asPage ? (
        <p className="receipt-title">
          <strong>{title}</strong>
        </p>
      ) : null}
      {blocks.map((block, index) =>
        block.kind === 'list' ? (
          <ul key={index}>
            {block.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={index}>
            {block.lines.map((line, lineIndex) => (
              <span key={lineIndex} className="receipt-line">
                {line}
              </span>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
