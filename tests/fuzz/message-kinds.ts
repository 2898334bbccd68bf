/**
 * What makes a refusal "one clear message", and the kind of a message (its
 * wording with the particulars — names, numbers, JSON paths — taken out),
 * so the fuzz can count how many different things it told users.
 */

/** Words that mean an internal error leaked into a message instead of an explanation. */
const LEAKS = [
  /the package is damaged \(/, // unpackFolio's catch-all for errors nobody foresaw
  /Maximum call stack/,
  /Cannot read propert/,
  /is not a function/,
  /is not iterable/,
  /(?<!received )\bundefined\b/, // zod says "received undefined" for a missing field: that one is fine
  /\[object Object\]/,
  /out of memory/i,
  /Invalid array length/,
  /Invalid string length/,
];

/** The longest message a user is asked to read. */
export const MAX_MESSAGE_LENGTH = 400;

/** Why a refusal's message is not one clear line naming the file, or null when it is. */
export function unclearMessage(path: string, message: string, detail: string): string | null {
  if (!message.startsWith(`${path}: `)) return 'does not start with the file name';
  if (/[\r\n]/.test(message)) return 'is more than one line';
  if (detail.trim().length < 10) return 'says almost nothing';
  if (message.length > MAX_MESSAGE_LENGTH + path.length)
    return `is longer than ${MAX_MESSAGE_LENGTH} characters`;
  const leak = LEAKS.find((pattern) => pattern.test(detail));
  if (leak) return `shows an internal error (${leak.source})`;
  return null;
}

/** The kind of a message: its wording without names, numbers and JSON paths. */
export function messageKind(detail: string): string {
  let kind = detail.split('; ')[0].replace(/ \(and \d+ more\)$/, '');
  kind = kind.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
  kind = kind.replace(/(not a valid edition: )[^:]*: /, '$1<path>: ');
  kind = kind.replace(/(JSON at )line \d+, column \d+/, '$1<line, column>');
  kind = kind.replace(/\d+(\.\d+)?/g, 'N');
  return kind;
}
