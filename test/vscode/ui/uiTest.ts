import { Workbench } from './workbench';

/** One UI test: gets a fresh workbench with the extension installed and nothing else. */
export interface UiTest {
  name: string;
  /** Runs before the test VS Code starts, with its user-data folder (to prepare state). */
  prepare?(userDataDir: string): void;
  /** Opens the workspace folder untrusted, in VS Code's Restricted Mode. */
  restrictedMode?: boolean;
  /** Test-only extension folders installed beside the extension (a scripted chat model). */
  extraExtensions?: string[];
  /** User settings on top of the test VS Code's own. */
  settings?: Record<string, unknown>;
  run(workbench: Workbench): Promise<void>;
}
