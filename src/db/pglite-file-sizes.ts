import type { PGlite } from '@electric-sql/pglite';

/**
 * The embedded database's files answer "how long are you?" from memory (issue 7).
 *
 * PostgreSQL asks a relation's size, an `lseek` to the end of its file, every time it begins a
 * scan of it, and it scans small tables (a foreign key's check against a short list, a trigger's
 * lookup) on every write. PGlite's Node file system (Emscripten's NODEFS) answers each such seek
 * with an `fstat` of the real file. Filing requests on PGlite at 100,000, a V8 profile put 9.7%
 * of the server's busy time in `fstat`, some 36 calls a filing (bench/README.md, tenth round).
 *
 * PGlite is the only writer of its folder while it runs (two processes on one folder corrupt it
 * anyway), and every change of a file's length goes through the same file system: a write, a
 * truncation (by descriptor or by path), an allocation, or opening it with `O_TRUNC`. So the size
 * is kept per file (Emscripten's node, which stays the same while a file is open and until it is
 * unlinked) from the first seek to its end: a write past the end grows it, and anything else that
 * could change it forgets it, so the next seek asks the real file again.
 */
export function answerFileSizesFromMemory(pglite: PGlite): void {
  keepFileSizes(pglite.Module.NODEFS as unknown as NodeFileSystem);
}

/** The parts of Emscripten's NODEFS this touches (its stream and node operations, by reference). */
export type NodeFileSystem = {
  stream_ops: {
    llseek(stream: Stream, offset: number, whence: number): number;
    write(stream: Stream, buffer: unknown, offset: number, length: number, position?: number): number;
    setattr?(stream: Stream, attributes: { size?: number }): void;
    open?(stream: Stream): void;
    allocate?(stream: Stream, offset: number, length: number): void;
  };
  node_ops: { setattr?(node: FileNode, attributes: { size?: number }): void };
};
type FileNode = { mode: number };
type Stream = { node: FileNode };

const SEEK_END = 2;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const kept = new WeakSet<NodeFileSystem>();

export function keepFileSizes(fs: NodeFileSystem): void {
  // Wrapping the wrappers would do no harm, but once is enough.
  if (kept.has(fs)) return;
  kept.add(fs);
  const sizes = new WeakMap<FileNode, number>();
  const streams = fs.stream_ops;
  const { llseek, write, setattr: setStreamAttributes, open, allocate } = streams;

  streams.llseek = function (stream, offset, whence) {
    const node = stream.node;
    if (whence !== SEEK_END || (node.mode & S_IFMT) !== S_IFREG) return llseek.call(this, stream, offset, whence);
    let size = sizes.get(node);
    if (size === undefined) {
      size = llseek.call(this, stream, 0, SEEK_END);
      sizes.set(node, size);
    }
    // A position before the start is the file system's error to raise.
    return size + offset < 0 ? llseek.call(this, stream, offset, whence) : size + offset;
  };

  streams.write = function (stream, buffer, offset, length, position) {
    const node = stream.node;
    let written: number;
    try {
      written = write.call(this, stream, buffer, offset, length, position);
    } catch (error) {
      sizes.delete(node);
      throw error;
    }
    const size = sizes.get(node);
    if (size !== undefined) {
      if (typeof position === 'number') sizes.set(node, Math.max(size, position + written));
      else sizes.delete(node);
    }
    return written;
  };

  const forgetting = <A extends unknown[], R>(
    operation: (this: unknown, ...args: A) => R,
    nodeOf: (...args: A) => FileNode,
  ) =>
    function (this: unknown, ...args: A): R {
      try {
        return operation.apply(this, args);
      } finally {
        sizes.delete(nodeOf(...args));
      }
    };

  const byStream = (stream: Stream) => stream.node;
  if (setStreamAttributes) streams.setattr = forgetting(setStreamAttributes, byStream);
  if (open) streams.open = forgetting(open, byStream);
  if (allocate) streams.allocate = forgetting(allocate, byStream);
  const setNodeAttributes = fs.node_ops.setattr;
  if (setNodeAttributes) fs.node_ops.setattr = forgetting(setNodeAttributes, (node: FileNode) => node);
}
