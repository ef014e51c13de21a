// A scripted language model for the UI tests. The chat's agent mode sends it the conversation
// and the tools it may call; it answers as a model would, by script: for a prompt that names a
// flow id, first integratorFlow (read), then integratorRunFlow (acting), then a closing sentence.
// So a test sees what a person sees when an agent calls the integrator.io tools, with no real model.
// Each request is written to the "Scripted model" output for a failing test to read.
const vscode = require('vscode');

const VENDOR = 'integrator-io-scripted';
const FLOW_ID = /\b[0-9a-f]{24}\b/g;

function activate(context) {
  const log = vscode.window.createOutputChannel('Scripted model');
  const changed = new vscode.EventEmitter();
  context.subscriptions.push(
    log,
    changed,
    vscode.lm.registerLanguageModelChatProvider(VENDOR, {
      onDidChangeLanguageModelChatInformation: changed.event,
      provideLanguageModelChatInformation: () => [
        {
          id: 'scripted-agent',
          name: 'Scripted Agent',
          family: 'scripted',
          version: '1.0.0',
          maxInputTokens: 200000,
          maxOutputTokens: 8000,
          capabilities: { toolCalling: true, imageInput: false },
        },
      ],
      async provideLanguageModelChatResponse(model, messages, options, progress) {
        const turn = answer(
          messages,
          (options.tools || []).map((t) => t.name),
        );
        log.appendLine(`request of ${messages.length} messages: ${turn.log}`);
        if (turn.text) progress.report(new vscode.LanguageModelTextPart(turn.text));
        if (turn.call) progress.report(new vscode.LanguageModelToolCallPart(turn.call.id, turn.call.name, turn.call.input));
      },
      provideTokenCount: async (model, text) => Math.ceil((typeof text === 'string' ? text : JSON.stringify(text)).length / 4),
    }),
  );
  // The chat asks a provider for its models only when something selects models: this makes the
  // model known at once, so the model picker offers it.
  changed.fire();
  void vscode.lm.selectChatModels({ vendor: VENDOR });
}

/** The next turn of the script, from what the conversation holds so far. */
function answer(messages, tools) {
  const calls = new Map(); // callId -> tool name, from the assistant's earlier turns
  const results = new Map(); // tool name -> result text
  let flowId;
  for (const message of messages) {
    for (const part of message.content) {
      if (typeof part.callId === 'string' && typeof part.name === 'string') calls.set(part.callId, part.name);
      else if (typeof part.callId === 'string' && Array.isArray(part.content)) results.set(calls.get(part.callId), textOf(part.content));
      else if (message.role === vscode.LanguageModelChatMessageRole.User && typeof part.value === 'string') {
        const ids = part.value.match(FLOW_ID);
        if (ids) flowId = ids[ids.length - 1];
      }
    }
  }
  if (!flowId) return { text: 'Name a flow by its id and I will read it and run it.', log: 'no flow id' };
  for (const name of ['integratorFlow', 'integratorRunFlow']) {
    if (!tools.includes(name)) return { text: `The tool ${name} is not offered to the model.`, log: `tools: ${tools.join(', ')}` };
  }
  if (!results.has('integratorFlow')) {
    return { call: { id: 'call-read', name: 'integratorFlow', input: { id: flowId } }, log: 'calls integratorFlow' };
  }
  if (!results.has('integratorRunFlow')) {
    return {
      text: `${summary(results.get('integratorFlow'))} Now running it.`,
      call: { id: 'call-run', name: 'integratorRunFlow', input: { flowId } },
      log: 'calls integratorRunFlow',
    };
  }
  const run = results.get('integratorRunFlow');
  const started = /"jobId"/.test(run);
  return { text: started ? 'The run has started.' : 'The flow was not run.', log: `after the run: ${run.slice(0, 300)}` };
}

/** What the model read, in its own words: proves the read tool's result came back to it. */
function summary(text) {
  try {
    const result = JSON.parse(text);
    return `The flow has ${result.data.steps.length} steps and ${result.data.openErrors} open errors in "${result.data.environment.name}".`;
  } catch {
    return `The flow overview did not parse: ${text.slice(0, 200)}`;
  }
}

function textOf(parts) {
  return parts.map((p) => (typeof p.value === 'string' ? p.value : '')).join('');
}

module.exports = { activate, deactivate() {} };
