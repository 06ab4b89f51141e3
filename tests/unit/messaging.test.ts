import { describe, expect, it } from 'vitest';
import type { BackgroundRequests } from '../../lib/messaging/protocol';
import { dispatch, type Handlers } from '../../lib/messaging/server';

const handlers: Partial<Handlers<BackgroundRequests>> = {
  ping: ({ from }) => {
    if (from === 'boom') throw new Error('handler failed');
    return { pong: true, version: '1.2.3' };
  },
};

describe('dispatch', () => {
  it('answers a known request with its handler', async () => {
    expect(await dispatch(handlers, { yuedu: 1, type: 'ping', payload: { from: 'test' } })).toEqual({
      ok: true,
      value: { pong: true, version: '1.2.3' },
    });
  });
  it('ignores messages that are not ours', async () => {
    expect(await dispatch(handlers, { type: 'ping' })).toBeUndefined();
    expect(await dispatch(handlers, 'ping')).toBeUndefined();
    expect(await dispatch(handlers, null)).toBeUndefined();
  });
  it('reports unknown types and handler errors as data', async () => {
    expect(await dispatch(handlers, { yuedu: 1, type: 'nope', payload: {} })).toEqual({
      ok: false,
      error: 'Unknown message type "nope"',
    });
    expect(await dispatch(handlers, { yuedu: 1, type: 'ping', payload: { from: 'boom' } })).toEqual({
      ok: false,
      error: 'handler failed',
    });
  });
});
