/** Event listeners added together and removed together. */
export class Listeners {
  private readonly added: [EventTarget, string, EventListener, AddEventListenerOptions][] = [];

  on<E extends Event>(target: EventTarget, type: string, fn: (e: E) => void, opts: AddEventListenerOptions = {}): void {
    const listener = fn as EventListener;
    target.addEventListener(type, listener, opts);
    this.added.push([target, type, listener, opts]);
  }

  clear(): void {
    for (const [target, type, listener, opts] of this.added) target.removeEventListener(type, listener, opts);
    this.added.length = 0;
  }
}
