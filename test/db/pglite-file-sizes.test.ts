import nodeFs from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db, type DatabaseHandle } from '../../src/db/database.js';
import { keepFileSizes, type NodeFileSystem } from '../../src/db/pglite-file-sizes.js';

const PAGE = 8192;

/**
 * Issue 7: PGlite's files on disk answer PostgreSQL's "how long are you?" from memory
 * (src/db/pglite-file-sizes.ts). Asking the file system cost an `fstat` per scan; a size
 * remembered wrong would lose rows (too short) or fail a read past the end (too long).
 */
describe('the embedded database remembers its files’ sizes', () => {
  let dir: string;
  let handle: DatabaseHandle;
  let db: Db;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govdesk-file-sizes-'));
    handle = await openDatabase({ dataDir: dir });
    db = handle.db;
  });
  afterAll(async () => {
    await handle.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('scans a table fifty times without asking the file system its size each time', async () => {
    await sql`create table scanned (id int primary key, body text not null)`.execute(db);
    await sql`insert into scanned select i, repeat('資料', 40) from generate_series(1, 2000) i`.execute(db);
    const fstat = nodeFs.fstatSync;
    let asked = 0;
    nodeFs.fstatSync = ((...args: Parameters<typeof fstat>) => {
      asked += 1;
      return fstat(...args);
    }) as typeof fstat;
    try {
      for (let i = 0; i < 50; i += 1) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from scanned`.execute(db);
        expect(rows[0]?.n).toBe(2000);
      }
    } finally {
      nodeFs.fstatSync = fstat;
    }
    // Without the remembered sizes: at least one per scan.
    expect(asked).toBeLessThan(5);
  });

  it('keeps every size true as tables grow, shrink, are rewritten and emptied, and after a restart', async () => {
    await sql`create table churned (id int primary key, body text not null)`.execute(db);
    let random = 20261124;
    const next = (n: number) => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return random % n;
    };
    const ids = new Set<number>();
    let nextId = 1;

    const count = async (scan: 'seqscan' | 'indexonlyscan') => {
      await sql`begin`.execute(db);
      for (const method of ['seqscan', 'indexscan', 'bitmapscan', 'indexonlyscan'])
        await sql.raw(`set local enable_${method} = ${method === scan ? 'on' : 'off'}`).execute(db);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from churned where id > 0`.execute(db);
      await sql`commit`.execute(db);
      return rows[0]?.n;
    };
    const check = async (step: string) => {
      // A sequential scan reads every block the table is thought to have: too few loses rows,
      // too many fails to read past the end of the file. The index's pages were added where its
      // size said its end was.
      expect(await count('seqscan'), `${step}: table`).toBe(ids.size);
      expect(await count('indexonlyscan'), `${step}: index`).toBe(ids.size);
      // VACUUM records the number of blocks PostgreSQL was told; the file system's stat of the
      // file is the truth.
      await sql`vacuum churned`.execute(db);
      const { rows } = await sql<{ relpages: number; bytes: number }>`
        select relpages, pg_relation_size(oid)::int as bytes from pg_class where relname = 'churned'`.execute(db);
      expect(rows[0]!.relpages * PAGE, `${step}: blocks`).toBe(rows[0]!.bytes);
    };

    for (let round = 0; round < 40; round += 1) {
      const operation = next(6);
      if (operation <= 1) {
        const count = 1 + next(600);
        await sql`insert into churned select i, repeat('列', 30 + i % 50)
                   from generate_series(${nextId}::int, ${nextId + count - 1}::int) i`.execute(db);
        for (let i = 0; i < count; i += 1) ids.add(nextId + i);
        nextId += count;
      } else if (operation === 2) {
        // Deleting the newest rows leaves empty pages at the end, which VACUUM cuts off.
        const from = nextId - 1 - next(800);
        await sql`delete from churned where id >= ${from}::int`.execute(db);
        for (const id of [...ids]) if (id >= from) ids.delete(id);
      } else if (operation === 3) {
        await sql`update churned set body = body || '改' where id % 3 = ${next(3)}::int`.execute(db);
      } else if (operation === 4) {
        await sql`vacuum full churned`.execute(db);
      } else {
        await sql`truncate churned`.execute(db);
        ids.clear();
      }
      await check(`round ${round}, operation ${operation}`);
    }

    await handle.close();
    handle = await openDatabase({ dataDir: dir });
    db = handle.db;
    await check('after a restart');
  });
});

/**
 * The same operations on a real file, called the way Emscripten calls NODEFS: whatever changed
 * the file, a seek to its end answers the length the file has.
 */
describe('remembered file sizes, operation by operation', () => {
  it('follows writes, truncations by descriptor and by path, and a reopening with O_TRUNC', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govdesk-sizes-'));
    const file = path.join(dir, 'relation');
    nodeFs.writeFileSync(file, '');
    const node = { mode: 0o100600 };
    const stream = { node, nfd: nodeFs.openSync(file, 'r+') };
    let fstats = 0;
    const size = (fd: number) => {
      fstats += 1;
      return nodeFs.fstatSync(fd).size;
    };
    const system: NodeFileSystem = {
      stream_ops: {
        llseek: (s, offset, whence) => offset + (whence === 2 ? size((s as typeof stream).nfd) : 0),
        write: (s, buffer, offset, length, position) =>
          nodeFs.writeSync((s as typeof stream).nfd, buffer as Buffer, offset, length, position),
        setattr: (s, attributes) => nodeFs.ftruncateSync((s as typeof stream).nfd, attributes.size),
        open: (s) => {
          nodeFs.closeSync((s as typeof stream).nfd);
          (s as typeof stream).nfd = nodeFs.openSync(file, nodeFs.constants.O_RDWR | nodeFs.constants.O_TRUNC);
        },
      },
      node_ops: { setattr: (_node, attributes) => nodeFs.truncateSync(file, attributes.size) },
    };
    keepFileSizes(system);
    keepFileSizes(system);
    const end = () => system.stream_ops.llseek(stream, 0, 2);
    const truth = () => nodeFs.statSync(file).size;
    const block = Buffer.alloc(PAGE, 7);
    try {
      expect(end()).toBe(0);
      system.stream_ops.write(stream, block, 0, PAGE, 0);
      system.stream_ops.write(stream, block, 0, PAGE, 3 * PAGE);
      expect(end()).toBe(truth());
      system.stream_ops.write(stream, block, 0, 100, 0);
      expect(end()).toBe(4 * PAGE);
      system.stream_ops.setattr!(stream, { size: PAGE });
      expect(end()).toBe(truth());
      system.stream_ops.write(stream, block, 0, PAGE, 2 * PAGE);
      system.node_ops.setattr!(node, { size: 2 * PAGE });
      expect(end()).toBe(truth());
      system.stream_ops.open!(stream);
      expect(end()).toBe(0);
      expect(system.stream_ops.llseek(stream, -10, 2)).toBe(-10);
      // Asked once at the start and once after each change it could not follow.
      expect(fstats).toBe(5);
      for (let i = 0; i < 20; i += 1) end();
      expect(fstats).toBe(5);
    } finally {
      nodeFs.closeSync(stream.nfd);
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
