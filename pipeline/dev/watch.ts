// Saves arrive as bursts of file-system events (editors write a temporary file and rename
// it); each path is reported once, a moment after its last event.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface Watcher {
  close(): void;
}

/** Calls `onChange` with the absolute path of every file that changes under `folders`. */
export function watchFolders(folders: string[], onChange: (file: string) => void, settleMs = 40): Watcher {
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      const watcher = watch(folder, { recursive: true }, (_event, name) => {
        if (!name) return;
        const file = path.join(folder, name.toString());
        clearTimeout(timers.get(file));
        timers.set(
          file,
          setTimeout(() => {
            timers.delete(file);
            onChange(file);
          }, settleMs),
        );
      });
      watcher.on('error', () => undefined); // a folder that disappears stops being watched
      watchers.push(watcher);
    } catch {
      // A folder that does not exist yet has nothing to watch.
    }
  }
  return {
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
