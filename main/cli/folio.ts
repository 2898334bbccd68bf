/**
 * The `folio` command-line tool: the main jobs without a window.
 * Each subcommand lives in commands/<name>.ts and is loaded only when used,
 * so `folio info` does not pay for loading pdfkit or the fonts.
 */
import type { CliCommand, CliIO } from './command';
import { UserError } from './command';

const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  import: () => import('./commands/import'),
  info: () => import('./commands/info'),
  sample: () => import('./commands/sample'),
  layout: () => import('./commands/layout'),
  export: () => import('./commands/export'),
  flatplan: () => import('./commands/flatplan'),
  preflight: () => import('./commands/preflight'),
  find: () => import('./commands/find'),
  round: () => import('./commands/round'),
  diff: () => import('./commands/diff'),
  notes: () => import('./commands/notes'),
  changes: () => import('./commands/changes'),
  signoff: () => import('./commands/signoff'),
  comments: () => import('./commands/comments'),
  server: () => import('./commands/server'),
  push: () => import('./commands/push'),
  pull: () => import('./commands/pull'),
};

const usage = `Usage: folio <command> [options]

Commands:
  import <file> -o <edition.folio>   import plain text, Markdown or Word (.docx) copy
  info <edition.folio> [--json]      pages, frames, stories and assets of an edition
  sample -o <file.folio>             write the built-in sample edition
  layout <edition.folio> --json      compose and print the display list
  export <edition.folio> -o out.pdf  export print-ready PDF
  flatplan <edition.folio> -o plan.pdf  print the flatplan (版面计划) as a one-page PDF
  preflight <edition.folio>          check an edition before it goes to press
  find <edition.folio> <pattern>     find (and replace) text in an edition
  round <edition.folio> --start      start (or --list, --rename) proof rounds (校次)
  diff <a.folio> <b.folio>           compare editions or rounds (--from/--to): redline, changed regions
  notes <edition.folio>              list the notes (批注) with their place on the page
  changes <edition.folio>            list, accept or reject tracked changes (修订)
  signoff <edition.folio> --page N   sign pages off for press (签版)
  server [user add|list]             run the newsroom server, manage its accounts
  push <edition.folio> --server <url> --edition <name>   publish an edition to a newsroom server
  pull --server <url> --edition <name> -o <file.folio>   save a shared edition as a .folio

Run 'folio <command> --help' for a command's options.`;

/** Runs the CLI and returns its exit code: 0 success, 1 failure, 2 user error. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.err(`folio: unknown command '${name}'. Run 'folio --help' for the list.`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`folio ${name}: ${error.message}`);
      return 2;
    }
    io.err(`folio ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const isEntryPoint = process.argv[1] && /folio\.(ts|mjs|js)$/.test(process.argv[1]);
if (isEntryPoint) {
  // A reader that stops early (`folio layout … | head`) closes the pipe: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const io: CliIO = {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    // `npm run folio` runs in the project folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
