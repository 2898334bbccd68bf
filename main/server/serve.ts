/** `npm run server -- …`: the newsroom server's entry point (see server-cli.ts). */
import { runServerCli, ServerCliError } from './server-cli';

runServerCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  cwd: process.cwd(),
})
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    process.stderr.write(`folio server: ${error.message}\n`);
    process.exit(error instanceof ServerCliError ? 2 : 1);
  });
