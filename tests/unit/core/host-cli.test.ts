import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, listenProblem, parseArgs, USAGE } from '../../../electron/host/cli-args';

describe('browser mode command line', () => {
  it('defaults to a port that is not the Vite preview port 4173', () => {
    expect(parseArgs([]).port).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).not.toBe(4173);
    expect(parseArgs(['--port', '4400', '--data', './d']).port).toBe(4400);
    expect(parseArgs(['--port=0']).port).toBe(0);
  });

  it('--help asks for the usage, which names every option', () => {
    expect(parseArgs(['--help']).help).toBe(true);
    expect(parseArgs(['-h']).help).toBe(true);
    for (const o of ['--port', '--data', '--room-network', '--help', String(DEFAULT_PORT)]) expect(USAGE).toContain(o);
  });

  it('an unknown option points at --help', () => {
    expect(() => parseArgs(['--prot', '1'])).toThrow('unknown option --prot (see --help)');
  });

  it('a port already in use is one line suggesting --port, not a stack trace', async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as net.AddressInfo).port;
    const second = net.createServer();
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      second.once('error', resolve);
      second.listen(port, '127.0.0.1');
    });
    taken.close();
    const line = listenProblem(error, port, false);
    expect(line).toBe(
      `port ${port} is already in use (another Bimtek Studio or another program?); start with --port <number>, e.g. --port ${port + 1}`,
    );
    expect(line).not.toContain('\n');
  });
});
