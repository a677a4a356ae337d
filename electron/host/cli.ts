import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { createBackend } from '../core/backend';
import { defaultDataDir } from '../core/paths';
import { keyValueSettings, memorySettings, type SettingsStore } from '../core/settings';
import { APP_VERSION } from '../core/version';
import { createHostServer } from './server';

/** `--port <p> --data <dir> [--renderer <dir>] [--room-network]` */
export function parseArgs(argv: string[]) {
  const out = { port: 4173, data: '', renderer: '', roomNetwork: false };
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
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    throw new Error('--port must be a number from 0 to 65535');
  }
  return out;
}

function openSettings(dataDir: string): SettingsStore {
  try {
    // Same file name and folder as electron-store uses in the desktop app (config.json).
    return keyValueSettings(new Conf({ cwd: dataDir, configName: 'config', projectName: 'bimtek-studio' }));
  } catch (e) {
    console.error(`[bimtek] settings file unreadable, using defaults for this run: ${(e as Error).message}`);
    return memorySettings();
  }
}

async function main() {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bimtek serve: ${(e as Error).message}`);
    process.exit(2);
  }
  const dataDir = path.resolve(args.data || defaultDataDir());
  fs.mkdirSync(dataDir, { recursive: true });
  const here = path.dirname(new URL(import.meta.url).pathname);
  const rendererDir = path.resolve(args.renderer || path.join(here, '..', 'renderer'));
  const backend = createBackend({
    dataDir,
    mode: 'browser',
    version: APP_VERSION,
    settings: openSettings(dataDir),
  });
  const host = createHostServer({
    backend,
    rendererDir: fs.existsSync(path.join(rendererDir, 'index.html')) ? rendererDir : null,
    port: args.port,
    host: args.roomNetwork ? '0.0.0.0' : '127.0.0.1',
  });
  const url = await host.listen();
  backend.announce(url);
  const info = backend.info();
  console.log(`Bimtek Studio ${APP_VERSION} — browser mode at ${url}`);
  console.log(`Data folder: ${dataDir}`);
  if (info.store.status === 'failed') {
    console.log(`Data file problem (${info.store.reason}): ${info.store.file}`);
    console.log(info.store.message);
    const h = info.store.holder;
    if (h)
      console.log(
        `In use by the ${h.mode} app, process ${h.pid} on ${h.hostname} since ${h.since}${h.url ? ` at ${h.url}` : ''}`,
      );
  }
  const stop = async () => {
    await host.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
