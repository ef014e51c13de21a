/** Every command the extension registers, in one list that extension.ts walks. */
import { addEnvironmentCommand } from './addEnvironment';
import { showAuditHistoryCommand } from './auditCommands';
import { showErrorsCommand } from './errorCommands';
import {
  compareWithServerCommand,
  newResourceCommand,
  openResourceCommand,
  overwriteServerCommand,
  saveDocumentCommand,
} from './documentCommands';
import { pingConnectionCommand, showDebugLogCommand, testConnectionDocumentCommand } from './connectionCommands';
import { copyFlowDiagramMermaidCommand, saveFlowDiagramSvgCommand, showFlowDiagramCommand } from './diagramCommands';
import {
  openDiagramStepCommand,
  previewDiagramStepExportCommand,
  previewDiagramStepMappingCommand,
  runDiagramStepHookCommand,
  showDiagramStepErrorsCommand,
  showDiagramStepHistoryCommand,
} from './diagramStepCommands';
import { previewExportCommand, previewExportNextPageCommand, previewMappingCommand } from './previewCommands';
import { runFlowCommand, showRecentJobsCommand } from './runCommands';
import { cloneResourceCommand, deleteResourceCommand, showDependenciesCommand } from './resourceCommands';
import { removeEnvironmentCommand, selectEnvironmentCommand, signInCommand, signOutCommand } from './environmentCommands';
import { debugHookCommand, runHookCommand } from './hookCommands';
import { keepHookSampleCommand } from './keepSample';
import { findResourceCommand, loadMoreCommand, refreshCommand, showLogCommand } from './explorerCommands';
import { applyFolderCommand, compareFolderWithCommand, pullRemoteChangesCommand, refreshFolderCommand } from './folderCommands';
import { promoteFolderCommand } from './promoteFolderCommand';
import { pullIntegrationCommand } from './pullIntegrationCommand';
import { disableFlowCommand, enableFlowCommand } from './flowSwitchCommands';
import { CommandDefinition } from './services';
import { startLocalSandboxCommand, stopLocalSandboxCommand } from './startLocalSandbox';
import { openTemplatePlaygroundCommand } from './templateCommands';

export const COMMANDS: readonly CommandDefinition[] = [
  addEnvironmentCommand,
  removeEnvironmentCommand,
  signInCommand,
  signOutCommand,
  selectEnvironmentCommand,
  startLocalSandboxCommand,
  stopLocalSandboxCommand,
  refreshCommand,
  loadMoreCommand,
  findResourceCommand,
  showLogCommand,
  openResourceCommand,
  saveDocumentCommand,
  runHookCommand,
  debugHookCommand,
  keepHookSampleCommand,
  newResourceCommand,
  compareWithServerCommand,
  overwriteServerCommand,
  cloneResourceCommand,
  deleteResourceCommand,
  showDependenciesCommand,
  runFlowCommand,
  enableFlowCommand,
  disableFlowCommand,
  showRecentJobsCommand,
  pingConnectionCommand,
  testConnectionDocumentCommand,
  previewMappingCommand,
  previewExportCommand,
  showFlowDiagramCommand,
  copyFlowDiagramMermaidCommand,
  saveFlowDiagramSvgCommand,
  openDiagramStepCommand,
  previewDiagramStepExportCommand,
  previewDiagramStepMappingCommand,
  showDiagramStepErrorsCommand,
  runDiagramStepHookCommand,
  showDiagramStepHistoryCommand,
  openTemplatePlaygroundCommand,
  previewExportNextPageCommand,
  showAuditHistoryCommand,
  showErrorsCommand,
  showDebugLogCommand,
  pullIntegrationCommand,
  applyFolderCommand,
  pullRemoteChangesCommand,
  refreshFolderCommand,
  compareFolderWithCommand,
  promoteFolderCommand,
];
