/** A deep copy of plain JSON model data (editions, frames, stories are JSON by design). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
