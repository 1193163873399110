/**
 * The bench data set generated in a worker thread and encoded there as COPY text, so generating
 * (one core) overlaps with PostgreSQL taking the rows (the other): on two cores that halves the
 * load. The worker runs at most `AHEAD` batches ahead of the loader (back-pressure), each batch's
 * tables as UTF-8 buffers handed over without a copy.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { TABLE_ORDER, columnsOf, generateBatches, type Counts, type Plan, type Table } from '../data.js';
import { copyText } from './copy-load.js';

/** Batches generated but not yet loaded: bounds the worker's memory to a few batches. */
const AHEAD = 3;

export type EncodedBatch = { kind: 'batch'; requests: number; chunks: Record<Table, Uint8Array> };
export type Done = { kind: 'done'; counts: Counts; seqByYear: Array<[number, number]> };

/**
 * Starts the worker on `plan` and yields its batches in order, then the final counts and each
 * year's last number. The worker is ended when the caller stops iterating, on success or failure.
 */
export async function* generateInWorker(plan: Plan): AsyncGenerator<EncodedBatch | Done, void> {
  // A worker does not inherit `--import tsx`'s hooks (Node 20): it registers them before loading this file.
  const start = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(start, {
    eval: true,
    workerData: { plan },
    // A young generation large enough for a batch's rows: a third less time in the garbage collector.
    resourceLimits: { maxYoungGenerationSizeMb: 192 },
  });
  const queue: Array<EncodedBatch | Done> = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: EncodedBatch | Done) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (e) => {
    failure = e;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the data worker exited with code ${code}`);
    notify();
  });
  try {
    for (;;) {
      while (queue.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = queue.shift()!;
      yield message;
      if (message.kind === 'done') return;
      worker.postMessage('ack');
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

/** The worker's side: generate, encode, send; wait for an acknowledgement when `AHEAD` are unloaded. */
async function work(plan: Plan) {
  const port = parentPort!;
  let credits = AHEAD;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credits++;
    wake?.();
    wake = null;
  });
  const progress = {
    counts: { requests: 0, events: 0, comments: 0, clocks: 0, openClocks: 0 },
    seqByYear: new Map<number, number>(),
  };
  const encoder = new TextEncoder();
  for (const batch of generateBatches(plan, progress)) {
    const chunks = Object.fromEntries(
      TABLE_ORDER.map((t) => [t, encoder.encode(copyText(batch[t], columnsOf(t)))]),
    ) as Record<Table, Uint8Array>;
    const message: EncodedBatch = { kind: 'batch', requests: batch.requests.length, chunks };
    port.postMessage(
      message,
      Object.values(chunks).map((c) => c.buffer as ArrayBuffer),
    );
    credits--;
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
  }
  const done: Done = { kind: 'done', counts: progress.counts, seqByYear: [...progress.seqByYear] };
  port.postMessage(done);
  port.close();
}

if (!isMainThread && parentPort) await work((workerData as { plan: Plan }).plan);
