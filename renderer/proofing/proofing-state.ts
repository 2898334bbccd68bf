/**
 * The proofing panels' state for one window (one store): whether Find and
 * Preflight are open, the search the user typed, which result is current,
 * and the last preflight's findings. One per store, found with
 * `proofingOf(store)` — no global singleton, so two windows never share it.
 */
import {
  FindPatternError,
  PageLocator,
  findInEdition,
  type FindMatch,
  type FindScope,
} from '../../shared/find';
import type { FolioServices, PreflightProblem } from '../../shared/services/api';
import type { Id } from '../../shared/model/types';
import type { EditorState, EditorStore } from '../state/editor-store';

export interface FindQuery {
  pattern: string;
  replacement: string;
  caseSensitive: boolean;
  wholeWord: boolean;
  regex: boolean;
  widthInsensitive: boolean;
  scope: FindScope['kind'];
}

/** A range of story text the canvas shows highlighted (the current result or finding). */
export interface TextRange {
  storyId: Id;
  block: number;
  start: number;
  end: number;
}

/** The Find panel's results: matches, or why there are none (an invalid pattern). */
export interface FindResults {
  matches: FindMatch[];
  /** The pattern's problem, from FindPatternError (e.g. "Unterminated group"). */
  error: string | null;
}

export function scopeOf(query: FindQuery, storyId: Id | null, pageIndex: number): FindScope {
  if (query.scope === 'story' && storyId) return { kind: 'story', storyId };
  if (query.scope === 'page') return { kind: 'page', pageIndex };
  return { kind: 'edition' };
}

export interface ProofingSnapshot {
  findOpen: boolean;
  query: FindQuery;
  /** Index of the current result in the results list, or -1. */
  current: number;
  /** A request to focus and select the Find field (bumped by Ctrl+F). */
  focusFind: number;
  preflightOpen: boolean;
  preflightRunning: boolean;
  /** Null until preflight has run. */
  problems: PreflightProblem[] | null;
  preflightError: string | null;
  /** The finding the user last clicked. */
  focusedProblem: number;
  /** Where the canvas draws the "you are here" highlight. */
  highlight: TextRange | null;
  /** A message under the panels (replaced 3 matches, the text changed …). */
  notice: string | null;
}

const DEFAULT_QUERY: FindQuery = {
  pattern: '',
  replacement: '',
  caseSensitive: false,
  wholeWord: false,
  regex: false,
  widthInsensitive: false,
  scope: 'edition',
};

export class ProofingState {
  /** The host's services (preflight, preferences), set when the extension starts. */
  services: FolioServices | null = null;
  private snapshot: ProofingSnapshot = {
    findOpen: false,
    query: DEFAULT_QUERY,
    current: -1,
    focusFind: 0,
    preflightOpen: false,
    preflightRunning: false,
    problems: null,
    preflightError: null,
    focusedProblem: -1,
    highlight: null,
    notice: null,
  };
  private readonly listeners = new Set<() => void>();
  private cache: {
    inputs: unknown[];
    results: FindResults;
  } | null = null;
  private locator: { list: EditorState['displayList']; locator: PageLocator } | null = null;

  /**
   * The results for the current query on the editor state, computed once
   * per change of edition, composition, query or scope: the panel and every
   * page's highlight overlay share them.
   */
  results(editor: EditorState): FindResults {
    const { query } = this.snapshot;
    const inputs = [
      editor.edition,
      editor.displayList,
      query,
      editor.selection.storyId,
      editor.selection.pageIndex,
    ];
    if (this.cache && this.cache.inputs.every((value, i) => value === inputs[i])) return this.cache.results;
    let results: FindResults = { matches: [], error: null };
    if (editor.edition && query.pattern) {
      if (this.locator?.list !== editor.displayList)
        this.locator = { list: editor.displayList, locator: new PageLocator(editor.displayList) };
      try {
        const scope = scopeOf(query, editor.selection.storyId, editor.selection.pageIndex);
        results = {
          matches: findInEdition(
            editor.edition,
            editor.displayList,
            { ...query, scope },
            this.locator.locator,
          ).matches,
          error: null,
        };
      } catch (error) {
        if (!(error instanceof FindPatternError)) throw error;
        results = { matches: [], error: /: ([^:]+)$/.exec(error.message)?.[1] ?? error.message };
      }
    }
    this.cache = { inputs, results };
    return results;
  }

  get = (): ProofingSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(change: Partial<ProofingSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  setQuery(change: Partial<FindQuery>): void {
    // A new search starts over: no current result, no stale highlight.
    this.set({ query: { ...this.snapshot.query, ...change }, current: -1, highlight: null, notice: null });
  }
}

const states = new WeakMap<EditorStore, ProofingState>();

export function proofingOf(store: EditorStore): ProofingState {
  let state = states.get(store);
  if (!state) {
    state = new ProofingState();
    states.set(store, state);
  }
  return state;
}
