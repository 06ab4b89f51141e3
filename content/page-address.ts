/** The frame-tree view `pageAddress` needs (a Window, or a stand-in in tests). */
export interface FrameWindow {
  readonly location: { readonly href: string };
  readonly parent: FrameWindow;
  readonly document: { readonly referrer: string };
}

const WEB = /^https?:/i;

/**
 * The web address a word met in this frame is saved under. A frame without one of its own (about:srcdoc,
 * about:blank, where the card works as anywhere) takes its nearest same-origin ancestor's, as the reader sees it in
 * the address bar; an ancestor of another origin cannot be read, and the frame's referrer stands in for it.
 */
export function pageAddress(win: FrameWindow): string {
  for (let w = win; ; w = w.parent) {
    let href: string;
    try {
      href = w.location.href;
    } catch {
      break;
    }
    if (WEB.test(href)) return href;
    if (w.parent === w) break;
  }
  const referrer = win.document.referrer;
  return WEB.test(referrer) ? referrer : win.location.href;
}
