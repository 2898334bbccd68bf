/** Messages between the fuzz and its open workers. */
export interface OpenRequest {
  id: number;
  path: string;
}

export interface OpenResult {
  id: number;
  /** opened: a valid edition; refused: one FolioFileError; crash: anything else thrown; hang: killed by the watchdog. */
  outcome: 'opened' | 'refused' | 'crash' | 'hang';
  /** Wall-clock time the open took, in milliseconds. */
  ms: number;
  /** CPU time of the process during the open (in a worker, the whole process's: a rough figure). */
  cpuMs?: number;
  /** File-system writes the guard refused during the open. */
  writes: string[];
  problem?: string;
  message?: string;
  detail?: string;
}

export type WorkerMessage =
  { type: 'ready' } | { type: 'fatal'; message: string } | { type: 'result'; result: OpenResult };
