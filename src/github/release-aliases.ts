import { CheckFailedError, InputError } from '../core/errors.js';
import type { AliasEvent } from '../registry/types.js';
import type { ReleaseApi } from './release-api.js';

/** An alias move as stored in the annotated tag object the alias ref points at. */
interface StoredEvent extends AliasEvent {
  /** The tag object of the alias's previous move: the history is a chain through these. */
  previous: string | null;
}

/** The part of a move that the caller decides from the alias's current state. */
export type AliasMove = Pick<AliasEvent, 'from' | 'to' | 'kind' | 'by' | 'reason'>;

/**
 * Aliases on GitHub: tags `<name>@<alias>` pointing at an annotated tag object per move, each
 * naming the previous one. A ref moves in one update, and the chain of tag objects is the history.
 */
export class AliasRefs {
  constructor(
    private readonly api: ReleaseApi,
    private readonly now: () => Date
  ) {}

  /** Current aliases of a model: alias → version. */
  async aliases(name: string): Promise<Record<string, number>> {
    const aliases: Record<string, number> = {};
    for (const { alias, sha } of await this.refs(name)) {
      const event = await this.readEvent(sha);
      if (event) aliases[alias] = event.to;
    }
    return aliases;
  }

  /** Every alias move of a model, oldest first. */
  async history(name: string): Promise<AliasEvent[]> {
    const events: AliasEvent[] = [];
    for (const { sha } of await this.refs(name)) events.push(...(await this.chain(sha)));
    // Each chain is in order; the merge keeps that order for events of the same millisecond.
    return events
      .map((event, index) => ({ event, index }))
      .sort((a, b) => a.event.at.localeCompare(b.event.at) || a.index - b.index)
      .map(({ event }) => event);
  }

  /** The events of one alias, oldest first (empty when it never moved). */
  async aliasHistory(name: string, alias: string): Promise<AliasEvent[]> {
    const sha = (await this.api.refObject(`tags/${name}@${alias}`))?.sha ?? null;
    return this.chain(sha);
  }

  private async refs(name: string): Promise<{ alias: string; sha: string }[]> {
    const prefix = `refs/tags/${name}@`;
    return (await this.api.matchingTagRefs(name))
      .filter((r) => r.ref.startsWith(prefix) && !/^v\d+$/.test(r.ref.slice(prefix.length)))
      .map((r) => ({ alias: r.ref.slice(prefix.length), sha: r.object.sha }));
  }

  private async readEvent(sha: string): Promise<StoredEvent | null> {
    const message = await this.api.tagMessage(sha);
    if (message === null) return null;
    const json = message.slice(message.indexOf('\n\n') + 2).trim();
    try {
      const event = JSON.parse(json) as StoredEvent;
      return typeof event.to === 'number' && typeof event.alias === 'string' ? event : null;
    } catch {
      return null;
    }
  }

  /** The events of one alias, oldest first, by walking its chain of tag objects. */
  private async chain(sha: string | null): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const seen = new Set<string>();
    while (sha && !seen.has(sha)) {
      seen.add(sha);
      const event = await this.readEvent(sha);
      if (!event) break;
      events.unshift(event);
      sha = event.previous;
    }
    return events;
  }

  /**
   * Moves `<name>@<alias>`: a new tag object records the move and names the previous one; the ref
   * is created, or updated only while it still points where this move started (otherwise the
   * whole move is recomputed against the newer state).
   */
  async move(
    name: string,
    alias: string,
    decide: (current: AliasEvent | null, chain: AliasEvent[]) => Promise<AliasMove>
  ): Promise<AliasEvent> {
    const ref = `tags/${name}@${alias}`;
    for (let attempt = 0; attempt < 10; attempt++) {
      const currentSha = (await this.api.refObject(ref))?.sha ?? null;
      const chain = await this.chain(currentSha);
      const move = await decide(chain[chain.length - 1] ?? null, chain);
      const event: AliasEvent = {
        alias,
        from: move.from,
        to: move.to,
        at: this.now().toISOString(),
        by: move.by,
        kind: move.kind
      };
      if (move.reason) event.reason = move.reason;
      if (move.from === move.to && move.kind === 'promote') return event;
      const versionTag = await this.api.refObject(`tags/${name}@v${move.to}`);
      if (!versionTag)
        throw new InputError(`${name}@v${move.to} has no tag in ${this.api.owner}/${this.api.repo}`);
      const stored: StoredEvent = { ...event, previous: currentSha };
      const object = await this.api.createTagObject(
        `${name}@${alias}`,
        `mlci alias ${name}@${alias} -> v${move.to} (${move.kind})\n\n${JSON.stringify(stored)}\n`,
        await this.api.peel(versionTag)
      );
      if (!currentSha) {
        if (await this.api.createRef(ref, object)) return event;
        continue;
      }
      // The git refs API has no compare-and-swap: check right before the forced update.
      if ((await this.api.refObject(ref))?.sha !== currentSha) continue;
      await this.api.updateRef(ref, object);
      return event;
    }
    throw new CheckFailedError(`${name}@${alias} kept moving under concurrent updates; try again`);
  }
}
