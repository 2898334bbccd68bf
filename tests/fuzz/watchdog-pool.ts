/**
 * A pool of open workers with a watchdog: each open gets `limitMs` of wall
 * time from the moment its worker receives it; a worker that overruns is
 * terminated (which stops even a tight loop) and replaced, and the open
 * counts as a hang. A worker that dies (out of memory, a native crash)
 * counts as a crash. Either way the next file gets a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import type { OpenResult, WorkerMessage } from './open-protocol';

const SCRIPT = new URL('./open-worker.mjs', import.meta.url);

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

export class WatchdogPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private nextId = 1;
  /** Workers replaced after a hang or a crash. */
  restarts = 0;

  constructor(
    size: number,
    private readonly limitMs: number,
    /** Heap limit of each worker, so a memory bomb ends as a crash instead of taking the machine. */
    private readonly heapMb = 2048,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'fatal') reject(new Error(`open worker: ${message.message}`));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    ready.catch(() => undefined);
    return { worker, ready, busy: false };
  }

  private async acquire(): Promise<Slot> {
    const idle = this.slots.find((slot) => !slot.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  private replace(slot: Slot): Slot {
    void slot.worker.terminate();
    this.restarts++;
    const fresh = this.spawn();
    fresh.busy = true;
    this.slots[this.slots.indexOf(slot)] = fresh;
    return fresh;
  }

  /** Opens one file in a worker, under the watchdog. */
  async open(path: string): Promise<OpenResult> {
    let slot = await this.acquire();
    await slot.ready;
    const id = this.nextId++;
    const { worker } = slot;
    const result = await new Promise<OpenResult>((resolve) => {
      const started = performance.now();
      const finish = (result: OpenResult) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(result);
      };
      const failed = (outcome: 'hang' | 'crash', message: string): OpenResult => ({
        id,
        outcome,
        ms: performance.now() - started,
        writes: [],
        message,
      });
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'result' && message.result.id === id) finish(message.result);
        else if (message.type === 'fatal') finish(failed('crash', message.message));
      };
      const onError = (error: Error) => finish(failed('crash', `the open worker died: ${error.message}`));
      const onExit = (code: number) => finish(failed('crash', `the open worker exited with code ${code}`));
      const timer = setTimeout(
        () => finish(failed('hang', `still opening after ${this.limitMs} ms`)),
        this.limitMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, path });
    });
    if (result.outcome === 'hang' || result.outcome === 'crash') slot = this.replace(slot);
    this.release(slot);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
