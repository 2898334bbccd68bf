/**
 * Argument parsing and output helpers shared by the `folio import`, `info` and `sample`
 * commands: Node's parseArgs in strict mode, with its errors turned into one
 * short UserError line that names the option and points at --help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UserError } from '../cli/command';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand<O extends Options> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
): ParsedCommand<O> {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedCommand<O>['values'], positionals };
  } catch (error) {
    const e = error as Error & { code?: string };
    const name = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UserError(`unknown option '${name}' (see 'folio ${command} --help')`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UserError(
        `option '${name.replace(/ <value>$/, '')}' needs a value (see 'folio ${command} --help')`,
      );
    }
    throw new UserError(e.message.split('.')[0]);
  }
}

/** A path the user typed, made absolute against the CLI's working directory. */
export const resolveFrom = (cwd: string, path: string): string =>
  isAbsolute(path) ? path : resolve(cwd, path);

/** The output option every writing command needs, checked to be a .folio path. */
export function requireFolioOutput(command: string, output: string | undefined, cwd: string): string {
  if (!output)
    throw new UserError(
      `missing -o <file.folio>: where to write the edition (see 'folio ${command} --help')`,
    );
  if (!/\.folio$/i.test(output)) throw new UserError(`${output}: the output must be a .folio file`);
  return resolveFrom(cwd, output);
}

/** Refuses, before any work, an output whose folder is missing or not writable. */
export async function checkOutputFolder(output: string): Promise<void> {
  const folder = dirname(output);
  const info = await stat(folder).catch(() => null);
  if (!info) throw new UserError(`${output}: cannot write there, the folder ${folder} does not exist`);
  if (!info.isDirectory()) throw new UserError(`${output}: cannot write there, ${folder} is not a folder`);
  const writable = await access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) throw new UserError(`${output}: cannot write there, permission denied on ${folder}`);
  const existing = await stat(output).catch(() => null);
  if (existing?.isDirectory()) throw new UserError(`${output}: is a folder, not a .folio file`);
}

/** Roles in order, runs of the same role folded: "headline, lead-in, body ×4". */
export function foldRoles(roles: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < roles.length;) {
    let j = i;
    while (j < roles.length && roles[j] === roles[i]) j++;
    parts.push(j - i > 1 ? `${roles[i]} ×${j - i}` : roles[i]);
    i = j;
  }
  return parts.join(', ');
}
