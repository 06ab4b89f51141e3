/**
 * Where the hover card lives: a `yuedu-hover` element under <html>, reset with `all: initial`, holding an open shadow
 * root (open so that tests can read it) with our styles and the Preact-rendered card. Created on first use.
 */
import { h, render } from 'preact';
import { Card, CARD_CSS, type CardProps } from './card';
import { place, type Box, type Side } from './hover/intent';

export const HOST_TAG = 'yuedu-hover';

export class CardHost {
  private host: HTMLElement | null = null;
  private mountPoint: HTMLElement | null = null;

  constructor(private readonly doc: Document) {}

  get visible(): boolean {
    return this.host?.style.display === 'block';
  }

  private ensure(): HTMLElement {
    if (this.host?.isConnected && this.mountPoint) return this.mountPoint;
    const host = this.doc.createElement(HOST_TAG);
    // Inline and important: a page rule on our tag name, even an !important one, can neither restyle nor move it.
    // The card lets the pointer through to the text beneath until the reader heads into it (see hover/intent.ts).
    host.style.cssText =
      'all: initial !important; position: fixed !important; z-index: 2147483647 !important; left: 0; top: 0; display: none !important; pointer-events: none !important;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = CARD_CSS;
    const mountPoint = this.doc.createElement('div');
    shadow.append(style, mountPoint);
    this.doc.documentElement.append(host);
    this.host = host;
    this.mountPoint = mountPoint;
    return mountPoint;
  }

  /** The card's box on screen, null when hidden. */
  get box(): Box | null {
    return this.visible && this.host ? this.host.getBoundingClientRect() : null;
  }

  /** The side of the word the card sits on. */
  get side(): Side | null {
    return this.visible ? ((this.host?.dataset.side as Side | undefined) ?? null) : null;
  }

  /** Whether the card takes the pointer (the reader headed into it) or lets it through to the page. */
  set interactive(on: boolean) {
    this.host?.style.setProperty('pointer-events', on ? 'auto' : 'none', 'important');
  }

  /**
   * Renders the card next to the word: on the `prefer`red side when it fits, never over the word's own lines, inside
   * the visible part of the viewport (pinch zoom included) of this document, which in a frame is the frame's.
   */
  show(props: CardProps, anchor: DOMRect, prefer: Side): void {
    const mountPoint = this.ensure();
    const host = this.host as HTMLElement;
    // Measured at its natural height: the room left on the chosen side caps it below.
    host.style.removeProperty('--yuedu-room');
    render(h(Card, props), mountPoint);
    host.style.setProperty('display', 'block', 'important');
    const box = host.getBoundingClientRect();
    const spot = place(anchor, { width: box.width, height: box.height }, this.viewBox(), prefer);
    host.style.setProperty('--yuedu-room', `${Math.floor(spot.room)}px`);
    host.style.setProperty('left', `${spot.left}px`, 'important');
    host.style.setProperty('top', `${spot.top}px`, 'important');
    host.dataset.side = spot.side;
  }

  private viewBox(): Box {
    const view = this.doc.defaultView;
    const visual = view?.visualViewport;
    if (visual) {
      const left = visual.offsetLeft;
      const top = visual.offsetTop;
      return { left, top, right: left + visual.width, bottom: top + visual.height };
    }
    return { left: 0, top: 0, right: view?.innerWidth ?? 1024, bottom: view?.innerHeight ?? 768 };
  }

  hide(): void {
    this.host?.style.setProperty('display', 'none', 'important');
    this.interactive = false;
  }

  destroy(): void {
    if (this.mountPoint) render(null, this.mountPoint);
    this.host?.remove();
    this.host = null;
    this.mountPoint = null;
  }
}
