import type { RouteName } from './routes';

export class RequestCounters {
  private readonly counts = new Map<RouteName, number>();

  count(name: RouteName): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  clear(): void {
    this.counts.clear();
  }
}
