import { describe, expect, it } from 'vitest';
import { createAssertionSigner, createAssertionVerifier } from './gateway-assertion.ts';
import { generateSigningKeyPair } from './keys.ts';
import type { Caller } from './caller.ts';

const caller: Caller = {
  subject: 'vsh-1',
  role: 'virtual-school-head',
  authorityCode: 'W06000015',
  schoolId: null,
  learnerId: null,
  regionCode: null,
};

describe('gateway assertion', () => {
  it('carries the caller to the subgraph it was made for, once', async () => {
    const keys = await generateSigningKeyPair();
    const sign = createAssertionSigner(keys.privateKey);
    const verify = createAssertionVerifier(keys.publicKey, 'authority:W06000015');
    const assertion = await sign(caller, 'authority:W06000015', '{"query":"{ me { role } }"}');
    await expect(verify(assertion, '{"query":"{ me { role } }"}')).resolves.toEqual(caller);
    await expect(verify(assertion, '{"query":"{ me { role } }"}')).rejects.toThrow('already used');
  });

  it('is refused for another body, another subgraph, another key or when missing', async () => {
    const keys = await generateSigningKeyPair();
    const other = await generateSigningKeyPair();
    const sign = createAssertionSigner(keys.privateKey);
    const verify = createAssertionVerifier(keys.publicKey, 'authority:W06000015');
    await expect(verify(await sign(caller, 'authority:W06000015', 'a'), 'b')).rejects.toThrow('another request');
    await expect(verify(await sign(caller, 'authority:W06000001', 'a'), 'a')).rejects.toThrow('not valid');
    await expect(verify(await createAssertionSigner(other.privateKey)(caller, 'authority:W06000015', 'a'), 'a')).rejects.toThrow('not valid');
    await expect(verify(undefined, 'a')).rejects.toThrow('national gateway');
  });
});
