/**
 * Where the hover card lives: a `yuedu-hover` element under <html>, reset with `all: initial`, holding an open shadow
 * root (open so that tests can read it) with our styles and the Preact-rendered card. Created on first use.
 */
import { h, render } from 'preact';
import { Card, CARD_CSS, type CardProps } from './card';

export const HOST_TAG = 'yuedu-hover';
const GAP = 6;
const MARGIN = 4;

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
    host.style.cssText = 'all: initial !important; position: fixed !important; z-index: 2147483647 !important; left: 0; top: 0; display: none !important;';
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

  /** Renders the card and places it under the word (above it when there is no room below), inside the viewport. */
  show(props: CardProps, anchor: DOMRect): void {
    const mountPoint = this.ensure();
    const host = this.host as HTMLElement;
    render(h(Card, props), mountPoint);
    host.style.setProperty('display', 'block', 'important');
    const view = this.doc.defaultView;
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    const box = host.getBoundingClientRect();
    const below = anchor.bottom + GAP;
    const top = below + box.height <= height - MARGIN ? below : Math.max(MARGIN, anchor.top - GAP - box.height);
    const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, width - box.width - MARGIN));
    host.style.setProperty('left', `${left}px`, 'important');
    host.style.setProperty('top', `${top}px`, 'important');
  }

  hide(): void {
    this.host?.style.setProperty('display', 'none', 'important');
  }

  destroy(): void {
    if (this.mountPoint) render(null, this.mountPoint);
    this.host?.remove();
    this.host = null;
    this.mountPoint = null;
  }
}
