/**
 * The English spelling dictionary for preflight's spelling check: nspell
 * (Hunspell's algorithm in JavaScript) with dictionary-en (SCOWL's en_US
 * Hunspell files), loaded once per process on first use — it takes a few
 * hundred milliseconds and some tens of megabytes, so nothing pays for it
 * until a preflight asks.
 */
import type { Speller } from '../../shared/preflight';

let loading: Promise<Speller> | null = null;

export function loadSpeller(): Promise<Speller> {
  loading ??= (async () => {
    const [{ default: nspell }, { default: dictionary }] = await Promise.all([
      import('nspell'),
      import('dictionary-en'),
    ]);
    // dictionary-en reads its files with fs (Buffers at run time); its types say Uint8Array.
    const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
    return { correct: (word) => spell.correct(word), suggest: (word) => spell.suggest(word) };
  })();
  return loading;
}
