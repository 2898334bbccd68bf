/** A value that follows its input once the input has stopped changing for a while. */
import { useEffect, useState } from 'react';

/**
 * Returns `value` as it was when it last stayed unchanged for `quietMs`
 * (the first value at once). Lets costly secondary views — the pages
 * panel's thumbnails — catch up after a burst of keystrokes instead of on
 * every one.
 */
export function useSettled<T>(value: T, quietMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), quietMs);
    return () => clearTimeout(timer);
  }, [value, settled, quietMs]);
  return settled;
}
