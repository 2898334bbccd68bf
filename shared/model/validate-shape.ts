/**
 * Checking an edition's shape against the zod schema with a budget of
 * issues. zod reports every issue of a value, and gathers each part's
 * issues into its parent's with spread arguments: a file with a million
 * wrong values costs seconds and overflows the stack. This walks the
 * schema's lists and records itself and hands zod one item (or a chunk of
 * small items) at a time, stopping once `budget` issues are found, so a
 * hostile file costs no more than a valid one of the same size.
 *
 * Assumes what schema.ts does: nothing transforms values (the input, once
 * its shape is valid, is the output), and records carry no size rules.
 */
import { z } from 'zod';

export interface ShapeIssue {
  path: PropertyKey[];
  message: string;
}

/** Small items validated together in one call. */
const CHUNK = 256;

type Container = z.ZodObject | z.ZodArray | z.ZodRecord;

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

const descends = new WeakMap<z.ZodType, boolean>();

/** Whether a value of this schema can hold an unbounded number of items (so it is walked, not parsed whole). */
function needsWalking(schema: z.ZodType): schema is Container {
  const s = unwrap(schema);
  let known = descends.get(s);
  if (known === undefined) {
    known =
      s instanceof z.ZodArray ||
      s instanceof z.ZodRecord ||
      (s instanceof z.ZodObject && Object.values(s.shape as Record<string, z.ZodType>).some(needsWalking));
    descends.set(s, known);
  }
  return known;
}

const shells = new WeakMap<z.ZodType, z.ZodType>();

/** The object schema with its walked fields accepting anything (they are checked one by one). */
function objectShell(schema: z.ZodObject): z.ZodType {
  let shell = shells.get(schema);
  if (!shell) {
    const walked = Object.entries(schema.shape as Record<string, z.ZodType>).filter(([, field]) =>
      needsWalking(field),
    );
    // Optional here: whether a walked field must be present is its own schema's to say.
    shell = schema.extend(Object.fromEntries(walked.map(([key]) => [key, z.unknown().optional()])));
    shells.set(schema, shell);
  }
  return shell;
}

/** The record schema checking only its keys. */
function keyShell(schema: z.ZodRecord): z.ZodType {
  let shell = shells.get(schema);
  if (!shell) {
    shell = z.record(schema.keyType, z.unknown());
    shells.set(schema, shell);
  }
  return shell;
}

/** The list schema checking only its own rules (length), or null when it has none. */
function lengthShell(schema: z.ZodArray): z.ZodType | null {
  if (!shells.has(schema)) {
    const checks = (schema._zod.def.checks ?? []) as z.core.$ZodCheck<unknown[]>[];
    shells.set(schema, checks.length > 0 ? z.array(z.unknown()).check(...checks) : (null as never));
  }
  return shells.get(schema) ?? null;
}

const plainLists = new WeakMap<z.ZodType, z.ZodType>();

/** A list of the element schema without the list's own length rules (for chunks). */
function plainList(element: z.ZodType): z.ZodType {
  let list = plainLists.get(element);
  if (!list) {
    list = z.array(element);
    plainLists.set(element, list);
  }
  return list;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

class Collector {
  readonly issues: ShapeIssue[] = [];
  constructor(private readonly budget: number) {}

  get full(): boolean {
    return this.issues.length >= this.budget;
  }

  parse(schema: z.ZodType, value: unknown, path: PropertyKey[], offset = 0): void {
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const inner = [...issue.path];
      if (offset && typeof inner[0] === 'number') inner[0] += offset;
      this.issues.push({ path: [...path, ...inner], message: issue.message });
    }
  }

  walk(schema: z.ZodType, value: unknown, path: PropertyKey[]): void {
    if (this.full) return;
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
      if (value === undefined || value === null) return this.parse(schema, value, path);
      return this.walk(schema.unwrap() as z.ZodType, value, path);
    }
    if (schema instanceof z.ZodObject && isObject(value) && needsWalking(schema)) {
      this.parse(objectShell(schema), value, path);
      for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>))
        if (needsWalking(field)) this.walk(field, value[key], [...path, key]);
      return;
    }
    if (schema instanceof z.ZodArray && Array.isArray(value)) {
      const rules = lengthShell(schema);
      if (rules) this.parse(rules, value, path);
      const element = schema.element as z.ZodType;
      if (needsWalking(element)) {
        for (let i = 0; i < value.length && !this.full; i++) this.walk(element, value[i], [...path, i]);
      } else {
        for (let i = 0; i < value.length && !this.full; i += CHUNK)
          this.parse(plainList(element), value.slice(i, i + CHUNK), path, i);
      }
      return;
    }
    if (schema instanceof z.ZodRecord && isObject(value)) {
      const keys = Object.keys(value);
      const element = schema.valueType as z.ZodType;
      const walkValues = needsWalking(element);
      for (let i = 0; i < keys.length && !this.full; i += CHUNK) {
        const part = Object.fromEntries(keys.slice(i, i + CHUNK).map((k) => [k, value[k]]));
        this.parse(walkValues ? keyShell(schema) : schema, part, path);
      }
      if (walkValues) for (const key of keys) if (!this.full) this.walk(element, value[key], [...path, key]);
      return;
    }
    this.parse(schema, value, path);
  }
}

/** Up to about `budget` issues of `value` against `schema`, in the order a user reads the file. */
export function shapeIssues(schema: z.ZodType, value: unknown, budget: number): ShapeIssue[] {
  const collector = new Collector(budget);
  collector.walk(schema, value, []);
  return collector.issues;
}
