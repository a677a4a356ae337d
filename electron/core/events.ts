import type { ChangeEvent } from '../../shared/domain';

/** Fan-out of change events to every open window / live connection. */
export class ChangeBus {
  private listeners = new Set<(e: ChangeEvent) => void>();

  subscribe(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChangeEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken listener (a closed window) must not stop the others.
      }
    }
  }
}
