import { parentPort, workerData } from 'node:worker_threads';
import { TerritoryService } from '../../territory/territory.service';
import type { FileRow } from './row-reader';
import { makeBatchValidator, type ValidationSetup } from './validation-pool';

// A validation worker: the map in memory, one validator, batches of lines in and staged rows out.
const setup = workerData as ValidationSetup;
const validate = makeBatchValidator(setup, new TerritoryService(setup.territories));
const port = parentPort!;

port.on('message', (m: { seq: number; rows: FileRow[] }) => {
  try {
    port.postMessage({ seq: m.seq, batch: validate(m.rows) });
  } catch (err) {
    port.postMessage({ seq: m.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ ready: true });
