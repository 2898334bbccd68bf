/** The `hyphen` package ships no types; these are the two entry points we use. */
declare module 'hyphen/hyphen.js' {
  type Patterns = unknown;
  interface Options {
    html?: boolean;
    hyphenChar?: string;
    minWordLength?: number;
    async?: false;
  }
  const createHyphenator: (patterns: Patterns, options?: Options) => (text: string) => string;
  export default createHyphenator;
}
declare module 'hyphen/patterns/en-us.js' {
  const patterns: unknown;
  export default patterns;
}
