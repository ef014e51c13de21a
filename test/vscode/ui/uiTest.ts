import { Workbench } from './workbench';

/** One UI test: gets a fresh workbench with the extension installed and nothing else. */
export interface UiTest {
  name: string;
  run(workbench: Workbench): Promise<void>;
}
