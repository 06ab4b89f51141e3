/**
 * Where the reader's pointer is going, from its last few positions: whether it is heading into the card (so the card
 * stays and takes the pointer) or just passing over it on the way to the text beneath (so the text wins), and which
 * way it moves (so the card opens on the side it is not moving to). Pure geometry, in viewport pixels.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Positions kept: enough to tell a direction from jitter, few enough to forget the path of the previous word. */
const TRAIL = 6;
/** Within this angle of straight toward the card (tan ≈ 0.6, about 31°) a move counts as heading into it: a
 * diagonal sweep across the lines is a reader going to other text, a near-vertical one from the word is not. */
const TOWARD_SLOPE = 0.6;
/** Less motion than this (px) in the trail tells no direction. */
const STILL = 3;

export const inside = (box: Box, { x, y }: Point): boolean => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;

/** The pointer's last positions, newest last. */
export class PointerTrail {
  private readonly points: Point[] = [];

  push(point: Point): void {
    this.points.push(point);
    if (this.points.length > TRAIL) this.points.shift();
  }

  get all(): readonly Point[] {
    return this.points;
  }

  get last(): Point | undefined {
    return this.points[this.points.length - 1];
  }
}

/** The trail's overall move, from its oldest to its newest point. */
function motion(trail: readonly Point[]): Point {
  const first = trail[0];
  const last = trail[trail.length - 1];
  return first && last ? { x: last.x - first.x, y: last.y - first.y } : { x: 0, y: 0 };
}

/** Across lines at least this much per pixel along them: a diagonal sweep is going down the text. */
const ACROSS = 0.25;

/** 'down' or 'up' when the pointer is moving across lines (straight or diagonally), else null (along a line, or still). */
export function verticalHeading(trail: readonly Point[]): 'down' | 'up' | null {
  const { x, y } = motion(trail);
  if (Math.abs(y) < STILL || Math.abs(y) < Math.abs(x) * ACROSS) return null;
  return y > 0 ? 'down' : 'up';
}

/**
 * True when the pointer, now over the card or the gap between it and the word, came there on purpose: its path left
 * the word and ran nearly straight toward the card. A pointer that crosses the card diagonally, or arrives from
 * anywhere but the word, is on its way to the text the card covers.
 */
export function headingInto(trail: readonly Point[], word: Box, card: Box): boolean {
  const now = trail[trail.length - 1];
  const cardBelow = card.top >= word.top;
  // The band between the word and the card, as wide as either: the way a reader takes from one to the other.
  const bridge: Box = {
    left: Math.min(word.left, card.left),
    right: Math.max(word.right, card.right),
    top: cardBelow ? word.bottom : card.bottom,
    bottom: cardBelow ? card.top : word.top,
  };
  if (!now || inside(word, now) || !(inside(card, now) || inside(bridge, now))) return false;
  const from = trail.findIndex((p) => inside(word, p) || inside(bridge, p));
  if (from < 0) return false;
  const { x, y } = motion(trail.slice(from));
  const toward = cardBelow ? y : -y;
  return toward > 0 && Math.abs(x) <= toward * TOWARD_SLOPE;
}

export type Side = 'below' | 'above';

export interface Placement {
  left: number;
  top: number;
  side: Side;
  /** The height the card may take there (it scrolls inside when longer): never over the word's lines. */
  room: number;
}

/** Gap between the word and the card, and between the card and the viewport's edges. */
const GAP = 6;
const MARGIN = 4;

/**
 * Where the card goes: on the `prefer`red side of the word if it fits there, else the side where it fits, else the
 * side with more room (the card then scrolls); never over the word's own lines, always inside `view`.
 */
export function place(word: Box, size: { width: number; height: number }, view: Box, prefer: Side): Placement {
  const roomBelow = view.bottom - MARGIN - (word.bottom + GAP);
  const roomAbove = word.top - GAP - (view.top + MARGIN);
  const other: Side = prefer === 'below' ? 'above' : 'below';
  const fits = (side: Side) => (side === 'below' ? roomBelow : roomAbove) >= size.height;
  const side = fits(prefer) ? prefer : fits(other) ? other : roomBelow >= roomAbove ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(size.height, room);
  const top = side === 'below' ? word.bottom + GAP : word.top - GAP - height;
  const left = Math.min(Math.max(view.left + MARGIN, word.left), Math.max(view.left + MARGIN, view.right - size.width - MARGIN));
  return { left, top, side, room };
}
