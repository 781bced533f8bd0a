import { describe, expect, it } from 'vitest';
import { type FileCheck, findMismatch, planFileCheck } from '../../../shared/models/file-check';

const REVISION = '0123456789abcdef0123456789abcdef01234567';
const PINNED = '1'.repeat(64);
const OTHER = '2'.repeat(64);
const BLOB = '3'.repeat(40);

function plan(...args: Parameters<typeof planFileCheck>): FileCheck {
  const planned = planFileCheck(...args);
  if (!planned.ok) throw new Error(planned.error);
  return planned.value;
}

describe('planFileCheck', () => {
  it("holds a file the catalogue pins to the catalogue's values, whatever else the mirror declares", () => {
    const check = plan({ size: 10, sha256: PINNED }, { digest: { algorithm: 'git-blob-sha1', hex: BLOB }, commit: REVISION }, REVISION);
    expect(check).toEqual({
      verifiedBy: 'catalogue',
      size: { bytes: 10, from: 'catalogue' },
      sha256: { hex: PINNED, from: 'catalogue' },
      gitBlobSha1: BLOB,
      declared: { algorithm: 'git-blob-sha1', hex: BLOB },
    });
  });

  it("holds a file the catalogue does not pin to the mirror's declaration", () => {
    expect(plan({}, { digest: { algorithm: 'sha256', hex: OTHER }, size: 7 }, REVISION)).toMatchObject({
      verifiedBy: 'mirror',
      size: { bytes: 7, from: 'mirror' },
      sha256: { hex: OTHER, from: 'mirror' },
    });
    expect(plan({}, {}, REVISION)).toEqual({ verifiedBy: 'unverified' });
    expect(plan({}, {}, REVISION, OTHER)).toEqual({ verifiedBy: 'unverified', sha256: { hex: OTHER, from: 'recorded' } });
  });

  it('refuses a mirror that contradicts the catalogue, an earlier install, or the pinned commit', () => {
    const refusal = (...args: Parameters<typeof planFileCheck>) => {
      const planned = planFileCheck(...args);
      return planned.ok ? 'accepted' : planned.error;
    };
    expect(refusal({ sha256: PINNED }, { digest: { algorithm: 'sha256', hex: OTHER } }, REVISION)).toBe(
      `the mirror declares sha256 ${OTHER}, Loupe's catalogue pins ${PINNED}`,
    );
    expect(refusal({ size: 10 }, { size: 11 }, REVISION)).toBe("the mirror declares 11 bytes, Loupe's catalogue pins 10");
    expect(refusal({}, { digest: { algorithm: 'sha256', hex: OTHER } }, REVISION, PINNED)).toContain('Loupe recorded');
    expect(refusal({}, { commit: 'f'.repeat(40) }, REVISION)).toBe(
      `the mirror answers for commit ${'f'.repeat(40)}, not the pinned ${REVISION}`,
    );
  });
});

describe('findMismatch', () => {
  const check = plan({ size: 5 }, { digest: { algorithm: 'git-blob-sha1', hex: BLOB } }, REVISION);

  it('names the first value that differs and who stated it', () => {
    expect(findMismatch(check, { size: 4, sha256: OTHER, gitBlobSha1: BLOB })).toEqual({
      expected: '5 bytes',
      actual: '4 bytes',
      from: 'catalogue',
    });
    expect(findMismatch(check, { size: 5, sha256: OTHER, gitBlobSha1: '4'.repeat(40) })).toEqual({
      expected: `git blob ${BLOB}`,
      actual: `git blob ${'4'.repeat(40)}`,
      from: 'mirror',
    });
    expect(findMismatch(check, { size: 5, sha256: OTHER })).toMatchObject({ actual: 'git blob (not computed)' });
    expect(findMismatch(check, { size: 5, sha256: OTHER, gitBlobSha1: BLOB })).toBeUndefined();
  });
});
