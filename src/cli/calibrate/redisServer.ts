import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RespClient } from './resp.ts';

/**
 * A throw-away redis-server for the calibration: a cluster node (as every shard of the simulated cluster
 * is) on free loopback ports, owning all 16 384 slots, with persistence off, in a temporary directory
 * that is removed when it stops.
 */
export interface RedisProcess {
  port: number;
  version: string;
  client: RespClient;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connectWhenUp(port: number, child: ChildProcess, log: () => string): Promise<RespClient> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${log()}`);
    try {
      return await RespClient.connect(port);
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`redis-server did not accept connections on port ${port}: ${log()}`);
}

/**
 * Starts redis-server (the `REDIS_SERVER` environment variable, or `redis-server` on the PATH).
 *
 * @example
 * const redis = await startRedis();
 * await redis.client.send('PING'); // 'PONG'
 * await redis.stop();
 */
export async function startRedis(): Promise<RedisProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'cachescope-calibrate-'));
  const [port, busPort] = [await freePort(), await freePort()];
  const bin = process.env.REDIS_SERVER ?? 'redis-server';
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    ...['--cluster-enabled', 'yes', '--cluster-port', String(busPort)],
    ...['--cluster-config-file', join(dir, 'nodes.conf'), '--dir', dir, '--loglevel', 'warning'],
    // Per-command latency histograms (tens of KB each) appear on a command's first call and vanish on
    // CONFIG RESETSTAT: memory the keys would otherwise gain or lose between two readings.
    ...['--latency-tracking', 'no'],
    // For DEBUG REPLYBUFFER below (from this machine's loopback only).
    ...['--enable-debug-command', 'local'],
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (e) =>
      reject(new Error(`cannot start ${bin} (${e.message}); install it with: apt-get install redis-server`)),
    ),
  );
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const client = await Promise.race([connectWhenUp(port, child, () => output.trim()), spawnError]);
    await client.send('CLUSTER', 'ADDSLOTSRANGE', 0, 16383);
    for (let i = 0; ; i++) {
      const info = await client.send('CLUSTER', 'INFO');
      if (typeof info === 'string' && info.includes('cluster_state:ok')) break;
      if (i > 200) throw new Error('the cluster node did not reach cluster_state:ok');
      await sleep(50);
    }
    // Redis 7 resizes each connection's 16 KB reply buffer to its recent peak; those kilobytes count
    // against maxmemory, so a small byte budget would hold a few keys more or less as it moves. Fixed here.
    await client.send('DEBUG', 'REPLYBUFFER', 'RESIZING', 0);
    const text = await client.send('INFO', 'server');
    const version = typeof text === 'string' ? (/redis_version:([^\r]+)/.exec(text)?.[1] ?? '?') : '?';
    return {
      port,
      version,
      client,
      stop: async () => {
        client.close();
        await stop();
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
