import type { CliCommand } from '../command';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'preflight',
  summary: 'not built yet',
  usage: 'folio preflight: not built yet',
  async run(_args, io) {
    io.err('folio preflight: not built yet');
    return 1;
  },
};
