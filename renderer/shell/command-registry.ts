/**
 * What each user command does. The shell registers view and file commands;
 * extensions (the story editor, tools, actions) register theirs, such as
 * undo and redo. Menus — native or in-app — only ever call `run(id)`.
 */
import { COMMAND_IDS, UNAVAILABLE, type CommandId } from '../../shared/services/commands';
import type { MessageKey } from '../../shared/services/locales';

export interface CommandStateView {
  enabled: boolean;
  checked?: boolean;
  /** A message key saying why the command is disabled. */
  reason?: MessageKey;
}

export interface CommandHandler {
  run(): void | Promise<void>;
  /** Current availability; enabled by default. */
  state?(): CommandStateView;
}

export class CommandRegistry {
  private readonly handlers = new Map<CommandId, CommandHandler>();
  private readonly listeners = new Set<() => void>();

  /** Registers (or replaces) a handler; returns a function that removes it. */
  register(id: CommandId, handler: CommandHandler): () => void {
    this.handlers.set(id, handler);
    this.changed();
    return () => {
      if (this.handlers.get(id) === handler) this.handlers.delete(id);
      this.changed();
    };
  }

  state(id: CommandId): CommandStateView {
    const unavailable = UNAVAILABLE[id];
    const handler = this.handlers.get(id);
    if (!handler)
      return {
        enabled: false,
        reason: (unavailable ? `reason.${unavailable}` : 'reason.notBuilt') as MessageKey,
      };
    return handler.state?.() ?? { enabled: true };
  }

  async run(id: CommandId): Promise<void> {
    const handler = this.handlers.get(id);
    if (!handler || !this.state(id).enabled) return;
    await handler.run();
  }

  /** States of every command, for the native menu. */
  snapshot(): Record<CommandId, CommandStateView> {
    return Object.fromEntries(COMMAND_IDS.map((id) => [id, this.state(id)])) as Record<
      CommandId,
      CommandStateView
    >;
  }

  /** Tells listeners that command states may have changed (handlers call this via the store too). */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
