import { describe, expect, it } from 'vitest';
import { runCommand, TOGGLE_PINYIN_COMMAND, type CommandDeps } from '../../lib/commands';

function fakeTabs(answering: Record<number, 'off' | 'all'>) {
  const calls: number[] = [];
  const deps: CommandDeps = {
    activeTabId: async () => 7,
    setPinyinLayer: async (tabId) => {
      calls.push(tabId);
      const mode = answering[tabId];
      if (!mode) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { mode };
    },
  };
  return { deps, calls };
}

describe('keyboard commands', () => {
  it('toggles the pinyin layer in the tab the command came from', async () => {
    const { deps, calls } = fakeTabs({ 3: 'all' });
    expect(await runCommand(TOGGLE_PINYIN_COMMAND, 3, deps)).toBe('all');
    expect(calls).toEqual([3]);
  });

  it('falls back to the active tab when the browser gives none', async () => {
    const { deps, calls } = fakeTabs({ 7: 'off' });
    expect(await runCommand(TOGGLE_PINYIN_COMMAND, undefined, deps)).toBe('off');
    expect(calls).toEqual([7]);
  });

  it('does nothing, without an error, in a tab with no content script, and ignores unknown commands', async () => {
    const { deps, calls } = fakeTabs({});
    expect(await runCommand(TOGGLE_PINYIN_COMMAND, 5, deps)).toBeNull();
    expect(await runCommand('something-else', 5, deps)).toBeNull();
    expect(calls).toEqual([5]);
  });
});
