/*
 * Ribbon command code for 自评表助手.
 *
 * The only ribbon button is a ShowTaskpane action, which Excel handles without code. In the shared runtime the
 * manifest's FunctionFile is taskpane.html, so any future ExecuteFunction command must also be registered from code
 * that taskpane.html loads (Office.actions.associate). This file is the entry of commands.html, kept for a runtime
 * without SharedRuntime support.
 */

/** Resolves once Office.js has initialised the page; the commands page has nothing else to set up yet. */
export function initCommands(): Promise<Office.HostType | null> {
  return Office.onReady().then((info) => info.host);
}

void initCommands();
