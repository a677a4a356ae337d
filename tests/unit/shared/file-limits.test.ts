import { describe, expect, it } from 'vitest';
import { ImportRequest } from '../../../shared/attendance';
import { AttachInput, ACTION_LIMITS } from '../../../shared/followups';
import { AddPhotoInput, MINUTES_LIMITS } from '../../../shared/minutes';

const ID = '00000000-0000-4000-8000-000000000000';
/** Base64 of about `bytes` bytes (4 characters per 3 bytes). */
const base64Of = (bytes: number) => 'A'.repeat(Math.floor(bytes / 3) * 4);

describe('files inside calls: each takes the size its operation allows, no less', () => {
  it("a phone's photo up to 40 MB, not more", () => {
    const photo = (bytes: number) =>
      AddPhotoInput.safeParse({ workshopId: ID, fileName: 'a.jpg', data: base64Of(bytes) });
    expect(photo(20 * 1024 * 1024).success).toBe(true);
    expect(photo(MINUTES_LIMITS.photoBytes - 3).success).toBe(true);
    expect(photo(MINUTES_LIMITS.photoBytes + 1024).success).toBe(false);
  });

  it('evidence up to 10 MB, a register file up to about 8 MB', () => {
    const evidence = (bytes: number) => AttachInput.safeParse({ id: ID, fileName: 'a.pdf', data: base64Of(bytes) });
    expect(evidence(ACTION_LIMITS.attachmentBytes - 3).success).toBe(true);
    expect(evidence(ACTION_LIMITS.attachmentBytes + 1024).success).toBe(false);
    const register = (bytes: number) =>
      ImportRequest.safeParse({ engagementId: ID, fileName: 'a.csv', data: base64Of(bytes) });
    expect(register(8_000_000).success).toBe(true);
    expect(register(9 * 1024 * 1024).success).toBe(false);
  });
});
