/** What a damage maker returns: the bytes of one hostile file and what opening it must do. */
export type Expectation =
  /** Opening must refuse it with one clear message (opening it would be wrong or unsafe). */
  | 'refuse'
  /** It is a valid edition and must open. */
  | 'open'
  /** Either, as long as it is one or the other cleanly (a flipped bit in an unused field is harmless). */
  | 'any';

export interface Damage {
  /** What exactly was done, for the figures and for reproducing a case. */
  variant: string;
  bytes: Uint8Array;
  expect: Expectation;
}
