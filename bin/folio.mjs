#!/usr/bin/env node
// The `folio` command as an installed bin: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../main/cli/folio.ts');
