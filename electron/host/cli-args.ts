/** The command line of browser mode (`npm run serve -- …`), apart from starting it: testable. */

/**
 * The default port of browser mode: not Vite's preview port (4173), so `vite preview` of another
 * project on the same laptop does not take it first.
 */
export const DEFAULT_PORT = 4317;

export const USAGE = `Usage: npm run serve -- [options]   (or npm start -- [options] where Electron cannot run)

Bimtek Studio in browser mode: the app at http://127.0.0.1:<port>/, data in one folder.

Options:
  --port <number>    port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --data <folder>    data folder (default: the desktop app's per-user folder)
  --room-network     listen on every network interface, for self check-in tablets
                     on a closed room network (other devices get the room-device role)
  --renderer <dir>   built renderer to serve (default: dist/renderer)
  -h, --help         show this help`;

/** `--port <p> --data <dir> [--renderer <dir>] [--room-network] [--help]` */
export function parseArgs(argv: string[]) {
  const out = { port: DEFAULT_PORT, data: '', renderer: '', roomNetwork: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--port') out.port = Number(next());
    else if (a.startsWith('--port=')) out.port = Number(a.slice(7));
    else if (a === '--data') out.data = next();
    else if (a.startsWith('--data=')) out.data = a.slice(7);
    else if (a === '--renderer') out.renderer = next();
    else if (a === '--room-network') out.roomNetwork = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else throw new Error(`unknown option ${a} (see --help)`);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    throw new Error('--port must be a number from 0 to 65535');
  }
  return out;
}

/** Why the server could not listen, in one line that says what to do. */
export function listenProblem(e: NodeJS.ErrnoException, port: number, roomNetwork: boolean): string {
  if (e.code === 'EADDRINUSE') {
    return `port ${port} is already in use (another Bimtek Studio or another program?); start with --port <number>, e.g. --port ${port + 1}`;
  }
  if (e.code === 'EACCES') return `port ${port} may not be used by this user; start with --port <number> above 1024`;
  if (e.code === 'EADDRNOTAVAIL') {
    return `cannot listen on ${roomNetwork ? 'the room network' : '127.0.0.1'} (${e.message})`;
  }
  return `cannot listen on port ${port}: ${e.message}`;
}
