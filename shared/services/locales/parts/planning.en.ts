/** English strings of edition planning (issue 13): copyfit against balanced columns, the flatplan, ads, auto-layout. */
export const planningEn = {
  // Copyfit against the balanced module: the room under each level column and the copy that fills it.
  'copyfit.shortColumns': ', {{per}} under each of {{columns}} columns',
  'copyfit.shortCharacters': ', about {{add}} characters to add',
} as const;
