// One hop in words: where the packet is, why, and its addresses there, with a rewrite
// (DNAT, SNAT) marked by a word as well as emphasis.
import type { PlaybackHop } from '../state/stores';
import { rewrites } from './playbackPath';

function Address({ value, rewritten, word, testid }: { value: string | null; rewritten: boolean; word: string; testid: string }) {
  if (value === null) return <span className="muted">?</span>;
  return rewritten ? (
    <mark className="rewritten mono" data-testid={testid} data-rewritten="true" title={`${word}: rewritten at this hop`}>
      {value} <span className="rewrite-word">{word}</span>
    </mark>
  ) : (
    <span className="mono" data-testid={testid}>
      {value}
    </span>
  );
}

export function PacketAddresses({ previous, hop, testid }: { previous: PlaybackHop | undefined; hop: PlaybackHop; testid: string }) {
  const changed = rewrites(previous, hop);
  return (
    <span className="packet-addresses">
      <Address value={hop.src} rewritten={changed.src} word="SNAT" testid={`${testid}-src`} />
      <span aria-label="to"> → </span>
      <Address value={hop.dst} rewritten={changed.dst} word="DNAT" testid={`${testid}-dst`} />
    </span>
  );
}

export interface HopCaptionProps {
  hops: PlaybackHop[];
  index: number;
  dropped: boolean;
  /** Said when the hop's element is not drawn (kube-system hidden, no canvas element). */
  offCanvas?: string | null;
  testid: string;
}

export function HopCaption({ hops, index, dropped, offCanvas, testid }: HopCaptionProps) {
  const hop = hops[index];
  if (!hop) return null;
  return (
    <div className={`hop-caption${dropped ? ' hop-caption-dropped' : ''}`} data-testid={testid}>
      <div className="hop-caption-head">
        <span className="hop-count">
          Hop {index + 1} of {hops.length}
        </span>
        <span className="hop-kind">{hop.kind}</span>
        <span className="hop-label">{hop.label}</span>
        {dropped && <span className="badge badge-danger">✕ dropped</span>}
      </div>
      <div className="hop-note">{hop.caption}</div>
      <PacketAddresses previous={hops[index - 1]} hop={hop} testid={`${testid}-packet`} />
      {offCanvas && <div className="muted hop-offcanvas">{offCanvas}</div>}
    </div>
  );
}
