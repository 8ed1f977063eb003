import { useState } from 'react';
import { useDocument, usePlayground } from './state/context';

/** Copies a link that reopens this document, settings, request and view. */
export function CopyLinkButton() {
  const stores = usePlayground();
  const [said, setSaid] = useState<string | null>(null);

  async function copy() {
    const fragment = stores.shareLink();
    if (!fragment) {
      setSaid('Too large for a link');
      return;
    }
    const url = `${window.location.href.split('#')[0]}#${fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      setSaid('Link copied');
    } catch {
      setSaid('Copy the address bar: the clipboard is blocked');
    }
  }

  return (
    <span className="copy-link">
      <button type="button" data-testid="copy-link" onClick={() => void copy()}>
        Copy link
      </button>
      <span className="muted" role="status" data-testid="copy-link-status">
        {said}
      </span>
    </span>
  );
}

/** A share link that could not be opened: said once, with a way to dismiss it. */
export function LinkNotice() {
  const notice = useDocument((s) => s.notice);
  const dismiss = useDocument((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <span className="status status-error" role="alert" data-testid="link-notice">
      {notice}{' '}
      <button type="button" onClick={dismiss} aria-label="Dismiss the link message">
        Dismiss
      </button>
    </span>
  );
}
