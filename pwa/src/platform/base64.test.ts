import { describe, expect, it } from 'vitest';
import { base64Of } from './base64.ts';

describe('base64Of', () => {
  it('encodes every byte, across the slices it reads in', async () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 3 }, (_, index) => (index * 7) % 256);
    expect(await base64Of(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes an empty file as nothing', async () => {
    expect(await base64Of(new Blob([]))).toBe('');
  });
});
