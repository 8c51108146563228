import { newDocumentId } from './document-ids';

describe('newDocumentId', () => {
  it("should make ids of Strapi's shape, none twice in 100,000", () => {
    const ids = Array.from({ length: 100_000 }, newDocumentId);
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should use every character about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i += 1) for (const character of newDocumentId().slice(1)) counts.set(character, (counts.get(character) ?? 0) + 1);
    expect(counts.size).toBe(36);
    const expected = (20_000 * 23) / 36;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.05);
  });
});
