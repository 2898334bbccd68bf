/** Stamps: who did something and when. */
import type { Stamp } from '../model/types';

/** A user as preferences hold them. */
export interface ReviewUser {
  name: string;
  /** CSS hex colour, #rrggbb. */
  color: string;
}

/** A stamp for `user` now (or at `at`). */
export function makeStamp(user: ReviewUser, at: Date = new Date()): Stamp {
  return { author: user.name, color: user.color, time: at.toISOString() };
}
