/**
 * Slots other parts of the renderer plug into, without the shell importing
 * them by name: the story editor (renderer/editor), frame tools
 * (renderer/tools) and user actions (renderer/actions) each export
 * `extension: ShellExtension` from their `extension.ts`; the build collects
 * whichever exist (scripts/build.ts, module `folio:extensions`).
 */
import type { ComponentType } from 'react';
import type { FolioServices, HostInfo } from '../../shared/services/api';
import type { Prompts } from './prompts';
import type { DisplayPage } from '../../shared/layout/display-list';
import type { EditorStore } from '../state/editor-store';
import type { CommandRegistry } from './command-registry';

export interface ExtensionContext {
  store: EditorStore;
  commands: CommandRegistry;
  services: FolioServices;
  /** The host (native dialogs or not) and the shell's prompts, for commands that ask for a path. */
  info?: HostInfo;
  prompts?: Prompts;
}

/** Props of a component drawn over one page of the canvas, inside its SVG, in page points. */
export interface CanvasOverlayProps {
  page: DisplayPage;
  /** Zero-based page index. */
  pageIndex: number;
  /** CSS pixels per point at the current zoom. */
  scale: number;
  /** Converts a pointer event's client coordinates to page points. */
  toPagePoint(clientX: number, clientY: number): { x: number; y: number };
}

export interface PageBadgeProps {
  pageId: string;
  /** Zero-based page index. */
  pageIndex: number;
}

export interface RightPanelProps {
  store: EditorStore;
}

export interface ShellExtension {
  id: string;
  /** Shown in the right-hand panel area under Properties (the story editor). */
  RightPanel?: ComponentType<RightPanelProps>;
  /**
   * Drawn over each page, above guides. A pointerdown handler that calls
   * `event.preventDefault()` keeps the shell from changing the selection.
   */
  CanvasOverlay?: ComponentType<CanvasOverlayProps>;
  /** Shown beside a page's thumbnail in the pages panel (its proof status). */
  PageBadge?: ComponentType<PageBadgeProps>;
  /** Shown in the status bar (a shared edition's connection state and collaborators). */
  StatusItem?: ComponentType<RightPanelProps>;
  /** Shown above the page canvas (the offline banner). */
  Banner?: ComponentType<RightPanelProps>;
  /**
   * Drawn over the whole canvas area while it has something to show (the
   * flatplan); the canvas stays mounted under it, so page thumbnails that
   * refer to its painted pages keep working.
   */
  CenterView?: ComponentType<RightPanelProps>;
  /** Runs once at start: register commands, subscribe to the store. May return a cleanup. */
  activate?(context: ExtensionContext): void | (() => void);
}
