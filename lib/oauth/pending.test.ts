import { describe, expect, it } from 'vitest';
import { addressWithoutAnswer, PENDING_FLOW_KEY, savePendingFlow, takeAuthorizationReturn, type KeyValueStore, type PendingFlow } from './pending';
import { hasPendingFlow } from './pending-key';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value), removeItem: (key) => void map.delete(key) };
}

const PENDING: PendingFlow = {
  setup: { issuer: 'https://op.example', clientId: 'app', scope: 'openid', extra: '', responseMode: 'fragment', usePar: false, dpop: false },
  metadata: { issuer: 'https://op.example', token_endpoint: 'https://op.example/token' },
  redirectUri: 'https://jwt.example/',
  state: 'state-123',
  nonce: 'nonce-456',
  codeVerifier: 'v'.repeat(64),
};

describe('the pending flow across the redirect', () => {
  it('is taken, and removed from the store, when the address answers its state', () => {
    const store = memoryStore();
    savePendingFlow(store, PENDING);
    const href = 'https://jwt.example/#code=abc&state=state-123&iss=https%3A%2F%2Fop.example';
    expect(takeAuthorizationReturn(store, href)).toEqual({ pending: PENDING, redirectUrl: href });
    expect(store.map.has(PENDING_FLOW_KEY)).toBe(false);
    expect(takeAuthorizationReturn(store, href)).toBeNull();
  });

  it('is seen waiting by the page load (which then fetches the flow code) until it is taken', () => {
    const store = memoryStore();
    expect(hasPendingFlow(() => store)).toBe(false);
    savePendingFlow(store, PENDING);
    expect(hasPendingFlow(() => store)).toBe(true);
    takeAuthorizationReturn(store, 'https://jwt.example/#code=abc&state=state-123');
    expect(hasPendingFlow(() => store)).toBe(false);
    // Blocked storage (sessionStorage throws on access): nothing is pending.
    expect(
      hasPendingFlow(() => {
        throw new DOMException('blocked', 'SecurityError');
      }),
    ).toBe(false);
  });

  it('stays when the state is another one, or absent: the address is not its answer', () => {
    const store = memoryStore();
    savePendingFlow(store, PENDING);
    expect(takeAuthorizationReturn(store, 'https://jwt.example/#code=abc&state=other')).toBeNull();
    expect(takeAuthorizationReturn(store, 'https://jwt.example/#token=eyJ')).toBeNull();
    expect(store.map.has(PENDING_FLOW_KEY)).toBe(true);
  });

  it('reads the query for response_mode=query, not the fragment', () => {
    const store = memoryStore();
    savePendingFlow(store, { ...PENDING, setup: { ...PENDING.setup, responseMode: 'query' } });
    expect(takeAuthorizationReturn(store, 'https://jwt.example/#code=abc&state=state-123')).toBeNull();
    expect(takeAuthorizationReturn(store, 'https://jwt.example/?code=abc&state=state-123')?.pending.state).toBe('state-123');
  });

  it('reads the fragment for a hybrid response type, whatever the response mode, and stores no token', () => {
    const store = memoryStore();
    savePendingFlow(store, { ...PENDING, setup: { ...PENDING.setup, responseMode: 'query', responseType: 'code id_token token' } });
    expect(takeAuthorizationReturn(store, 'https://jwt.example/?code=abc&state=state-123')).toBeNull();
    const href = 'https://jwt.example/#code=abc&id_token=h.p.s&access_token=at&token_type=Bearer&state=state-123';
    const taken = takeAuthorizationReturn(store, href);
    expect(taken?.redirectUrl).toBe(href);
    expect(store.map.size).toBe(0);
  });

  it('ignores a store that holds something else', () => {
    const store = memoryStore();
    store.setItem(PENDING_FLOW_KEY, '{"state":"state-123"}');
    expect(takeAuthorizationReturn(store, 'https://jwt.example/#code=abc&state=state-123')).toBeNull();
    store.setItem(PENDING_FLOW_KEY, 'not json');
    expect(takeAuthorizationReturn(store, 'https://jwt.example/#code=abc&state=state-123')).toBeNull();
  });

  it('cleans the address of the whole answer', () => {
    expect(addressWithoutAnswer('https://jwt.example/base/?code=abc&state=s#x=1')).toBe('https://jwt.example/base/');
  });
});
