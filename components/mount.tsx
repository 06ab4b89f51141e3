import { render, type ComponentChild } from 'preact';

/** Renders an extension page's root component into its `#app` element. */
export function mount(app: ComponentChild): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element');
  render(app, root);
}
