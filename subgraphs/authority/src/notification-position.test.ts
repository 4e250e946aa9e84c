import { describe, expect, it } from 'vitest';
import { notificationPosition } from './notifications.ts';

describe('notification positions', () => {
  it('sort newest first as plain strings, so pages from many authorities merge like learners', () => {
    const older = notificationPosition({ createdAt: new Date('2026-11-20T09:00:00.000Z'), id: 'W06000015:N000009' });
    const newer = notificationPosition({ createdAt: new Date('2026-11-21T09:00:00.000Z'), id: 'W06000001:N000001' });
    const sameTimeOtherId = notificationPosition({ createdAt: new Date('2026-11-21T09:00:00.000Z'), id: 'W06000002:N000001' });
    expect([older, sameTimeOtherId, newer].sort()).toEqual([newer, sameTimeOtherId, older]);
  });
});
